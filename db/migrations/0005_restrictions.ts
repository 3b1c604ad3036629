import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Set when a user may no longer post or accept (by an admin now; by penalties later).
  await db.schema.alterTable("users").addColumn("restricted_at", "bigint").execute();
  await db.schema.alterTable("users").addColumn("restricted_reason", "text").execute();

  // Mirrors of users.reachable and users.restricted_at on helpers, so the nearby search can
  // skip blocked and restricted helpers inside its index instead of asking users per result.
  await db.schema
    .alterTable("helpers")
    .addColumn("reachable", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("helpers")
    .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update helpers set reachable = (select reachable from users where users.id = helpers.user_id)`.execute(db);
  // As index columns, not in the index's condition: SQLite stops treating a partial index as
  // covering once its condition has more than two terms.
  await db.schema.dropIndex("helpers_nearby").execute();
  await db.schema
    .createIndex("helpers_nearby")
    .on("helpers")
    .columns(["cell", "latitude", "longitude", "radius_m", "user_id", "quiet_start_minute", "quiet_end_minute", "reachable", "restricted"])
    .where(sql.ref("status"), "=", "approved")
    .where(sql.ref("available"), "=", 1)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("helpers_nearby").execute();
  await db.schema
    .createIndex("helpers_nearby")
    .on("helpers")
    .columns(["cell", "latitude", "longitude", "radius_m", "user_id", "quiet_start_minute", "quiet_end_minute"])
    .where(sql.ref("status"), "=", "approved")
    .where(sql.ref("available"), "=", 1)
    .execute();
  await db.schema.alterTable("helpers").dropColumn("restricted").execute();
  await db.schema.alterTable("helpers").dropColumn("reachable").execute();
  await db.schema.alterTable("users").dropColumn("restricted_reason").execute();
  await db.schema.alterTable("users").dropColumn("restricted_at").execute();
}
