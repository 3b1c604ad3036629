import { type Kysely, type Transaction } from "kysely";
import { type CreditEntry, type LedgerRow, requestOfSubject, type SystemAccount, userAccount } from "../../src/domain/credits.js";
import type { Database } from "../schema.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** An account's balance is the sum of its rows, never a stored number that could drift from them. */
export async function accountBalance(db: Executor, account: string): Promise<number> {
  const row = await db
    .selectFrom("ledger_entries")
    .select((eb) => eb.fn.sum<number>("amount").as("balance"))
    .where("account", "=", account)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

/**
 * Writes one movement. Its rows must sum to zero; the unique (account, reason, subject) index
 * refuses a movement written twice, which fails the whole transaction rather than double it.
 */
export async function writeMovement(trx: Transaction<Database>, rows: LedgerRow[], at: number): Promise<void> {
  const moving = rows.filter((r) => r.amount !== 0);
  if (moving.reduce((sum, r) => sum + r.amount, 0) !== 0) throw new Error(`unbalanced movement of ${rows[0]?.subject ?? "nothing"}`);
  if (moving.length === 0) return;
  await trx
    .insertInto("ledger_entries")
    .values(
      moving.map((r) => ({
        account: r.account,
        amount: r.amount,
        reason: r.reason,
        subject: r.subject,
        actor_id: r.actorId ?? null,
        note: r.note ?? null,
        created_at: at,
      })),
    )
    .execute();
}

/**
 * Holds a system account's row until the commit, so movements drawing on it (the donation pool)
 * take turns on PostgreSQL; SQLite runs one transaction at a time anyway.
 */
export async function lockSystemAccount(trx: Transaction<Database>, account: SystemAccount): Promise<void> {
  await trx
    .selectFrom("ledger_accounts")
    .select("name")
    .where("name", "=", account)
    .$if(takesRowLocks(trx), (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
}

/** The fee escrow holds for a subject, and whether that hold was settled (paid or returned). */
export async function holdOf(db: Executor, subject: string): Promise<{ amount: number; settled: boolean } | undefined> {
  const rows = await db
    .selectFrom("ledger_entries")
    .select(["reason", "amount"])
    .where("account", "=", "escrow")
    .where("subject", "=", subject)
    .execute();
  const hold = rows.find((r) => r.reason === "fee-held");
  return hold && { amount: Number(hold.amount), settled: rows.some((r) => r.reason === "fee-settled") };
}

/** What a user's unsettled holds keep from them: fees of requests still open or matched. */
export async function heldFor(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("ledger_entries as hold")
    .select((eb) => eb.fn.sum<number>("hold.amount").as("held"))
    .where("hold.account", "=", userAccount(userId))
    .where("hold.reason", "=", "fee-held")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("ledger_entries as settled")
            .select("settled.id")
            .where("settled.account", "=", "escrow")
            .where("settled.reason", "=", "fee-settled")
            .whereRef("settled.subject", "=", "hold.subject"),
        ),
      ),
    )
    .executeTakeFirst();
  // Negated rows; `|| 0` keeps an empty sum from reading as -0.
  return -Number(row?.held ?? 0) || 0;
}

/** A user's newest ledger rows, newest first. */
export async function recentCreditEntries(db: Executor, userId: number, limit: number): Promise<CreditEntry[]> {
  const rows = await db
    .selectFrom("ledger_entries")
    .select(["amount", "reason", "subject", "note", "created_at"])
    .where("account", "=", userAccount(userId))
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const holds = rows.filter((r) => r.reason === "fee-held").map((r) => r.subject);
  const paid =
    holds.length === 0
      ? []
      : await db
          .selectFrom("ledger_entries")
          .select("subject")
          .where("reason", "=", "fee-received")
          .where("subject", "in", holds)
          .execute();
  const paidOut = new Set(paid.map((r) => r.subject));
  return rows.map((r) => ({
    amount: Number(r.amount),
    reason: r.reason,
    requestId: requestOfSubject(r.subject),
    note: r.note,
    at: Number(r.created_at),
    paidOut: r.reason === "fee-held" && paidOut.has(r.subject),
  }));
}
