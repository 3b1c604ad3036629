import type { Kysely, Transaction } from "kysely";
import { compiledOnce } from "../compiled-once.js";
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

// Both run for every update: built once.
const countingAttempt = compiledOnce<{ updateId: number }, unknown>((db, slot) =>
  db
    .updateTable("inbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("update_id", "=", slot("updateId")),
);
const markingHandled = compiledOnce<{ updateId: number; status: "handled" | "failed"; now: number }, unknown>((db, slot) =>
  db
    .updateTable("inbox")
    .set({ status: slot("status"), payload: "", handled_at: slot("now") })
    .where("update_id", "=", slot("updateId"))
    .where("status", "=", "pending"),
);

/** Counts a try before it starts, so an update that crashes the process every time is given up. */
export async function countAttempt(db: Executor, updateId: number): Promise<void> {
  await countingAttempt(db, { updateId });
}

/** Done with it: what the user wrote is not kept. */
export async function markHandled(db: Executor, updateId: number, now: number, status: "handled" | "failed" = "handled"): Promise<void> {
  await markingHandled(db, { updateId, status, now });
}

/**
 * A handled row (its payload already gone) stays a while, so an update delivered again — a lost
 * confirmation, a webhook retried — is recognised and ignored; then it goes with its effects.
 */
export async function forgetHandledBefore(db: Kysely<Database>, cutoff: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const old = trx.selectFrom("inbox").select("update_id").where("status", "!=", "pending").where("handled_at", "<", cutoff);
    await trx.deleteFrom("update_effects").where("update_id", "in", old).execute();
    await trx.deleteFrom("inbox").where("status", "!=", "pending").where("handled_at", "<", cutoff).execute();
  });
}
