import type { Kysely, Transaction } from "kysely";
import { recordAudit } from "../../db/repositories/admin-audit.js";
import { accountBalance, heldFor, writeMovement } from "../../db/repositories/credit-entries.js";
import { lockUser } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import { userAccount } from "../domain/credits.js";
import { escapeHtml } from "../telegram/html.js";
import type { ServiceDeps } from "./deps.js";
import { inUnitOfWork } from "./unit-of-work.js";

export type CreditResult =
  | { ok: true; alias: string; balance: number }
  | { ok: false; reason: "no-user" }
  | { ok: false; reason: "would-go-negative"; alias: string; balance: number }
  | { ok: false; reason: "reserved"; alias: string; balance: number; reserved: number };

export interface Credits {
  /** What the user owns: free credits plus what escrow holds for them. */
  balance: number;
  /** Fees held in escrow for requests not settled yet. */
  reserved: number;
  /** The user's account: what a new fee or a debit may still take. */
  available: number;
}

/**
 * A user's credits. Holds are movements into escrow (fee-escrow.ts), so the account itself is what
 * is free, and the holds not yet settled are what is promised. Callers that decide on it lock the
 * user first (`lockUser`): every debit of a user's account is taken under that lock and checked,
 * so the account never goes below zero.
 */
export async function creditsOf(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<Credits> {
  const available = await accountBalance(db, userAccount(userId));
  const reserved = await heldFor(db, userId);
  return { balance: available + reserved, reserved, available };
}

/**
 * An admin adds (or takes back) credits with a reason: a movement between the user's account and
 * `grants`, keyed by the audit line, written with that line and the notice to the user.
 */
export function adjustCredits(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; amount: number; reason: string },
): Promise<CreditResult> {
  return inUnitOfWork(deps, async (uow): Promise<CreditResult> => {
    const { trx, now } = uow;
    // Locked like posting locks it, so a debit and a new fee never both count on the same credits.
    const user = await lockUser(trx, change.userId);
    if (!user) return { ok: false, reason: "no-user" };
    const { balance: before, reserved, available } = await creditsOf(trx, change.userId);
    if (before + change.amount < 0) return { ok: false, reason: "would-go-negative", alias: user.alias, balance: before };
    if (available + change.amount < 0) return { ok: false, reason: "reserved", alias: user.alias, balance: before, reserved };
    const auditId = await recordAudit(trx, {
      adminId: change.adminId,
      action: "credits.adjust",
      subjectId: change.userId,
      reason: `${change.amount}: ${change.reason}`,
      at: now,
    });
    const grant = { reason: "admin", subject: `adjust:${auditId}`, actorId: change.adminId, note: change.reason };
    await writeMovement(
      trx,
      [
        { ...grant, account: userAccount(change.userId), amount: change.amount },
        { ...grant, account: "grants", amount: -change.amount },
      ],
      now,
    );
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
