import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await withAutoId(db, db.schema.createTable("outbox"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("method", "varchar(32)", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("ref", "varchar(64)")
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .addColumn("message_id", "bigint")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "priority", "next_attempt_at", "id"]).execute();
  await db.schema.createIndex("outbox_ref").on("outbox").columns(["ref", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
}
