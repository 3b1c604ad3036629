import { holdOf, writeMovement } from "../../db/repositories/credit-entries.js";
import { feeSplit, lateCancelSplit, type LedgerRow, requestSubject, userAccount } from "../domain/credits.js";
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
 * How a hold ends: paid to the helper (minus the platform share) on completion, returned to the
 * requester when nothing was done, or split when the requester cancelled late.
 */
export type Settlement = { kind: "paid"; helperId: number } | { kind: "returned" } | { kind: "late-cancel"; helperId: number };

export interface Settled {
  toHelper: number;
  share: number;
  returned: number;
}

export async function settleFee(deps: ServiceDeps, uow: UnitOfWork, request: HelpRequest, how: Settlement): Promise<Settled> {
  const subject = requestSubject(request.id);
  const hold = await holdOf(uow.trx, subject);
  if (!hold || hold.settled) return { toHelper: 0, share: 0, returned: 0 };
  const fee = hold.amount;
  const rows: LedgerRow[] = [{ account: "escrow", amount: -fee, reason: "fee-settled", subject }];
  let settled: Settled;
  if (how.kind === "paid") {
    const percent = deps.config.fees.platformSharePercent;
    const { helper, share } = feeSplit(fee, percent);
    const exact = (fee * percent) / 100;
    // The rounding is written down where it happened, so the pool's figure can be checked by hand.
    const note = `${percent}% of ${fee} = ${exact}${exact === share ? "" : `, rounded down to ${share}`}`;
    rows.push(
      { account: userAccount(how.helperId), amount: helper, reason: "fee-received", subject },
      { account: "donation-pool", amount: share, reason: "platform-share", subject, note },
    );
    settled = { toHelper: helper, share, returned: 0 };
  } else if (how.kind === "late-cancel") {
    const { helper, returned } = lateCancelSplit(fee, deps.config.fees.lateCancelPercent);
    rows.push(
      { account: userAccount(how.helperId), amount: helper, reason: "cancel-fee", subject },
      { account: userAccount(request.requesterId), amount: returned, reason: "fee-returned", subject },
    );
    settled = { toHelper: helper, share: 0, returned };
  } else {
    rows.push({ account: userAccount(request.requesterId), amount: fee, reason: "fee-returned", subject });
    settled = { toHelper: 0, share: 0, returned: fee };
  }
  await writeMovement(uow.trx, rows, uow.now);
  return settled;
}
