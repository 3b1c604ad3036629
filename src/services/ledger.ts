import type { Kysely, Transaction } from "kysely";
import { recordAudit } from "../../db/repositories/admin-audit.js";
import { addCreditEntry, creditBalance } from "../../db/repositories/credit-entries.js";
import { reservedFees } from "../../db/repositories/requests.js";
import { lockUser } from "../../db/repositories/users.js";
import type { Database } from "../../db/schema.js";
import { escapeHtml } from "../telegram/html.js";
import type { ServiceDeps } from "./deps.js";
import { inUnitOfWork } from "./unit-of-work.js";

export type CreditResult =
  | { ok: true; alias: string; balance: number }
  | { ok: false; reason: "no-user" }
  | { ok: false; reason: "would-go-negative"; alias: string; balance: number }
  | { ok: false; reason: "reserved"; alias: string; balance: number; reserved: number };

export interface Credits {
  /** The sum of the ledger. */
  balance: number;
  /** Fees promised by requests not settled yet. */
  reserved: number;
  /** What a new fee may still promise. */
  available: number;
}

/**
 * A user's credits and how many are already promised. Reservations are derived from the
 * requests themselves, so they cannot drift from them; this is the one place that knows it,
 * so holds written to the ledger can replace the subtraction without touching the callers.
 * Callers that decide on it lock the user first (`lockUser`).
 */
export async function creditsOf(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<Credits> {
  const balance = await creditBalance(db, userId);
  const reserved = await reservedFees(db, userId);
  return { balance, reserved, available: balance - reserved };
}

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
    // Locked like posting locks it, so a debit and a new fee never both count on the same credits.
    const user = await lockUser(trx, change.userId);
    if (!user) return { ok: false, reason: "no-user" };
    const { balance: before, reserved, available } = await creditsOf(trx, change.userId);
    if (before + change.amount < 0) return { ok: false, reason: "would-go-negative", alias: user.alias, balance: before };
    if (available + change.amount < 0) return { ok: false, reason: "reserved", alias: user.alias, balance: before, reserved };
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
