import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Lists older than this are forgotten when the helper opens a new one; their buttons go stale. */
const KEPT_MS = 24 * 60 * 60 * 1000;

/** Remembers what a /nearby message lists, and forgets the helper's lists of long ago. */
export async function rememberNearbyList(
  db: Executor,
  list: { helperId: number; messageId: number; requestIds: readonly number[]; now: number },
): Promise<void> {
  await db
    .deleteFrom("nearby_lists")
    .where("helper_id", "=", list.helperId)
    .where("created_at", "<", list.now - KEPT_MS)
    .execute();
  await db
    .insertInto("nearby_lists")
    .values({ helper_id: list.helperId, message_id: list.messageId, request_ids: JSON.stringify(list.requestIds), created_at: list.now })
    .onConflict((oc) => oc.columns(["helper_id", "message_id"]).doUpdateSet({ request_ids: JSON.stringify(list.requestIds) }))
    .execute();
}

/** The requests a helper's /nearby message listed, in order; undefined for any other message. */
export async function nearbyListOf(db: Executor, helperId: number, messageId: number): Promise<number[] | undefined> {
  const row = await db
    .selectFrom("nearby_lists")
    .select("request_ids")
    .where("helper_id", "=", helperId)
    .where("message_id", "=", messageId)
    .executeTakeFirst();
  return row && (JSON.parse(row.request_ids) as number[]);
}
