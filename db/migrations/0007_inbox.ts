import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Every update is written here before Telegram is told it arrived, and run from here.
  await db.schema
    .createTable("inbox")
    .addColumn("update_id", "bigint", (c) => c.primaryKey())
    // Updates of one chat run in order; different chats in parallel.
    .addColumn("chat_key", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("handled_at", "bigint")
    .execute();
  await db.schema.createIndex("inbox_pending").on("inbox").columns(["status", "update_id"]).execute();

  // A scene that asks "Post" again after a failure posts the same request, not a second one.
  await db.schema.alterTable("requests").addColumn("post_key", "text").execute();
  await db.schema.createIndex("requests_post_key").on("requests").column("post_key").unique().execute();

  // What each unit of work of an update returned, so running the update again changes nothing.
  await db.schema
    .createTable("update_effects")
    .addColumn("update_id", "bigint", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("update_effects_pk", ["update_id", "seq"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("requests_post_key").execute();
  await db.schema.alterTable("requests").dropColumn("post_key").execute();
  await db.schema.dropTable("update_effects").execute();
  await db.schema.dropTable("inbox").execute();
}
