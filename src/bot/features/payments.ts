import { balanceOf, checkTopupOrder, creditTopup } from "../../services/payments.js";
import { topupPayload } from "../../domain/credits.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { balanceCard, topupCard } from "../../ui/balance-cards.js";
import { onAction, refuseButton } from "../actions.js";
import { BUTTONS, Feature } from "../feature.js";

/**
 * /balance, /topup with Telegram Payments, and /paysupport and /privacy, which Telegram requires
 * of bots that take payments. Registered before the scenes and the relay, so a payment or its
 * pre-checkout is never read as a scene's answer or a chat message.
 */
export const paymentsFeature = new Feature({
  commands: ["balance", "topup", "paysupport", "privacy"],
  on: [BUTTONS, "pre_checkout_query", "message:successful_payment"],
});
const privateChats = paymentsFeature.chatType("private");

privateChats.command("balance", async (ctx) => {
  const view = await balanceOf(ctx.deps, ctx.from.id);
  await ctx.reply(balanceCard(ctx.t, view, ctx.deps.config.timeZone), { parse_mode: "HTML" });
});

privateChats.command("topup", async (ctx) => {
  const { providerToken, topupAmounts, creditPrice, currency } = ctx.deps.config.payments;
  if (!providerToken) {
    const contact = ctx.deps.config.adminContact;
    const id = String(ctx.from.id);
    const how = contact ? ctx.t("top-up-contact", { contact: escapeHtml(contact), id }) : ctx.t("top-up-ask-admin", { id });
    return void (await ctx.reply(ctx.t("topup-no-provider", { how }), { parse_mode: "HTML" }));
  }
  const card = topupCard(ctx.t, { amounts: topupAmounts, creditPrice, currency });
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(paymentsFeature, Actions.topup, async (ctx, credits) => {
  const { providerToken, topupAmounts, creditPrice, currency } = ctx.deps.config.payments;
  // An amount no longer offered (or a forged one) gets no invoice.
  if (!providerToken || !topupAmounts.includes(credits)) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const order = topupPayload({ userId: ctx.from.id, credits });
  await ctx.replyWithInvoice(
    ctx.t("topup-invoice-title", { credits }),
    ctx.t("topup-invoice-description", { credits }),
    order,
    currency,
    [{ label: ctx.t("topup-invoice-label", { credits }), amount: credits * creditPrice }],
    { provider_token: providerToken },
  );
});

// Telegram waits at most 10 seconds for this answer: the check reads only the configuration.
paymentsFeature.on("pre_checkout_query", async (ctx) => {
  const query = ctx.preCheckoutQuery;
  const check = checkTopupOrder(ctx.deps.config, query.from.id, {
    payload: query.invoice_payload,
    currency: query.currency,
    totalAmount: query.total_amount,
  });
  if (check.ok) await ctx.answerPreCheckoutQuery(true);
  else await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(`topup-refused-${check.reason}`) });
});

privateChats.on("message:successful_payment", async (ctx) => {
  const paid = ctx.message.successful_payment;
  const result = await creditTopup(ctx.deps, {
    userId: ctx.from.id,
    chargeId: paid.telegram_payment_charge_id,
    providerChargeId: paid.provider_payment_charge_id,
    payload: paid.invoice_payload,
    currency: paid.currency,
    totalAmount: paid.total_amount,
  });
  await ctx.reply(ctx.t(`topup-${result.outcome}`, { credits: result.credits, available: result.balance.available }), {
    parse_mode: "HTML",
  });
});

privateChats.command("paysupport", async (ctx) => {
  const contact = ctx.deps.config.adminContact;
  const id = String(ctx.from.id);
  const how = contact ? ctx.t("paysupport-contact", { contact: escapeHtml(contact), id }) : ctx.t("paysupport-ask-admin", { id });
  await ctx.reply(ctx.t("paysupport", { how }), { parse_mode: "HTML" });
});

privateChats.command("privacy", async (ctx) => {
  await ctx.reply(ctx.t("privacy"), { parse_mode: "HTML" });
});
