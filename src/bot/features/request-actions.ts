import { Composer, InlineKeyboard } from "grammy";
import { ETA_CHOICES_MINUTES } from "../../domain/requests.js";
import { findRequest } from "../../../db/repositories/requests.js";
import { acceptRequest, cancelRequest, chooseOffer, withdrawOffer } from "../../services/requests.js";
import { acceptKeyboard, requestNotice, requestSummary } from "../../services/request-cards.js";
import { nearbyRequests } from "../../services/nearby.js";
import { callbackArgs, callbackData, callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { languageOf } from "../locale.js";

/**
 * Buttons on requests and offers. They act on the request, not on a scene, so they sit before
 * the scenes and work even while the user is in the middle of one.
 */
export const requestActionsFeature = new Composer<BotContext>();
const privateChats = requestActionsFeature.chatType("private");

async function stale(ctx: BotContext, key = "button-stale"): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key) });
  if (ctx.callbackQuery?.message?.reply_markup) await ctx.editMessageReplyMarkup({ reply_markup: undefined });
}

privateChats.callbackQuery(callbackPattern("acc"), async (ctx) => {
  const [requestArg, etaArg] = callbackArgs(ctx.callbackQuery.data, "acc") ?? [];
  const requestId = Number(requestArg);
  const eta = Number(etaArg);
  if (!Number.isInteger(requestId) || !(ETA_CHOICES_MINUTES as readonly number[]).includes(eta)) return stale(ctx);
  const result = await acceptRequest(ctx.deps, ctx.from.id, requestId, eta);
  if (!result.ok) {
    if (result.reason === "already") return void (await ctx.answerCallbackQuery({ text: ctx.t("accept-already") }));
    const key = {
      closed: "request-no-longer-available",
      "own-request": "accept-own",
      "not-helper": "accept-not-helper",
      restricted: "accept-restricted",
    }[result.reason];
    // Only a closed request makes the buttons useless for good; otherwise leave them be.
    if (result.reason === "closed") return stale(ctx, key);
    return void (await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true }));
  }
  await ctx.answerCallbackQuery({ text: ctx.t("accept-sent") });
  await ctx.editMessageText(
    `${ctx.callbackQuery.message?.text ? escapeHtml(ctx.callbackQuery.message.text) : ""}\n\n${ctx.t("accept-waiting", { eta: String(eta) })}`,
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(ctx.t("offer-withdraw"), callbackData("wd", result.offerId)),
    },
  );
});

privateChats.callbackQuery(callbackPattern("wd"), async (ctx) => {
  const offerId = Number(callbackArgs(ctx.callbackQuery.data, "wd")?.[0]);
  if (!(await withdrawOffer(ctx.deps, ctx.from.id, offerId))) return stale(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("offer-withdrawn-self"));
});

privateChats.callbackQuery(callbackPattern("cho"), async (ctx) => {
  const offerId = Number(callbackArgs(ctx.callbackQuery.data, "cho")?.[0]);
  const result = await chooseOffer(ctx.deps, ctx.from.id, offerId);
  if (!result.ok) return stale(ctx, result.reason === "closed" ? "request-no-longer-available" : "button-stale");
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("offer-chosen-requester", { alias: escapeHtml(result.alias) }), { parse_mode: "HTML" });
});

privateChats.callbackQuery(callbackPattern("rcan"), async (ctx) => {
  const requestId = Number(callbackArgs(ctx.callbackQuery.data, "rcan")?.[0]);
  if (!(await cancelRequest(ctx.deps, ctx.from.id, requestId))) return stale(ctx, "request-no-longer-available");
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("request-cancelled-requester"));
});

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
    lines.push(`${n}. ${requestSummary(ctx.deps.i18n, languageOf(ctx.user), request, distanceM)}`);
    keyboard.text(ctx.t("nearby-open", { n: String(n) }), callbackData("nbo", request.id));
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.row();
  if (current > 0) keyboard.text(ctx.t("page-previous"), callbackData("nb", current - 1));
  if (current < pages - 1) keyboard.text(ctx.t("page-next"), callbackData("nb", current + 1));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

privateChats.callbackQuery(callbackPattern("nb"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showNearby(ctx, Number(callbackArgs(ctx.callbackQuery.data, "nb")?.[0] ?? 0));
});

/** One request from the list, as a full notice with Accept buttons and its fuzzed map point. */
privateChats.callbackQuery(callbackPattern("nbo"), async (ctx) => {
  const request = await findRequest(ctx.deps.db, Number(callbackArgs(ctx.callbackQuery.data, "nbo")?.[0]));
  const found = await nearbyRequests(ctx.deps, ctx.from.id);
  const entry = found === "not-helper" ? undefined : found.find((f) => f.request.id === request?.id);
  if (!request || !entry) return stale(ctx, "request-no-longer-available");
  await ctx.answerCallbackQuery();
  const language = languageOf(ctx.user);
  await ctx.replyWithLocation(request.fuzzed_latitude, request.fuzzed_longitude);
  await ctx.reply(requestNotice(ctx.deps.i18n, language, request, entry.distanceM, ctx.deps.clock.now()), {
    parse_mode: "HTML",
    reply_markup: acceptKeyboard(ctx.deps.i18n, language, request.id),
  });
});
