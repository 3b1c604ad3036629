import type { Scene, SceneContext } from "../src/bot/context.js";
import { currentPendingList, decisionReply } from "../src/bot/admin-replies.js";
import { decideApplication } from "../src/services/helpers/applications.js";
import { escapeHtml } from "../src/telegram/html.js";
import { beginStep } from "./resilient.js";
import { textAnswer, waitForAnswer } from "./steps.js";

const REASON_MAX = 300;

/**
 * An admin pressed Reject: the applicant deserves a reason, so ask for one before deciding. The
 * decision is for the submission on the card; if the applicant replaces it meanwhile, it decides nothing.
 * Pressed on the /pending list (`listMessageId`), the list is drawn again once it is decided.
 */
export function rejectReasonScene() {
  return async function rejectReason(
    conversation: Scene,
    ctx: SceneContext,
    applicantId: number,
    alias: string,
    submittedAt: number,
    listMessageId?: number | null,
  ): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("admin-reject-reason-prompt", { alias: escapeHtml(alias), id: String(applicantId) }), { parse_mode: "HTML" });
    const { value: reason, ctx: answered } = await waitForAnswer(conversation, (c) =>
      textAnswer(c, REASON_MAX, "admin-reject-reason-hint"),
    );
    const adminId = answered.from!.id;
    const result = await conversation.external((outside) =>
      decideApplication(outside.deps, { adminId, userId: applicantId, approve: false, reason, submittedAt }),
    );
    await answered.reply(decisionReply(answered.t, result, false, applicantId), { parse_mode: "HTML" });
    // Scene arguments are stored as JSON: one left out comes back as null.
    if (typeof listMessageId === "number") {
      // Read outside the replay log, drawn through the scene's own API calls like every reply.
      const list = await conversation.external((outside) => currentPendingList(outside.deps, answered.t));
      await answered.api.editMessageText(answered.chat!.id, listMessageId, list.text, { parse_mode: "HTML", reply_markup: list.keyboard });
    }
  };
}
