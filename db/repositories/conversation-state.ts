import type { Kysely, Transaction } from "kysely";
import { compiledOnce } from "../compiled-once.js";
import type { Database } from "../schema.js";
import { markHandled } from "./inbox.js";

// Every scene step reads and writes its scene: built once, like the other reads of every update.
const readState = compiledOnce<{ key: string }, { state: string }>((db, slot) =>
  db.selectFrom("conversation_state").select("state").where("key", "=", slot("key")),
);
const writeState = compiledOnce<{ key: string; state: string; now: number }, unknown>((db, slot) =>
  db
    .insertInto("conversation_state")
    .values({ key: slot("key"), state: slot("state"), updated_at: slot("now") })
    .onConflict((oc) => oc.column("key").doUpdateSet({ state: slot("state"), updated_at: slot("now") })),
);
const deleteState = compiledOnce<{ key: string }, unknown>((db, slot) =>
  db.deleteFrom("conversation_state").where("key", "=", slot("key")),
);

/**
 * Key-value storage behind the conversations plugin, so scenes in progress survive restarts: each
 * state as the JSON text it is stored as. `updateId`: the inbox's update being handled, if any.
 */
export function conversationStateStore(db: Kysely<Database>, now: () => number) {
  /**
   * The scene's new state and the update's "handled" mark in one transaction: after a crash the
   * update either runs again on the old state or is not run again at all. Outside an update
   * (tools, benchmarks) there is no mark, so no transaction either.
   */
  async function withHandledMark(
    updateId: number | undefined,
    change: (executor: Kysely<Database> | Transaction<Database>) => Promise<unknown>,
  ): Promise<void> {
    if (updateId === undefined) {
      await change(db);
      return;
    }
    await db.transaction().execute(async (trx) => {
      await change(trx);
      await markHandled(trx, updateId, now());
    });
  }
  return {
    async read(key: string): Promise<string | undefined> {
      const [row] = await readState(db, { key });
      return row?.state;
    },
    async write(key: string, json: string, updateId?: number): Promise<void> {
      await withHandledMark(updateId, (executor) => writeState(executor, { key, state: json, now: now() }));
    },
    async delete(key: string, updateId?: number): Promise<void> {
      await withHandledMark(updateId, (executor) => deleteState(executor, { key }));
    },
  };
}
