import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Key-value storage behind the conversations plugin, so scenes in progress survive restarts. */
export function conversationStateStore<S>(db: Kysely<Database>, now: () => number) {
  return {
    async read(key: string): Promise<S | undefined> {
      const row = await db.selectFrom("conversation_state").select("state").where("key", "=", key).executeTakeFirst();
      return row ? (JSON.parse(row.state) as S) : undefined;
    },
    async write(key: string, state: S): Promise<void> {
      const json = JSON.stringify(state);
      await db
        .insertInto("conversation_state")
        .values({ key, state: json, updated_at: now() })
        .onConflict((oc) => oc.column("key").doUpdateSet({ state: json, updated_at: now() }))
        .execute();
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
    },
  };
}
