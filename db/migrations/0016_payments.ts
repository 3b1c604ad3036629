import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Top-ups paid through Telegram Payments, keyed by Telegram's charge id: the same payment,
  // however often it is delivered, is one row and so one credit.
  await db.schema
    .createTable("payments")
    .addColumn("charge_id", "varchar(128)", (c) => c.primaryKey())
    .addColumn("provider_charge_id", "varchar(256)", (c) => c.notNull())
    .addColumn("user_id", "bigint", (c) => c.notNull())
    .addColumn("credits", "integer", (c) => c.notNull())
    // ISO 4217 code and the total in its smallest units, as Telegram reported them
    .addColumn("currency", "varchar(3)", (c) => c.notNull())
    .addColumn("total_amount", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("payments").execute();
}
