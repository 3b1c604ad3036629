import { acceptRequest, withdrawOffer } from "../../services/requests/offers.js";
import { chooseOffer, startWithChosen } from "../../services/requests/choosing.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { offerSentCard } from "../../ui/request-cards.js";
import { rememberChatBanner } from "../../services/chats/banners.js";
import { chatBanner } from "../../ui/chat-cards.js";
import { onAction } from "../actions.js";
import { BUTTONS, Feature } from "../feature.js";
import { cancelFromList, cancelFromPosted } from "./my-requests.js";

/**
 * Buttons on requests and offers. They act on the request, not on a scene, so they sit before
 * the scenes and work even while the user is in the middle of one.
 */
export const requestActionsFeature = new Feature({ on: [BUTTONS] });

const ACCEPT_REFUSALS = {
  "own-request": "accept-own",
  "not-helper": "accept-not-helper",
  restricted: "accept-restricted",
  penalties: "accept-penalties",
  "out-of-range": "accept-out-of-range",
  "other-category": "accept-other-category",
  "not-urgent": "accept-not-urgent",
} as const;

onAction(requestActionsFeature, Actions.accept, async (ctx, requestId, eta) => {
  const result = await acceptRequest(ctx.deps, ctx.from.id, requestId, eta);
  if (!result.ok) {
    if (result.reason === "already") return void (await ctx.answerCallbackQuery({ text: ctx.t("accept-already") }));
    // A notice belongs to its request: closing or matching it edits every notice through the
    // outbox (or already has), so only the answer is given here — a second edit of our own
    // would race that one.
    if (result.reason === "closed") return void (await ctx.answerCallbackQuery({ text: ctx.t("request-no-longer-available") }));
    if (result.reason === "taken") return void (await ctx.answerCallbackQuery({ text: ctx.t("accept-too-late") }));
    return void (await ctx.answerCallbackQuery({ text: ctx.t(ACCEPT_REFUSALS[result.reason]), show_alert: true }));
  }
  await ctx.answerCallbackQuery({ text: ctx.t("accept-sent") });
  const card = offerSentCard(ctx.t, ctx.callbackQuery.message?.text ?? "", eta, result.offerId);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(requestActionsFeature, Actions.withdrawOffer, async (ctx, offerId) => {
  // An offer that can no longer be withdrawn was chosen, declined or closed with its request,
  // and that change edits this card through the outbox: only the answer is given here.
  if (!(await withdrawOffer(ctx.deps, ctx.from.id, offerId))) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-stale") }));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("offer-withdrawn-self"));
});

onAction(requestActionsFeature, Actions.chooseOffer, async (ctx, offerId) => {
  const result = await chooseOffer(ctx.deps, ctx.from.id, offerId);
  // The match or the withdrawal that beat this tap edits every offer card through the outbox.
  if (!result.ok) {
    const key = result.reason === "closed" ? "request-no-longer-available" : "button-stale";
    return void (await ctx.answerCallbackQuery({ text: ctx.t(key) }));
  }
  await ctx.answerCallbackQuery();
  const { chosen, request } = result;
  const text = [
    ctx.t("offer-chosen-requester", { alias: escapeHtml(result.alias) }),
    ...(request.helpersWanted === 1
      ? []
      : [ctx.t(chosen < request.helpersWanted ? "offer-chosen-places" : "offer-chosen-full", { chosen, wanted: request.helpersWanted })]),
  ].join("\n");
  // A helper with a photo offered in one message: the photo, with the card as its caption.
  if (ctx.callbackQuery.message?.photo) await ctx.editMessageCaption({ caption: text, parse_mode: "HTML" });
  else await ctx.editMessageText(text, { parse_mode: "HTML" });
  const banner = chatBanner(ctx.t, result.chat, "requester", { alias: result.alias }, result.request);
  const params = { parse_mode: "HTML" as const, ...(banner.keyboard ? { reply_markup: banner.keyboard } : {}) };
  const sent = await ctx.reply(banner.text, params);
  await rememberChatBanner(ctx.deps, ctx.from.id, {
    chatId: result.chat.id,
    messageId: sent.message_id,
    params: { text: banner.text, ...params },
  });
});

onAction(requestActionsFeature, Actions.startWithChosen, async (ctx, requestId) => {
  // Success edits this "📣 Posted" through the outbox, as filling the last place would.
  const result = await startWithChosen(ctx.deps, ctx.from.id, requestId);
  await ctx.answerCallbackQuery({ text: result.ok ? ctx.t("posted-started", { chosen: result.chosen }) : ctx.t("button-stale") });
});

onAction(requestActionsFeature, Actions.cancelRequest, cancelFromPosted);
onAction(requestActionsFeature, Actions.cancelListedRequest, cancelFromList);
