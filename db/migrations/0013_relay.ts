import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // The relay chat's message map: each message one side sent and its copy on the other side.
  // It lives as long as the chat and is deleted when the chat ends.
  await withAutoId(db, db.schema.createTable("relay_messages"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("from_user_id", "bigint", (c) => c.notNull())
    .addColumn("original_message_id", "bigint", (c) => c.notNull())
    .addColumn("to_user_id", "bigint", (c) => c.notNull())
    // held (a contact or personal detail waiting for the sender's yes) → relayed | dropped
    .addColumn("status", "text", (c) => c.notNull())
    // The outbox row that carries the copy, and the copy's place in it (an album is one row).
    .addColumn("outbox_id", "bigint")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    // Known once the outbox delivered the copy.
    .addColumn("copy_message_id", "bigint")
    .addColumn("media_group_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("relay_messages_original").on("relay_messages").columns(["from_user_id", "original_message_id"]).execute();
  await db.schema.createIndex("relay_messages_copy").on("relay_messages").columns(["to_user_id", "copy_message_id"]).execute();
  await db.schema.createIndex("relay_messages_outbox").on("relay_messages").columns(["outbox_id"]).execute();
  await db.schema.createIndex("relay_messages_chat").on("relay_messages").columns(["chat_id"]).execute();

  // Which open chat a user with several is writing in (chosen with /chat).
  await db.schema
    .createTable("relay_focus")
    .addColumn("user_id", "bigint", (c) => c.primaryKey())
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("relay_focus").execute();
  await db.schema.dropTable("relay_messages").execute();
}
