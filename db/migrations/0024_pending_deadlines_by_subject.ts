import { type Kysely, sql } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // A request that closes, a chat that completes, a walk that ends each cancel their pending
  // timers: found by what they are for, not among every pending one.
  await db.schema
    .createIndex("deadlines_pending_subject")
    .on("deadlines")
    .columns(["kind", "subject_id"])
    .where(sql.ref("state"), "=", "pending")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("deadlines_pending_subject").execute();
}
