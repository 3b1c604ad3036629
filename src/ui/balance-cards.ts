import { InlineKeyboard } from "grammy";
import type { CreditEntry } from "../domain/credits.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { formatDayTime } from "./time.js";
import type { Translate } from "./translator.js";

/** A price given in the currency's smallest units, as people read it (₩10,000, $1.50). */
export function formatPrice(smallestUnits: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 0;
  return format.format(smallestUnits / 10 ** exponent);
}

/** One ledger row with its reason, as /balance and the admin lookup show it. */
export function historyLine(t: Translate, entry: CreditEntry, timeZone: string): string {
  const amount = `${entry.amount > 0 ? "+" : ""}${entry.amount}`;
  const why =
    entry.reason === "admin"
      ? t("credit-reason-admin", { note: escapeHtml(entry.note ?? "") })
      : t(entry.paidOut ? "credit-reason-fee-held-paid" : `credit-reason-${entry.reason}`, { request: entry.requestId ?? 0 });
  return `• ${formatDayTime(entry.at, timeZone)} ${amount} — ${why}`;
}

/** /balance: free to promise, held by requests, and the latest ledger rows with their reasons. */
export function balanceCard(
  t: Translate,
  view: { credits: { balance: number; reserved: number; available: number }; history: CreditEntry[] },
  timeZone: string,
): string {
  const lines = [
    t("balance-title"),
    t("balance-available", { available: view.credits.available }),
    t("balance-held", { held: view.credits.reserved }),
    t("balance-total", { balance: view.credits.balance }),
    "",
  ];
  if (view.history.length === 0) lines.push(t("balance-no-history"));
  else lines.push(t("balance-history"), ...view.history.map((e) => historyLine(t, e, timeZone)));
  lines.push("", t("balance-topup-hint"));
  return lines.join("\n");
}

/** /topup with a payment provider: one button per amount, each with its price. */
export function topupCard(t: Translate, offer: { amounts: number[]; creditPrice: number; currency: string }) {
  const keyboard = InlineKeyboard.from(
    offer.amounts.map((credits) => [
      InlineKeyboard.text(
        t("topup-button", { credits, price: formatPrice(credits * offer.creditPrice, offer.currency) }),
        Actions.topup.data(credits),
      ),
    ]),
  );
  return { text: t("topup-choose", { price: formatPrice(offer.creditPrice, offer.currency) }), keyboard };
}
