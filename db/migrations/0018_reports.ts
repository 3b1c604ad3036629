import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // A report on a relay chat, kept so admins can list them and decide each exactly once.
  await withAutoId(db, db.schema.createTable("reports"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("reporter_id", "bigint", (c) => c.notNull())
    .addColumn("reported_id", "bigint", (c) => c.notNull())
    .addColumn("reason", "varchar(16)", (c) => c.notNull())
    // "open" | "warned" | "restricted" | "closed" | "dismissed"
    .addColumn("state", "varchar(12)", (c) => c.notNull())
    .addColumn("handled_by", "bigint")
    .addColumn("handled_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reports_state").on("reports").columns(["state", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reports").execute();
}
