import type { Kysely, Transaction } from "kysely";
import type { Database, InboxRow } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Stores what Telegram delivered; an update delivered again is ignored. */
export async function storeUpdates(
  db: Executor,
  updates: readonly { updateId: number; chatKey: string; payload: string }[],
  now: number,
): Promise<void> {
  if (updates.length === 0) return;
  await db
    .insertInto("inbox")
    .values(updates.map((u) => ({ update_id: u.updateId, chat_key: u.chatKey, payload: u.payload, status: "pending", received_at: now })))
    .onConflict((oc) => oc.column("update_id").doNothing())
    .execute();
}

/** The oldest updates not handled yet, in arrival order. */
export function pendingUpdates(db: Executor, limit: number): Promise<InboxRow[]> {
  return db.selectFrom("inbox").selectAll().where("status", "=", "pending").orderBy("update_id").limit(limit).execute();
}

/** Counts a try before it starts, so an update that crashes the process every time is given up. */
export async function countAttempt(db: Executor, updateId: number): Promise<void> {
  await db
    .updateTable("inbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("update_id", "=", updateId)
    .execute();
}

/** Done with it: what the user wrote is not kept. */
export async function markHandled(db: Executor, updateId: number, now: number, status: "handled" | "failed" = "handled"): Promise<void> {
  await db
    .updateTable("inbox")
    .set({ status, payload: "", handled_at: now })
    .where("update_id", "=", updateId)
    .where("status", "=", "pending")
    .execute();
}

/**
 * Telegram never sends an update again once a later offset confirmed it; until then a handled
 * row must stay, so a redelivery is recognised.
 */
export async function forgetConfirmed(db: Kysely<Database>, offset: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const stillPending = trx.selectFrom("inbox").select("update_id").where("status", "=", "pending");
    await trx.deleteFrom("update_effects").where("update_id", "<", offset).where("update_id", "not in", stillPending).execute();
    await trx.deleteFrom("inbox").where("update_id", "<", offset).where("status", "!=", "pending").execute();
  });
}
