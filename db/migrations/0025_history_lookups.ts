import { type Kysely, sql } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // A helper browsing /nearby sees which requests they offered on, and one who blocks the bot has
  // their offers withdrawn: found among their active offers, not among every offer ever made.
  await db.schema.createIndex("offers_active_by_helper").on("offers").column("helper_id").where(sql.ref("status"), "=", "active").execute();
  // /admin <user> lists the latest decisions about that user, not every decision ever taken.
  await db.schema.createIndex("admin_audit_subject").on("admin_audit").columns(["subject_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("admin_audit_subject").execute();
  await db.schema.dropIndex("offers_active_by_helper").execute();
}
