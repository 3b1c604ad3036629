/** One row of a user's credit ledger, as /balance lists it. */
export interface CreditEntry {
  amount: number;
  /** One of CREDIT_REASONS. */
  reason: string;
  requestId: number | null;
  note: string | null;
  at: number;
  /** A fee hold whose request completed: the fee went on to the helper. */
  paidOut: boolean;
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

/**
 * Why a row of a user's account was written; /balance names each. "fee-paid" is the requester's
 * side of completions from before fees were held in escrow (migration 0017).
 */
export const CREDIT_REASONS = ["admin", "topup", "fee-held", "fee-received", "fee-returned", "cancel-fee", "fee-paid"] as const;

/**
 * The ledger is double entry: every movement is rows summing to zero, one per account it touches,
 * each unique by (account, reason, subject), so a movement happens once. Users and boards each
 * have an account; the system accounts hold what is no user's:
 * - escrow: fees held for requests until they are paid or returned;
 * - donation-pool: the platform's share of fees, drawn on to back badges given to boards;
 * - payments: money that came in from outside (top-ups), so it runs negative by what was sold;
 * - grants: credits admins created or took back.
 */
export const SYSTEM_ACCOUNTS = ["escrow", "donation-pool", "payments", "grants"] as const;
export type SystemAccount = (typeof SYSTEM_ACCOUNTS)[number];

export const userAccount = (userId: number): string => `user:${userId}`;
export const boardAccount = (boardId: number): string => `board:${boardId}`;
export const requestSubject = (requestId: number): string => `request:${requestId}`;

/** The request a subject names, if it names one. */
export function requestOfSubject(subject: string): number | null {
  const match = /^request:(\d+)$/.exec(subject);
  return match ? Number(match[1]) : null;
}

/** One row of a movement. */
export interface LedgerRow {
  account: string;
  amount: number;
  reason: string;
  subject: string;
  actorId?: number | null;
  note?: string | null;
}

/**
 * A completed request's fee: the platform's share (rounded down, so the helper never gets less
 * than the percentage promises) goes to the donation pool, the rest to the helper.
 */
export function feeSplit(fee: number, sharePercent: number): { helper: number; share: number } {
  const share = Math.floor((fee * sharePercent) / 100);
  return { helper: fee - share, share };
}

/**
 * A request's fee split evenly among the helpers chosen for it (its places, in the order they were
 * chosen): each gets the fee divided by their number, rounded down, and the credits left over go
 * one each to the first chosen, so the shares always sum to the fee.
 */
export function placeShares(fee: number, places: number): number[] {
  if (places <= 0) return [];
  const each = Math.floor(fee / places);
  const left = fee - each * places;
  return Array.from({ length: places }, (_, i) => each + (i < left ? 1 : 0));
}

/** How the split was rounded, written on the ledger rows of a group's fee so it can be checked by hand. */
export function placeSharesNote(fee: number, places: number): string | null {
  if (places <= 1) return null;
  const each = Math.floor(fee / places);
  const left = fee - each * places;
  return `${fee} split ${places} ways = ${each} each${left === 0 ? "" : `, ${left} left over: +1 to the first ${left} chosen`}`;
}

/** A late cancellation by the requester: the helper's part (rounded down), the rest returned. */
export function lateCancelSplit(fee: number, partPercent: number): { helper: number; returned: number } {
  const helper = Math.floor((fee * partPercent) / 100);
  return { helper, returned: fee - helper };
}

/** The badges a gift asked the pool to back, and the credits it could: never more than the pool held. */
export function giftBacking(badges: number, creditsPerBadge: number, pool: number): { wanted: number; backed: number } {
  const wanted = badges * creditsPerBadge;
  return { wanted, backed: Math.max(0, Math.min(wanted, pool)) };
}

/** Why a pre-checkout is refused; the payer is told which. */
export const TOPUP_REFUSALS = ["no-provider", "unknown-order", "wrong-price"] as const;
export type TopupRefusal = (typeof TOPUP_REFUSALS)[number];
