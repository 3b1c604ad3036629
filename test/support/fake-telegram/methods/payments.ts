// Payments with a provider token: the invoice message, and the answer to a pre-checkout query
// (the persona's side of paying lives in ../payments.ts).
import { badRequest } from "../types.js";
import { type Handler, obj, str } from "./common.js";
import { send } from "./send.js";

interface LabeledPrice {
  label: string;
  amount: number;
}

// A subset of the ISO 4217 codes Telegram accepts; amounts are integers in each one's smallest unit.
const CURRENCIES = new Set(["KRW", "JPY", "USD", "EUR", "GBP"]);

export const paymentHandlers: Record<string, Handler> = {
  sendInvoice: (p, world) => {
    const payload = str(p, "payload") ?? "";
    const bytes = Buffer.byteLength(payload, "utf8");
    if (bytes < 1 || bytes > 128) throw badRequest("INVOICE_PAYLOAD_INVALID", "invoice payload must be 1-128 bytes");
    const currency = str(p, "currency") ?? "";
    if (!CURRENCIES.has(currency)) throw badRequest("CURRENCY_INVALID", "unknown currency");
    // Real-world goods and services need a payment provider; only Telegram Stars (XTR) go without.
    const token = str(p, "provider_token");
    if (!token) throw badRequest("PAYMENT_PROVIDER_INVALID", "provider_token missing for a non-XTR currency");
    if (world.providerToken !== undefined && token !== world.providerToken)
      throw badRequest("PAYMENT_PROVIDER_INVALID", "unknown provider token");
    const title = str(p, "title") ?? "";
    const description = str(p, "description") ?? "";
    if (title.length < 1 || title.length > 32) throw badRequest("INVOICE_TITLE_INVALID", "title must be 1-32 characters");
    if (description.length < 1 || description.length > 255) throw badRequest("INVOICE_DESCRIPTION_INVALID", "description length");
    const prices = obj<LabeledPrice[]>(p, "prices") ?? [];
    if (prices.length === 0) throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID", "no prices");
    if (prices.some((x) => !Number.isInteger(x.amount) || x.label.length === 0))
      throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID", "bad price");
    const total = prices.reduce((sum, x) => sum + x.amount, 0);
    if (total <= 0) throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID", "total must be positive");
    const start = str(p, "start_parameter") ?? "";
    const stored = send(world, p, () => ({
      invoice: { title, description, start_parameter: start, currency, total_amount: total },
    }));
    world.invoices.set(`${stored.chatId}:${stored.message.message_id}`, { payload, currency, total, title });
    return structuredClone(stored.message);
  },

  answerPreCheckoutQuery: (p, world) => {
    const id = str(p, "pre_checkout_query_id") ?? "";
    const ok = p.ok as boolean;
    const error = str(p, "error_message");
    if (!ok && !error) throw badRequest("ERROR_MESSAGE_EMPTY", "ok:false needs error_message");
    world.checkouts.answer(id, ok ? { ok } : { ok, error: error ?? "" });
    return true;
  },
};
