import { recordAudit } from "../../../db/repositories/admin-audit.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { addVoucherKind, makeDefaultVoucherKind, retireVoucherKind, voucherKinds } from "../../../db/repositories/voucher-kinds.js";
import { addVoucherEvent, endVoucher, findVoucher, liveVouchersPage } from "../../../db/repositories/vouchers.js";
import { CONSOLE_PAGE_SIZE, type Page } from "../../domain/admin-console.js";
import { ACTIVE_KINDS_MAX, type HeldVoucher, LIVE_STATES, prizeKind, type VoucherKind } from "../../domain/vouchers.js";
import { voucherWords } from "../../ui/voucher-cards.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";

/** The kinds, and which one a prize is issued as now. */
export async function kindsOverview(deps: ServiceDeps): Promise<{ kinds: VoucherKind[]; prizeKindId: number | undefined }> {
  const kinds = await voucherKinds(deps.db);
  return { kinds, prizeKindId: prizeKind(kinds)?.id };
}

/** A new kind, audited with its name; undefined when as many as may be are active already. */
export function addKind(deps: ServiceDeps, adminId: number, name: string): Promise<number | undefined> {
  return inUnitOfWork(deps, async (uow) => {
    const active = (await voucherKinds(uow.trx)).filter((k) => !k.retired);
    if (active.length >= ACTIVE_KINDS_MAX) return undefined;
    const id = await addVoucherKind(uow.trx, { name, adminId, now: uow.now });
    await recordAudit(uow.trx, { adminId, action: "voucher-kind.add", subjectId: id, reason: name, at: uow.now });
    return id;
  });
}

/** Retires a kind or makes it the prize's kind, audited; false if it is not active (any more). */
export function changeKind(deps: ServiceDeps, adminId: number, kindId: number, change: "default" | "retire"): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const changed = change === "retire" ? await retireVoucherKind(uow.trx, kindId, uow.now) : await makeDefaultVoucherKind(uow.trx, kindId);
    if (changed) await recordAudit(uow.trx, { adminId, action: `voucher-kind.${change}`, subjectId: kindId, reason: null, at: uow.now });
    return changed;
  });
}

/** Who holds what, a page at a time (the last page if `page` is past it). */
export async function heldVouchersPage(deps: ServiceDeps, page: number): Promise<Page<HeldVoucher>> {
  const first = await liveVouchersPage(deps.db, page * CONSOLE_PAGE_SIZE, CONSOLE_PAGE_SIZE);
  const last = Math.max(0, Math.ceil(first.total / CONSOLE_PAGE_SIZE) - 1);
  if (page <= last) return { rows: first.rows, page, total: first.total };
  const shown = await liveVouchersPage(deps.db, last * CONSOLE_PAGE_SIZE, CONSOLE_PAGE_SIZE);
  return { rows: shown.rows, page: last, total: shown.total };
}

/** A held or offered voucher with its holder's alias, for the confirmation; undefined otherwise. */
export async function liveVoucher(deps: ServiceDeps, voucherId: number): Promise<HeldVoucher | undefined> {
  const voucher = await findVoucher(deps.db, voucherId);
  if (!voucher || !(LIVE_STATES as readonly string[]).includes(voucher.state)) return undefined;
  return { voucher, holderAlias: await aliasOf(deps.db, voucher.holderId) };
}

/** An admin gave what the voucher is for: fulfilled once, audited, the holder told; a live link stops working. */
export function fulfilVoucher(deps: ServiceDeps, adminId: number, voucherId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const ended = await endVoucher(uow.trx, voucherId, "fulfilled");
    if (!ended) return false;
    const voucher = (await findVoucher(uow.trx, voucherId))!;
    await recordAudit(uow.trx, {
      adminId,
      action: "voucher.fulfil",
      subjectId: ended.holderId,
      reason: `#${voucherId} ${voucher.kindName ?? ""}`,
      at: uow.now,
    });
    await addVoucherEvent(uow.trx, { voucherId, event: "fulfilled", subjectId: 0, userId: ended.holderId, actorId: adminId, at: uow.now });
    await uow.cancelTimers("voucher-expiry", voucherId);
    await uow.tell(ended.holderId, (t) => t("voucher-fulfilled", voucherWords(voucher, deps.config.timeZone)));
    return true;
  });
}

/** The expiry timer: a voucher still held or offered expires, once, and its holder is told. */
export async function expireVoucher(deps: ServiceDeps, uow: UnitOfWork, voucherId: number): Promise<void> {
  const ended = await endVoucher(uow.trx, voucherId, "expired");
  if (!ended) return;
  await addVoucherEvent(uow.trx, { voucherId, event: "expired", subjectId: 0, userId: ended.holderId, actorId: null, at: uow.now });
  const voucher = (await findVoucher(uow.trx, voucherId))!;
  await uow.tell(ended.holderId, (t) => t("voucher-expired", voucherWords(voucher, deps.config.timeZone)));
}
