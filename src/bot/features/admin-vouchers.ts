import { SCENES } from "../../../scenes/ids.js";
import { changeKind, fulfilVoucher, liveVoucher } from "../../services/vouchers/admin.js";
import { Actions } from "../../ui/actions.js";
import { fulfilConfirmCard } from "../../ui/voucher-cards.js";
import { onAction } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";
import { section } from "./admin-console.js";

/**
 * The console's voucher pages: kinds made the prize's or retired, a new kind, a voucher marked
 * fulfilled, a voucher issued from a user's card. Every action is an admin's, refused to anyone else.
 */
export const adminVouchersFeature = new Feature({ on: [BUTTONS] });

async function redraw(ctx: BotContext, which: "vouchers" | "kinds"): Promise<void> {
  const view = await section(ctx, which, 0);
  await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
}

onAction(adminVouchersFeature, Actions.adminVoucherKind, async (ctx, kindId, change) => {
  const changed = await changeKind(ctx.deps, ctx.from.id, kindId, change);
  await ctx.answerCallbackQuery({ text: ctx.t(changed ? "admin-kind-changed" : "admin-kind-stale") });
  // Unchanged, the page may well be drawn as it stands; Telegram refuses an edit that changes nothing.
  if (changed) await redraw(ctx, "kinds");
});

onAction(adminVouchersFeature, Actions.adminAddVoucherKind, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(SCENES.voucherKind);
});

onAction(adminVouchersFeature, Actions.adminFulfilVoucher, async (ctx, voucherId, step) => {
  if (step === "yes") {
    const fulfilled = await fulfilVoucher(ctx.deps, ctx.from.id, voucherId);
    await ctx.answerCallbackQuery({
      text: ctx.t(fulfilled ? "admin-voucher-fulfilled" : "admin-voucher-not-live", { id: String(voucherId) }),
    });
    return redraw(ctx, "vouchers");
  }
  const held = await liveVoucher(ctx.deps, voucherId);
  if (!held) {
    await ctx.answerCallbackQuery({ text: ctx.t("admin-voucher-not-live") });
    return redraw(ctx, "vouchers");
  }
  await ctx.answerCallbackQuery();
  const card = fulfilConfirmCard(ctx.t, held, ctx.deps.config.timeZone);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(adminVouchersFeature, Actions.adminIssueVoucher, async (ctx, userId) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(SCENES.issueVoucher, userId);
});
