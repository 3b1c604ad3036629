import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("alias", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("language", "varchar(8)")
    .addColumn("client_language", "varchar(16)")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("reachable", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("conversation_state")
    .addColumn("key", "varchar(128)", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("conversation_state").execute();
  await db.schema.dropTable("users").execute();
}
