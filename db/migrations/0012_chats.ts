import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // One anonymous chat per match, opened when the requester chooses a helper.
  await withAutoId(db, db.schema.createTable("chats"))
    .addColumn("request_id", "bigint", (c) => c.notNull().unique())
    .addColumn("requester_id", "bigint", (c) => c.notNull())
    .addColumn("helper_id", "bigint", (c) => c.notNull())
    // open → completed | cancelled | closed (by a report, a no-show or an admin)
    .addColumn("status", "text", (c) => c.notNull())
    // Said by the helper at the door, so the requester knows the right person came.
    .addColumn("meeting_code", "text", (c) => c.notNull())
    .addColumn("opened_at", "bigint", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .addColumn("close_reason", "text")
    .addColumn("requester_completed_at", "bigint")
    .addColumn("helper_completed_at", "bigint")
    .execute();
  await db.schema.createIndex("chats_requester").on("chats").columns(["requester_id", "status"]).execute();
  await db.schema.createIndex("chats_helper").on("chats").columns(["helper_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("chats").execute();
}
