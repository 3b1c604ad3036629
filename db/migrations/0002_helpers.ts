import { sql, type Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("helpers")
    .addColumn("user_id", "bigint", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("categories_note", "text")
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("photo_file_id", "text")
    .addColumn("career_note", "text")
    .addColumn("latitude", "double precision", (c) => c.notNull())
    .addColumn("longitude", "double precision", (c) => c.notNull())
    // cellOf(latitude, longitude) on HELPER_GRID (src/domain/geo.ts): a row-major grid id, so the
    // nearby search can seek one cell at a time. Written only through helperPositionColumns.
    .addColumn("cell", "bigint", (c) => c.notNull())
    .addColumn("position_updated_at", "bigint", (c) => c.notNull())
    .addColumn("live_until", "bigint")
    .addColumn("radius_m", "integer", (c) => c.notNull())
    .addColumn("available", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("quiet_start_minute", "integer")
    .addColumn("quiet_end_minute", "integer")
    .addColumn("submitted_at", "bigint", (c) => c.notNull())
    .addColumn("decided_at", "bigint")
    .addColumn("decided_by", "bigint")
    .addColumn("decision_reason", "text")
    .execute();
  // Only approved, available helpers are ever searched; a partial covering index keeps the
  // nearby search on the index alone (both SQLite and PostgreSQL support partial indexes).
  // (cell, latitude) first: each cell is one seek to the box's latitude band; the rest is what
  // the search returns, quiet hours included, so it never reads the table.
  await db.schema
    .createIndex("helpers_nearby")
    .on("helpers")
    .columns(["cell", "latitude", "longitude", "radius_m", "user_id", "quiet_start_minute", "quiet_end_minute"])
    .where(sql.ref("status"), "=", "approved")
    .where(sql.ref("available"), "=", 1)
    .execute();
  await db.schema.createIndex("helpers_status").on("helpers").columns(["status", "submitted_at"]).execute();

  await withAutoId(db, db.schema.createTable("helper_proofs"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("helpers.user_id").onDelete("cascade"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await withAutoId(db, db.schema.createTable("helper_status_history"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("helpers.user_id").onDelete("cascade"))
    .addColumn("from_status", "varchar(16)")
    .addColumn("to_status", "varchar(16)", (c) => c.notNull())
    .addColumn("actor_id", "bigint", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("helper_status_history_user").on("helper_status_history").columns(["user_id", "at"]).execute();

  // A registration in progress, so a user who leaves the scene can pick it up again.
  await db.schema
    .createTable("helper_drafts")
    .addColumn("user_id", "bigint", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await withAutoId(db, db.schema.createTable("admin_audit"))
    .addColumn("admin_id", "bigint", (c) => c.notNull())
    .addColumn("action", "varchar(32)", (c) => c.notNull())
    .addColumn("subject_id", "bigint")
    .addColumn("reason", "text")
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("admin_audit").execute();
  await db.schema.dropTable("helper_drafts").execute();
  await db.schema.dropTable("helper_status_history").execute();
  await db.schema.dropTable("helper_proofs").execute();
  await db.schema.dropTable("helpers").execute();
}
