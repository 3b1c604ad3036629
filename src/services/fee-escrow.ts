import { holdOf, writeMovement } from "../../db/repositories/credit-entries.js";
import { feeSplit, lateCancelSplit, type LedgerRow, placeShares, placeSharesNote, requestSubject, userAccount } from "../domain/credits.js";
import type { HelpRequest } from "../domain/requests.js";
import type { ServiceDeps } from "./deps.js";
import type { UnitOfWork } from "./unit-of-work.js";

/**
 * A request's fee is held in escrow from posting until the request ends. Every path that ends a
 * request settles its hold right after its guarded status change, in the same transaction; the
 * settlement's escrow row is unique per request, so a hold resolves once whichever path wins.
 */

/** Posting: the fee leaves the requester's account for escrow. The caller locked the requester and checked the account. */
export async function holdFee(uow: UnitOfWork, request: Pick<HelpRequest, "id" | "requesterId" | "fee">): Promise<void> {
  if (request.fee <= 0) return;
  const hold = { reason: "fee-held", subject: requestSubject(request.id) };
  await writeMovement(
    uow.trx,
    [
      { ...hold, account: userAccount(request.requesterId), amount: -request.fee },
      { ...hold, account: "escrow", amount: request.fee },
    ],
    uow.now,
  );
}

/**
 * How one place of a request ended (a place is one chosen helper): its share paid to the helper
 * (minus the platform share) on completion, returned to the requester when nothing was done, or
 * split when the requester cancelled late.
 */
export type Settlement = { kind: "paid"; helperId: number } | { kind: "returned" } | { kind: "late-cancel"; helperId: number };

export interface Settled {
  toHelper: number;
  share: number;
  returned: number;
  /** A place of a group whose other chats go on: its figures move when the last one ends. */
  later?: boolean;
}

/**
 * What each place's share of the fee moves, in the order the places were chosen; no place at all
 * (nobody was chosen) returns the whole fee. Pure, so a place's ending can tell its figures before
 * the whole request settles.
 */
export function settlementOf(deps: ServiceDeps, fee: number, places: readonly Settlement[]): Settled[] {
  if (places.length === 0) return [{ toHelper: 0, share: 0, returned: fee }];
  const shares = placeShares(fee, places.length);
  return places.map((how, i) => {
    const part = shares[i]!;
    if (how.kind === "paid") {
      const { helper, share } = feeSplit(part, deps.config.fees.platformSharePercent);
      return { toHelper: helper, share, returned: 0 };
    }
    if (how.kind === "late-cancel") {
      const { helper, returned } = lateCancelSplit(part, deps.config.fees.lateCancelPercent);
      return { toHelper: helper, share: 0, returned };
    }
    return { toHelper: 0, share: 0, returned: part };
  });
}

/**
 * Settles the request's hold once, for all its places together: one movement whose rows are
 * summed per account and reason (the ledger's unique key), with the roundings written as notes.
 * A request with one helper is the case of one place.
 */
export async function settleFee(
  deps: ServiceDeps,
  uow: UnitOfWork,
  request: HelpRequest,
  places: readonly Settlement[],
): Promise<Settled[]> {
  const subject = requestSubject(request.id);
  const hold = await holdOf(uow.trx, subject);
  if (!hold || hold.settled) return settlementOf(deps, 0, places);
  const fee = hold.amount;
  const settled = settlementOf(deps, fee, places);
  const split = placeSharesNote(fee, places.length);
  const rows = new Map<string, LedgerRow>();
  const add = (row: LedgerRow) => {
    const key = `${row.account} ${row.reason}`;
    const seen = rows.get(key);
    const note = seen?.note && row.note && seen.note !== row.note ? `${seen.note}; ${row.note}` : (seen?.note ?? row.note);
    rows.set(key, seen ? { ...seen, amount: seen.amount + row.amount, note } : row);
  };
  add({ account: "escrow", amount: -fee, reason: "fee-settled", subject, note: split });
  const shares = placeShares(fee, places.length);
  places.forEach((how, i) => {
    const { toHelper, share, returned } = settled[i]!;
    if (how.kind === "paid") {
      const percent = deps.config.fees.platformSharePercent;
      const part = shares[i]!;
      const exact = (part * percent) / 100;
      // The rounding is written down where it happened, so the pool's figure can be checked by hand.
      const note = `${percent}% of ${part} = ${exact}${exact === share ? "" : `, rounded down to ${share}`}`;
      add({ account: userAccount(how.helperId), amount: toHelper, reason: "fee-received", subject, note: split });
      add({ account: "donation-pool", amount: share, reason: "platform-share", subject, note });
    } else if (how.kind === "late-cancel") {
      add({ account: userAccount(how.helperId), amount: toHelper, reason: "cancel-fee", subject, note: split });
    }
    if (returned > 0) add({ account: userAccount(request.requesterId), amount: returned, reason: "fee-returned", subject, note: split });
  });
  if (places.length === 0) add({ account: userAccount(request.requesterId), amount: fee, reason: "fee-returned", subject });
  await writeMovement(uow.trx, [...rows.values()], uow.now);
  return settled;
}
