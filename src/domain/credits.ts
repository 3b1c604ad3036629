/** One row of a user's credit ledger, as /balance lists it. */
export interface CreditEntry {
  amount: number;
  /** "admin", "topup", "fee-paid", "fee-received" */
  reason: string;
  requestId: number | null;
  note: string | null;
  at: number;
}

/** What an invoice sells: so many credits to one user. */
export interface TopupOrder {
  userId: number;
  credits: number;
}

/** The invoice payload Telegram hands back at pre-checkout and with the payment. */
export function topupPayload(order: TopupOrder): string {
  return `topup:${order.userId}:${order.credits}`;
}

export function parseTopupPayload(payload: string): TopupOrder | undefined {
  const match = /^topup:([1-9]\d{0,14}):([1-9]\d{0,8})$/.exec(payload);
  return match ? { userId: Number(match[1]), credits: Number(match[2]) } : undefined;
}

/** Why a ledger row was written; /balance names each. */
export const CREDIT_REASONS = ["admin", "topup", "fee-paid", "fee-received"] as const;

/** Why a pre-checkout is refused; the payer is told which. */
export const TOPUP_REFUSALS = ["no-provider", "unknown-order", "wrong-price"] as const;
export type TopupRefusal = (typeof TOPUP_REFUSALS)[number];
