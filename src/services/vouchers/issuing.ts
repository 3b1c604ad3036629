import { recordAudit } from "../../../db/repositories/admin-audit.js";
import { lockUser } from "../../../db/repositories/users.js";
import { findVoucherKind, voucherKinds } from "../../../db/repositories/voucher-kinds.js";
import { addVoucherEvent, fillOwedVoucher, findVoucher, insertVoucher, owedVoucherOf } from "../../../db/repositories/vouchers.js";
import { prizeKind, type Voucher } from "../../domain/vouchers.js";
import { escapeHtml } from "../../telegram/html.js";
import { voucherWords } from "../../ui/voucher-cards.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";

const DAY = 24 * 60 * 60_000;

/** The "issued" event and the expiry timer of a voucher that has just got its kind. */
async function markIssued(deps: ServiceDeps, uow: UnitOfWork, voucherId: number, actorId: number | null): Promise<Voucher> {
  const voucher = (await findVoucher(uow.trx, voucherId))!;
  await addVoucherEvent(uow.trx, { voucherId, event: "issued", subjectId: 0, userId: voucher.holderId, actorId, at: uow.now });
  await uow.schedule("voucher-expiry", voucherId, voucher.expiresAt);
  return voucher;
}

/**
 * A prize reached: a voucher of the prize's kind, in the caller's transaction (the one that
 * records the prize, once). With no kind yet it is owed, for an admin to issue by hand.
 */
export async function issuePrizeVoucher(deps: ServiceDeps, uow: UnitOfWork, holderId: number): Promise<Voucher> {
  const kind = prizeKind(await voucherKinds(uow.trx));
  const expiresAt = kind ? uow.now + deps.config.vouchers.validDays * DAY : 0;
  const id = await insertVoucher(uow.trx, {
    kindId: kind?.id ?? null,
    holderId,
    origin: "prize",
    state: kind ? "held" : "owed",
    expiresAt,
    now: uow.now,
  });
  return kind ? markIssued(deps, uow, id, null) : (await findVoucher(uow.trx, id))!;
}

export type HandIssueResult = { ok: true; voucher: Voucher; alias: string } | { ok: false; reason: "no-user" | "no-kind" };

/**
 * An admin issues a voucher to a user with a reason: it fills a voucher the user is owed if any,
 * else it is a new one. Audited; the user is told with the reason.
 */
export function issueVoucherByHand(
  deps: ServiceDeps,
  issue: { adminId: number; userId: number; kindId: number; reason: string },
): Promise<HandIssueResult> {
  return inUnitOfWork(deps, async (uow): Promise<HandIssueResult> => {
    const user = await lockUser(uow.trx, issue.userId);
    if (!user) return { ok: false, reason: "no-user" };
    const kind = await findVoucherKind(uow.trx, issue.kindId);
    if (!kind || kind.retired) return { ok: false, reason: "no-kind" };
    const expiresAt = uow.now + deps.config.vouchers.validDays * DAY;
    const owed = await owedVoucherOf(uow.trx, issue.userId);
    const id =
      owed !== undefined && (await fillOwedVoucher(uow.trx, owed, kind.id, expiresAt))
        ? owed
        : await insertVoucher(uow.trx, {
            kindId: kind.id,
            holderId: issue.userId,
            origin: "admin",
            state: "held",
            expiresAt,
            now: uow.now,
          });
    await recordAudit(uow.trx, {
      adminId: issue.adminId,
      action: "voucher.issue",
      subjectId: issue.userId,
      reason: `#${id} ${kind.name}: ${issue.reason}`,
      at: uow.now,
    });
    const voucher = await markIssued(deps, uow, id, issue.adminId);
    await uow.tell(issue.userId, (t) =>
      t("voucher-issued", { ...voucherWords(voucher, deps.config.timeZone), reason: escapeHtml(issue.reason) }),
    );
    return { ok: true, voucher, alias: user.alias };
  });
}
