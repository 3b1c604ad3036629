import { sql, type Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await withAutoId(db, db.schema.createTable("requests"))
    .addColumn("requester_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("category", "varchar(16)", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("latitude", "double precision", (c) => c.notNull())
    .addColumn("longitude", "double precision", (c) => c.notNull())
    // The point helpers see before a match; computed once so it never moves.
    .addColumn("fuzzed_latitude", "double precision", (c) => c.notNull())
    .addColumn("fuzzed_longitude", "double precision", (c) => c.notNull())
    .addColumn("radius_m", "integer", (c) => c.notNull())
    .addColumn("fee", "integer", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("helper_id", "bigint")
    .addColumn("matched_at", "bigint")
    .addColumn("closed_at", "bigint")
    .execute();
  await db.schema.createIndex("requests_open_place").on("requests").columns(["status", "latitude", "longitude"]).execute();
  await db.schema.createIndex("requests_requester").on("requests").columns(["requester_id", "status"]).execute();

  // Who was told about which request: the next wave skips them.
  await db.schema
    .createTable("request_notifications")
    .addColumn("request_id", "bigint", (c) => c.notNull().references("requests.id").onDelete("cascade"))
    .addColumn("helper_id", "bigint", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("distance_m", "integer", (c) => c.notNull())
    .addColumn("notified_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("request_notifications_pk", ["request_id", "helper_id"])
    .execute();

  await withAutoId(db, db.schema.createTable("offers"))
    .addColumn("request_id", "bigint", (c) => c.notNull().references("requests.id").onDelete("cascade"))
    .addColumn("helper_id", "bigint", (c) => c.notNull())
    .addColumn("eta_minutes", "integer", (c) => c.notNull())
    .addColumn("distance_m", "integer", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("offers_once_per_helper", ["request_id", "helper_id"])
    .execute();

  await withAutoId(db, db.schema.createTable("deadlines"))
    .addColumn("kind", "varchar(32)", (c) => c.notNull())
    .addColumn("subject_id", "bigint", (c) => c.notNull())
    .addColumn("due_at", "bigint", (c) => c.notNull())
    .addColumn("state", "varchar(16)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("fired_at", "bigint")
    .execute();
  await db.schema.createIndex("deadlines_due").on("deadlines").columns(["due_at", "id"]).where(sql.ref("state"), "=", "pending").execute();

  // Credits are a ledger: the balance is the sum, and every entry says why.
  await withAutoId(db, db.schema.createTable("credit_entries"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("reason", "varchar(32)", (c) => c.notNull())
    .addColumn("request_id", "bigint")
    .addColumn("actor_id", "bigint")
    .addColumn("note", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("credit_entries_user").on("credit_entries").columns(["user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("credit_entries").execute();
  await db.schema.dropTable("deadlines").execute();
  await db.schema.dropTable("offers").execute();
  await db.schema.dropTable("request_notifications").execute();
  await db.schema.dropTable("requests").execute();
}
