import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Each /nearby message and the requests it listed, in order, so its pages are edited in place
  // and an entry that closed is marked instead of the list shifting under the helper's thumb.
  await db.schema
    .createTable("nearby_lists")
    .addColumn("helper_id", "bigint", (c) => c.notNull())
    .addColumn("message_id", "bigint", (c) => c.notNull())
    .addColumn("request_ids", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("nearby_lists_pk", ["helper_id", "message_id"])
    .execute();

  // Before a match a request is found by its shown (fuzzed) place only, never the exact one.
  await db.schema.dropIndex("requests_open_place").execute();
  await db.schema
    .createIndex("requests_open_shown_place")
    .on("requests")
    .columns(["status", "fuzzed_latitude", "fuzzed_longitude"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("requests_open_shown_place").execute();
  await db.schema.createIndex("requests_open_place").on("requests").columns(["status", "latitude", "longitude"]).execute();
  await db.schema.dropTable("nearby_lists").execute();
}
