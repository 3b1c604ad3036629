import { aliasOf } from "../../../db/repositories/users.js";
import {
  addVoucherEvent,
  claimVoucher,
  findVoucher,
  offerVoucher,
  spentCode,
  voucherByCode,
  vouchersOf,
  withdrawOffer,
} from "../../../db/repositories/vouchers.js";
import type { LinkRefusal, ListedVoucher, Voucher } from "../../domain/vouchers.js";
import { escapeHtml } from "../../telegram/html.js";
import { voucherWords } from "../../ui/voucher-cards.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { hashClaimCode, mintClaimCode } from "./codes.js";

// Of each, held and given away: the list stays well within one message.
const LISTED = 10;

/** /vouchers: what the user holds and what they gave away. */
export function myVouchers(deps: ServiceDeps, userId: number): Promise<ListedVoucher[]> {
  return vouchersOf(deps.db, userId, LISTED);
}

export type GiveResult = { ok: true; voucher: Voucher; code: string } | { ok: false };

/**
 * Give: a new claim code for a held voucher, shown once. The code is minted here, outside the
 * unit of work, and only its hash goes in: a unit's result is recorded for replay and the outbox
 * keeps what it sent, so neither may hold the code. An update run again after a crash finds the
 * recorded hash is not this code's and offers again (the earlier code never reached anyone).
 */
export async function giveVoucher(deps: ServiceDeps, holderId: number, voucherId: number): Promise<GiveResult> {
  for (;;) {
    const { code, hash } = mintClaimCode();
    const offered = await inUnitOfWork(deps, async (uow) => {
      const offer = await offerVoucher(uow.trx, { id: voucherId, holderId, codeHash: hash, now: uow.now });
      if (offer === undefined) return undefined;
      await addVoucherEvent(uow.trx, {
        voucherId,
        event: "offered",
        subjectId: offer,
        userId: holderId,
        actorId: holderId,
        codeHash: hash,
        at: uow.now,
      });
      return hash;
    });
    if (offered === undefined) return { ok: false };
    if (offered === hash) return { ok: true, voucher: (await findVoucher(deps.db, voucherId))!, code };
    // A replayed offer: take it back so that a fresh one can be made.
    if (!(await takeBackOffer(deps, holderId, voucherId))) return { ok: false };
  }
}

/** The holder takes an offer back: its link stops working and the voucher is held again. */
export function takeBackOffer(deps: ServiceDeps, holderId: number, voucherId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const withdrawn = await withdrawOffer(uow.trx, voucherId, holderId);
    if (!withdrawn) return false;
    await addVoucherEvent(uow.trx, {
      voucherId,
      event: "withdrawn",
      subjectId: withdrawn.offer,
      userId: holderId,
      actorId: holderId,
      codeHash: withdrawn.codeHash,
      at: uow.now,
    });
    return true;
  });
}

export type LinkCheck = { ok: true; voucher: Voucher; giverAlias: string } | { ok: false; reason: LinkRefusal };

/** Someone opened t.me/<bot>?start=v_<code>: the offered voucher someone else holds that it names, or why not. */
export async function openClaimLink(deps: ServiceDeps, claimerId: number, code: string): Promise<LinkCheck> {
  const hash = hashClaimCode(code);
  const now = deps.clock.now();
  const live = await voucherByCode(deps.db, hash);
  if (live) {
    // Past its date the link is dead even before the expiry timer has run.
    if (live.expiresAt <= now) return { ok: false, reason: "expired" };
    if (live.holderId === claimerId) return { ok: false, reason: "own" };
    return { ok: true, voucher: live, giverAlias: await aliasOf(deps.db, live.holderId) };
  }
  const spent = await spentCode(deps.db, hash);
  if (!spent) return { ok: false, reason: "unknown" };
  if (spent.claimed) return { ok: false, reason: "claimed" };
  const voucher = await findVoucher(deps.db, spent.voucherId);
  if (voucher?.state === "expired") return { ok: false, reason: "expired" };
  if (voucher?.state === "fulfilled") return { ok: false, reason: "used" };
  return { ok: false, reason: "withdrawn" };
}

export type ClaimResult = { ok: true; voucher: Voucher } | { ok: false; reason: LinkRefusal };

/**
 * Claim: the voucher moves to the claimer once (the guarded update in `claimVoucher`); the giver
 * is told who by alias. Whoever comes second hears why, as if they had opened the link now.
 */
export async function claimByCode(deps: ServiceDeps, claimerId: number, voucherId: number, code: string): Promise<ClaimResult> {
  const hash = hashClaimCode(code);
  const claimed = await inUnitOfWork(deps, async (uow) => {
    const moved = await claimVoucher(uow.trx, { id: voucherId, codeHash: hash, claimerId, now: uow.now });
    if (!moved) return false;
    await addVoucherEvent(uow.trx, {
      voucherId,
      event: "claimed",
      subjectId: moved.offer,
      userId: moved.giverId,
      actorId: claimerId,
      codeHash: hash,
      at: uow.now,
    });
    const voucher = (await findVoucher(uow.trx, voucherId))!;
    const claimer = escapeHtml(await aliasOf(uow.trx, claimerId));
    await uow.tell(moved.giverId, (t) => t("voucher-claimed-giver", { ...voucherWords(voucher, deps.config.timeZone), alias: claimer }));
    return true;
  });
  if (claimed) return { ok: true, voucher: (await findVoucher(deps.db, voucherId))! };
  const check = await openClaimLink(deps, claimerId, code);
  // A code that still works but names another voucher than the button's: the button is forged.
  return check.ok ? { ok: false, reason: "unknown" } : check;
}
