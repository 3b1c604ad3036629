import { CLAIM_CODE_PATTERN } from "../../domain/vouchers.js";
import { claimByCode, giveVoucher, myVouchers, openClaimLink, takeBackOffer } from "../../services/vouchers/giving.js";
import { Actions } from "../../ui/actions.js";
import { claimCard, giveCard, voucherWords, vouchersCard } from "../../ui/voucher-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

/** /vouchers, Give and Take back, and claim links (t.me/<bot>?start=v_<code>). */
export const vouchersFeature = new Feature({ commands: ["vouchers"], deepLinks: [/^v_/], on: [BUTTONS] });
const privateChats = vouchersFeature.chatType("private");

async function showVouchers(ctx: BotContext): Promise<void> {
  const { deps } = ctx;
  const card = vouchersCard(ctx.t, await myVouchers(deps, ctx.from!.id), deps.config.limits.prizeThreshold, deps.config.timeZone);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
}

privateChats.command("vouchers", (ctx) => showVouchers(ctx));

// A claim link. Any other /start goes on (to invitations, then the menu).
privateChats.command("start", async (ctx, next) => {
  const payload = /^v_(.*)$/.exec(ctx.match.trim())?.[1];
  if (payload === undefined) return next();
  await ctx.conversation.exitAll();
  // A malformed code is answered like an unknown one, without a database look.
  const check = CLAIM_CODE_PATTERN.test(payload)
    ? await openClaimLink(ctx.deps, ctx.from.id, payload)
    : ({ ok: false, reason: "unknown" } as const);
  if (!check.ok) return void (await ctx.reply(ctx.t(`voucher-link-${check.reason}`)));
  const card = claimCard(ctx.t, check.voucher, check.giverAlias, payload, ctx.deps.config.timeZone);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(vouchersFeature, Actions.voucherGive, async (ctx, voucherId) => {
  const given = await giveVoucher(ctx.deps, ctx.from.id, voucherId);
  if (!given.ok) return refuseButton(ctx, "voucher-give-refused");
  await ctx.answerCallbackQuery();
  const link = `https://t.me/${ctx.me.username}?start=v_${given.code}`;
  await ctx.reply(giveCard(ctx.t, given.voucher, link, given.code, ctx.deps.config.timeZone), { parse_mode: "HTML" });
});

onAction(vouchersFeature, Actions.voucherTakeBack, async (ctx, voucherId) => {
  if (!(await takeBackOffer(ctx.deps, ctx.from.id, voucherId))) return refuseButton(ctx, "voucher-take-back-refused");
  await ctx.answerCallbackQuery({ text: ctx.t("voucher-taken-back") });
  await showVouchers(ctx);
});

onAction(vouchersFeature, Actions.voucherClaim, async (ctx, voucherId, code) => {
  if (!CLAIM_CODE_PATTERN.test(code)) return refuseButton(ctx);
  const claimed = await claimByCode(ctx.deps, ctx.from.id, voucherId, code);
  if (!claimed.ok) {
    await ctx.answerCallbackQuery();
    return void (await ctx.editMessageText(ctx.t(`voucher-link-${claimed.reason}`)));
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("voucher-claimed-you", voucherWords(claimed.voucher, ctx.deps.config.timeZone)), { parse_mode: "HTML" });
});
