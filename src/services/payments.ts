import { recentCreditEntries, writeMovement } from "../../db/repositories/credit-entries.js";
import { recordPayment } from "../../db/repositories/payments.js";
import type { Config } from "../config.js";
import { type CreditEntry, parseTopupPayload, type TopupRefusal, userAccount } from "../domain/credits.js";
import type { ServiceDeps } from "./deps.js";
import { creditsOf, type Credits } from "./ledger.js";
import { inUnitOfWork } from "./unit-of-work.js";

/** How many ledger rows /balance shows. */
const HISTORY_LENGTH = 10;

export interface Order {
  payload: string;
  currency: string;
  totalAmount: number;
}

export type OrderCheck = { ok: true; credits: number } | { ok: false; reason: TopupRefusal };

/**
 * Whether an order Telegram is about to charge is one /topup offers now, to this user, at this
 * price. Pure, so pre-checkout answers well within Telegram's 10 seconds.
 */
export function checkTopupOrder(config: Config, payerId: number, order: Order): OrderCheck {
  const { providerToken, currency, topupAmounts, creditPrice } = config.payments;
  if (!providerToken) return { ok: false, reason: "no-provider" };
  const parsed = parseTopupPayload(order.payload);
  if (!parsed || parsed.userId !== payerId || !topupAmounts.includes(parsed.credits)) return { ok: false, reason: "unknown-order" };
  if (order.currency !== currency || order.totalAmount !== parsed.credits * creditPrice) return { ok: false, reason: "wrong-price" };
  return { ok: true, credits: parsed.credits };
}

export interface TopupResult {
  /** credited: this call added the credits; already: the charge was credited before; unmatched: paid, but for no order of this user. */
  outcome: "credited" | "already" | "unmatched";
  credits: number;
  balance: Credits;
}

/**
 * A successful payment becomes credits once: the payment row is keyed by Telegram's charge id,
 * so the same payment in a repeated or a different update adds nothing the second time. The
 * credits are the ones the paid payload named; pre-checkout already checked it.
 */
export function creditTopup(
  deps: ServiceDeps,
  payment: Order & { userId: number; chargeId: string; providerChargeId: string },
): Promise<TopupResult> {
  return inUnitOfWork(deps, async ({ trx, now }): Promise<TopupResult> => {
    const parsed = parseTopupPayload(payment.payload);
    const credits = parsed && parsed.userId === payment.userId ? parsed.credits : 0;
    const recorded = await recordPayment(trx, { ...payment, credits, at: now });
    if (recorded && credits > 0) {
      // Money from outside: the payments account goes negative by what was sold.
      const topup = { reason: "topup", subject: `payment:${payment.chargeId}` };
      await writeMovement(
        trx,
        [
          { ...topup, account: userAccount(payment.userId), amount: credits },
          { ...topup, account: "payments", amount: -credits },
        ],
        now,
      );
    }
    const outcome = !recorded ? "already" : credits > 0 ? "credited" : "unmatched";
    return { outcome, credits, balance: await creditsOf(trx, payment.userId) };
  });
}

/** /balance: what is free, what escrow holds for the user's requests, and the latest rows of their account. */
export async function balanceOf(deps: ServiceDeps, userId: number): Promise<{ credits: Credits; history: CreditEntry[] }> {
  return { credits: await creditsOf(deps.db, userId), history: await recentCreditEntries(deps.db, userId, HISTORY_LENGTH) };
}
