import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { decideApplication } from "../src/services/helpers/applications.js";
import { escapeHtml } from "../src/telegram/html.js";
import { beginStep } from "./resilient.js";
import { textAnswer, waitForAnswer } from "./steps.js";

const REASON_MAX = 300;

/** An admin pressed Reject: the applicant deserves a reason, so ask for one before deciding. */
export function rejectReasonScene(deps: BotDeps) {
  return async function rejectReason(conversation: Scene, ctx: SceneContext, applicantId: number, alias: string): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("admin-reject-reason-prompt", { alias: escapeHtml(alias), id: String(applicantId) }), { parse_mode: "HTML" });
    const { value: reason, ctx: answered } = await waitForAnswer(conversation, (c) =>
      textAnswer(c, REASON_MAX, "admin-reject-reason-hint"),
    );
    const adminId = answered.from!.id;
    const result = await conversation.external(() => decideApplication(deps, { adminId, userId: applicantId, approve: false, reason }));
    await answered.reply(
      result.ok
        ? answered.t("admin-rejected-done", { alias: escapeHtml(result.alias), id: String(applicantId) })
        : answered.t("admin-already-decided", { id: String(applicantId), status: answered.t(`helper-status-${result.status ?? "none"}`) }),
      { parse_mode: "HTML" },
    );
  };
}
