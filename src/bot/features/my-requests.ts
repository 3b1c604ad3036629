import type { CallbackQueryContext } from "grammy";
import { cancelRequest } from "../../services/requests/closing.js";
import { myRequests, ownRequest, RECENT_DAYS } from "../../services/requests/mine.js";
import { myRequestsList } from "../../ui/my-requests.js";
import { refuseButton } from "../actions.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { BotContext } from "../context.js";

/** /requests: the list as it is now, sent anew or drawn over the list a button was pressed on. */
export async function showMyRequests(ctx: BotContext, how: "reply" | "edit"): Promise<void> {
  const entries = await myRequests(ctx.deps, ctx.from!.id);
  const list = myRequestsList(ctx.t, entries, ctx.deps.clock.now(), RECENT_DAYS);
  const options = { parse_mode: "HTML" as const, ...(list.keyboard ? { reply_markup: list.keyboard } : {}) };
  if (how === "edit") await ctx.editMessageText(list.text, options);
  else await ctx.reply(list.text, options);
}

/** Why a Cancel could not be honoured, in words: a matched request says so rather than "not available". */
const refusalFor = (request: HelpRequest | undefined) =>
  request?.status === "matched" ? "request-cancel-matched" : "request-no-longer-available";

/**
 * Cancel on the "📣 Posted" message. The message itself is edited by the outbox, like every
 * change of the request, so it reads the same whichever way the request was cancelled. A refused
 * tap only answers: taking the keyboard away here could take the new "Post it again" with it.
 */
export async function cancelFromPosted(ctx: CallbackQueryContext<BotContext>, requestId: number): Promise<void> {
  if (await cancelRequest(ctx.deps, ctx.from.id, requestId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("request-cancelled-requester") });
    return;
  }
  const refusal = refusalFor(await ownRequest(ctx.deps, ctx.from.id, requestId));
  await ctx.answerCallbackQuery({ text: ctx.t(refusal), show_alert: refusal === "request-cancel-matched" });
}

/** Cancel in the /requests list: the answer pops up and the list is drawn again as it is now. */
export async function cancelFromList(ctx: CallbackQueryContext<BotContext>, requestId: number): Promise<void> {
  if (await cancelRequest(ctx.deps, ctx.from.id, requestId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("request-cancelled-requester") });
  } else {
    const request = await ownRequest(ctx.deps, ctx.from.id, requestId);
    // Someone else's request (forged data) is refused like any stale button; the list is not theirs to redraw.
    if (!request) return refuseButton(ctx, "request-no-longer-available");
    await ctx.answerCallbackQuery({ text: ctx.t(refusalFor(request)), show_alert: request.status === "matched" });
  }
  await showMyRequests(ctx, "edit");
}
