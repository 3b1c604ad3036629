import { escapeHtml } from "../../telegram/html.js";
import { keepNearbyList, nearbyListPage, nearbyListPageWith, openNearbyRequest, startNearbyList } from "../../services/requests/nearby.js";
import { Actions } from "../../ui/actions.js";
import { nearbyListCard, type NearbyPage } from "../../ui/nearby-list.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

/**
 * /nearby: open requests around the helper at their shown places. Its buttons act on the list,
 * not on a scene, so they sit with the request buttons and work in the middle of one.
 */
export const nearbyFeature = new Feature({ on: [BUTTONS] });

// Each names the way forward, never one that leads back to /nearby (a suspended helper is not sent to /helper).
const NOT_BROWSING = { "not-helper": "nearby-not-helper", pending: "nearby-pending", suspended: "nearby-suspended" } as const;

export async function showNearby(ctx: BotContext): Promise<void> {
  const list = await startNearbyList(ctx.deps, ctx.from!.id);
  if (list === "restricted") {
    const reason = escapeHtml(ctx.user?.restrictedReason ?? "—");
    return void (await ctx.reply(ctx.t("nearby-restricted", { reason }), { parse_mode: "HTML" }));
  }
  if (typeof list === "string") return void (await ctx.reply(ctx.t(NOT_BROWSING[list])));
  if (list.requestIds.length === 0) return void (await ctx.reply(ctx.t("nearby-none")));
  const card = nearbyListCard(ctx.t, list.first);
  const sent = await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
  await keepNearbyList(ctx.deps, ctx.from!.id, sent.message_id, list.requestIds);
}

/** The list is redrawn where it is, not sent again. */
async function redraw(ctx: BotContext, page: NearbyPage): Promise<void> {
  const card = nearbyListCard(ctx.t, page);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
}

onAction(nearbyFeature, Actions.nearbyPage, async (ctx, page) => {
  const messageId = ctx.callbackQuery.message?.message_id;
  const list = messageId === undefined ? undefined : await nearbyListPage(ctx.deps, ctx.from.id, messageId, page);
  if (!list) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await redraw(ctx, list);
});

/** One request from the list; one that closed meanwhile is marked in the list, the rest stay. */
onAction(nearbyFeature, Actions.nearbyOpen, async (ctx, requestId) => {
  if (await openNearbyRequest(ctx.deps, ctx.from.id, requestId)) return void (await ctx.answerCallbackQuery());
  const messageId = ctx.callbackQuery.message?.message_id;
  const list = messageId === undefined ? undefined : await nearbyListPageWith(ctx.deps, ctx.from.id, messageId, requestId);
  if (!list) return refuseButton(ctx, "request-no-longer-available");
  await ctx.answerCallbackQuery({ text: ctx.t("request-no-longer-available") });
  await redraw(ctx, list);
});
