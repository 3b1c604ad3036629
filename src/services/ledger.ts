import { recordAudit } from "../../db/repositories/admin-audit.js";
import { addCreditEntry, creditBalance } from "../../db/repositories/credit-entries.js";
import { findUser } from "../../db/repositories/users.js";
import { escapeHtml } from "../telegram/html.js";
import type { ServiceDeps } from "./deps.js";
import { inUnitOfWork } from "./unit-of-work.js";

export type CreditResult =
  | { ok: true; alias: string; balance: number }
  | { ok: false; reason: "no-user" }
  | { ok: false; reason: "would-go-negative"; alias: string; balance: number };

/**
 * An admin adds (or takes back) credits with a reason. Credits are a ledger: the entry, the
 * audit line and the notice to the user are written together.
 */
export function adjustCredits(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; amount: number; reason: string },
): Promise<CreditResult> {
  return inUnitOfWork(deps, async (uow): Promise<CreditResult> => {
    const { trx, now } = uow;
    const user = await findUser(trx, change.userId);
    if (!user) return { ok: false, reason: "no-user" };
    const before = await creditBalance(trx, change.userId);
    if (before + change.amount < 0) return { ok: false, reason: "would-go-negative", alias: user.alias, balance: before };
    await addCreditEntry(trx, {
      userId: change.userId,
      amount: change.amount,
      reason: "admin",
      requestId: null,
      actorId: change.adminId,
      note: change.reason,
      at: now,
    });
    await recordAudit(trx, {
      adminId: change.adminId,
      action: "credits.adjust",
      subjectId: change.userId,
      reason: `${change.amount}: ${change.reason}`,
      at: now,
    });
    const balance = before + change.amount;
    await uow.tell(change.userId, (t) =>
      t("credits-adjusted", {
        amount: `${change.amount > 0 ? "+" : ""}${change.amount}`,
        balance,
        reason: escapeHtml(change.reason),
      }),
    );
    return { ok: true, alias: user.alias, balance };
  });
}
