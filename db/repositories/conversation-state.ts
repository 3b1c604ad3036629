import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";
import { markHandled } from "./inbox.js";

/**
 * Key-value storage behind the conversations plugin, so scenes in progress survive restarts.
 * `updateId`: the inbox's update being handled, if any.
 */
export function conversationStateStore<S>(db: Kysely<Database>, now: () => number) {
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
    async read(key: string): Promise<S | undefined> {
      const row = await db.selectFrom("conversation_state").select("state").where("key", "=", key).executeTakeFirst();
      return row ? (JSON.parse(row.state) as S) : undefined;
    },
    async write(key: string, state: S, updateId?: number): Promise<void> {
      const json = JSON.stringify(state);
      await withHandledMark(updateId, (executor) =>
        executor
          .insertInto("conversation_state")
          .values({ key, state: json, updated_at: now() })
          .onConflict((oc) => oc.column("key").doUpdateSet({ state: json, updated_at: now() }))
          .execute(),
      );
    },
    async delete(key: string, updateId?: number): Promise<void> {
      await withHandledMark(updateId, (executor) => executor.deleteFrom("conversation_state").where("key", "=", key).execute());
    },
  };
}
