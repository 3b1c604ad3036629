import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { decideApplication } from "../src/services/helpers/applications.js";
import { escapeHtml } from "../src/telegram/html.js";
import { beginStep } from "./resilient.js";
import { textAnswer, waitForAnswer } from "./steps.js";

const REASON_MAX = 300;

/**
 * An admin pressed Reject: the applicant deserves a reason, so ask for one before deciding. The
 * decision is for the submission on the card; if the applicant replaces it meanwhile, it decides nothing.
 */
export function rejectReasonScene(deps: BotDeps) {
  return async function rejectReason(
    conversation: Scene,
    ctx: SceneContext,
    applicantId: number,
    alias: string,
    submittedAt: number,
  ): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("admin-reject-reason-prompt", { alias: escapeHtml(alias), id: String(applicantId) }), { parse_mode: "HTML" });
    const { value: reason, ctx: answered } = await waitForAnswer(conversation, (c) =>
      textAnswer(c, REASON_MAX, "admin-reject-reason-hint"),
    );
    const adminId = answered.from!.id;
    const result = await conversation.external(() =>
      decideApplication(deps, { adminId, userId: applicantId, approve: false, reason, submittedAt }),
    );
    const id = String(applicantId);
    await answered.reply(
      result.ok
        ? answered.t("admin-rejected-done", { alias: escapeHtml(result.alias), id })
        : result.reason === "superseded"
          ? answered.t("admin-superseded", { id })
          : answered.t("admin-already-decided", { id, status: answered.t(`helper-status-${result.status ?? "none"}`) }),
      { parse_mode: "HTML" },
    );
  };
}
