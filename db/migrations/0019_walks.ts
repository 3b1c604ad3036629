import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Helpers who want to hear of walk-home requests (off by default: someone may need company now).
  await db.schema
    .alterTable("helpers")
    .addColumn("urgent", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // A user's safety PIN and optional duress PIN, as scrypt hashes with a salt of their own each.
  await db.schema
    .createTable("safety_pins")
    .addColumn("user_id", "bigint", (c) => c.primaryKey())
    .addColumn("pin_hash", "varchar(128)", (c) => c.notNull())
    .addColumn("pin_salt", "varchar(64)", (c) => c.notNull())
    .addColumn("duress_hash", "varchar(128)")
    .addColumn("duress_salt", "varchar(64)")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  // What the bot waits for a user to type next (a PIN): kept in the database, never in a scene's
  // log, so the digits are read once, hashed and forgotten, also across a restart.
  await db.schema
    .createTable("safety_prompts")
    .addColumn("user_id", "bigint", (c) => c.primaryKey())
    // "pin" | "duress" | "safe"
    .addColumn("purpose", "varchar(8)", (c) => c.notNull())
    // The walk (request id) a "safe" prompt confirms; 0 otherwise.
    .addColumn("subject_id", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  // A walk home: a request of its own kind, with the requester's live location and check-in.
  await db.schema
    .createTable("walks")
    .addColumn("request_id", "bigint", (c) => c.primaryKey())
    .addColumn("requester_id", "bigint", (c) => c.notNull())
    .addColumn("destination", "varchar(400)")
    // The requester's live location message in their own chat; the helper's copy follows it.
    .addColumn("live_message_id", "bigint", (c) => c.notNull())
    .addColumn("live_until", "bigint", (c) => c.notNull())
    .addColumn("last_latitude", "double precision", (c) => c.notNull())
    .addColumn("last_longitude", "double precision", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("check_in_at", "bigint", (c) => c.notNull())
    // "active" | "overdue" | "alerted" | "safe"
    .addColumn("status", "varchar(8)", (c) => c.notNull())
    .addColumn("wrong_pins", "integer", (c) => c.notNull().defaultTo(0))
    // 1 when it was closed with the duress PIN; seen by admins only.
    .addColumn("duress", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .execute();
  await db.schema.createIndex("walks_requester").on("walks").columns(["requester_id", "status"]).execute();

  // One trusted contact per user: invited by a link, accepted by a user who started the bot.
  await db.schema
    .createTable("trusted_contacts")
    .addColumn("requester_id", "bigint", (c) => c.primaryKey())
    .addColumn("token", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("contact_id", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("accepted_at", "bigint")
    .execute();
  await db.schema.createIndex("trusted_contacts_contact").on("trusted_contacts").column("contact_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("trusted_contacts").execute();
  await db.schema.dropTable("walks").execute();
  await db.schema.dropTable("safety_prompts").execute();
  await db.schema.dropTable("safety_pins").execute();
  await db.schema.alterTable("helpers").dropColumn("urgent").execute();
}
