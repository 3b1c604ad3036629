import { Composer, InlineKeyboard } from "grammy";
import { acceptRequest, withdrawOffer } from "../../services/requests/offers.js";
import { chooseOffer } from "../../services/requests/choosing.js";
import { nearbyRequest, nearbyRequests } from "../../services/requests/nearby.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { acceptKeyboard, offerSentCard, requestNotice, requestSummary } from "../../ui/request-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { cancelFromList, cancelFromPosted } from "./my-requests.js";

/**
 * Buttons on requests and offers. They act on the request, not on a scene, so they sit before
 * the scenes and work even while the user is in the middle of one.
 */
export const requestActionsFeature = new Composer<BotContext>();

const ACCEPT_REFUSALS = {
  "own-request": "accept-own",
  "not-helper": "accept-not-helper",
  restricted: "accept-restricted",
  "out-of-range": "accept-out-of-range",
  "other-category": "accept-other-category",
} as const;

onAction(requestActionsFeature, Actions.accept, async (ctx, requestId, eta) => {
  const result = await acceptRequest(ctx.deps, ctx.from.id, requestId, eta);
  if (!result.ok) {
    if (result.reason === "already") return void (await ctx.answerCallbackQuery({ text: ctx.t("accept-already") }));
    // Only a closed request makes the buttons useless for good; otherwise leave them be.
    if (result.reason === "closed") return refuseButton(ctx, "request-no-longer-available");
    return void (await ctx.answerCallbackQuery({ text: ctx.t(ACCEPT_REFUSALS[result.reason]), show_alert: true }));
  }
  await ctx.answerCallbackQuery({ text: ctx.t("accept-sent") });
  const card = offerSentCard(ctx.t, ctx.callbackQuery.message?.text ?? "", eta, result.offerId);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(requestActionsFeature, Actions.withdrawOffer, async (ctx, offerId) => {
  if (!(await withdrawOffer(ctx.deps, ctx.from.id, offerId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("offer-withdrawn-self"));
});

onAction(requestActionsFeature, Actions.chooseOffer, async (ctx, offerId) => {
  const result = await chooseOffer(ctx.deps, ctx.from.id, offerId);
  if (!result.ok) return refuseButton(ctx, result.reason === "closed" ? "request-no-longer-available" : "button-stale");
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("offer-chosen-requester", { alias: escapeHtml(result.alias) }), { parse_mode: "HTML" });
});

onAction(requestActionsFeature, Actions.cancelRequest, cancelFromPosted);
onAction(requestActionsFeature, Actions.cancelListedRequest, cancelFromList);

const PAGE = 5;

/** /nearby and its pages: open requests around the helper, nearest first, at fuzzed places. */
export async function showNearby(ctx: BotContext, page: number): Promise<void> {
  const found = await nearbyRequests(ctx.deps, ctx.from!.id);
  if (found === "not-helper") {
    await ctx.reply(ctx.t("nearby-not-helper"));
    return;
  }
  if (found.length === 0) {
    await ctx.reply(ctx.t("nearby-none"));
    return;
  }
  const pages = Math.ceil(found.length / PAGE);
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = found.slice(current * PAGE, current * PAGE + PAGE);
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("nearby-title", { page: String(current + 1), pages: String(pages) })];
  slice.forEach(({ request, distanceM }, i) => {
    const n = current * PAGE + i + 1;
    lines.push(`${n}. ${requestSummary(ctx.t, request, distanceM)}`);
    keyboard.text(ctx.t("nearby-open", { n: String(n) }), Actions.nearbyOpen.data(request.id));
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.row();
  if (current > 0) keyboard.text(ctx.t("page-previous"), Actions.nearbyPage.data(current - 1));
  if (current < pages - 1) keyboard.text(ctx.t("page-next"), Actions.nearbyPage.data(current + 1));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

onAction(requestActionsFeature, Actions.nearbyPage, async (ctx, page) => {
  await ctx.answerCallbackQuery();
  await showNearby(ctx, page);
});

/** One request from the list, as a full notice with Accept buttons and its fuzzed map point. */
onAction(requestActionsFeature, Actions.nearbyOpen, async (ctx, requestId) => {
  const entry = await nearbyRequest(ctx.deps, ctx.from.id, requestId);
  if (!entry) return refuseButton(ctx, "request-no-longer-available");
  const { request, distanceM } = entry;
  await ctx.answerCallbackQuery();
  await ctx.replyWithLocation(request.fuzzedLatitude, request.fuzzedLongitude);
  await ctx.reply(requestNotice(ctx.t, request, distanceM, ctx.deps.clock.now()), {
    parse_mode: "HTML",
    reply_markup: acceptKeyboard(ctx.t, request.id),
  });
});
