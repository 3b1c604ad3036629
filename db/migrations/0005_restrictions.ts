import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Set when a user may no longer post or accept (by an admin now; by penalties later).
  await db.schema.alterTable("users").addColumn("restricted_at", "bigint").execute();
  await db.schema.alterTable("users").addColumn("restricted_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("restricted_reason").execute();
  await db.schema.alterTable("users").dropColumn("restricted_at").execute();
}
