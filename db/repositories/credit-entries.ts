import type { Kysely, Transaction } from "kysely";
import type { CreditEntry } from "../../src/domain/credits.js";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** The balance is the sum of the ledger, never a stored number that could drift from it. */
export async function creditBalance(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("credit_entries")
    .select((eb) => eb.fn.sum<number>("amount").as("balance"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

export async function addCreditEntry(
  db: Executor,
  entry: {
    userId: number;
    amount: number;
    reason: string;
    requestId: number | null;
    actorId: number | null;
    note: string | null;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto("credit_entries")
    .values({
      user_id: entry.userId,
      amount: entry.amount,
      reason: entry.reason,
      request_id: entry.requestId,
      actor_id: entry.actorId,
      note: entry.note,
      created_at: entry.at,
    })
    .execute();
}

/** A user's newest ledger rows, newest first. */
export async function recentCreditEntries(db: Executor, userId: number, limit: number): Promise<CreditEntry[]> {
  const rows = await db
    .selectFrom("credit_entries")
    .select(["amount", "reason", "request_id", "note", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    amount: Number(r.amount),
    reason: r.reason,
    requestId: r.request_id === null ? null : Number(r.request_id),
    note: r.note,
    at: Number(r.created_at),
  }));
}
