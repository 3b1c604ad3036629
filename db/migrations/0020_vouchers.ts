import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // What a voucher is for, as admins name it ("cinema ticket"); retired kinds stay for the vouchers that name them.
  await withAutoId(db, db.schema.createTable("voucher_kinds"))
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    // 1 for the kind a prize is issued as; with none, the oldest active kind.
    .addColumn("is_default", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("retired_at", "bigint")
    .execute();

  // A voucher and where it stands now; its history is in voucher_events.
  await withAutoId(db, db.schema.createTable("vouchers"))
    // Null while it is owed: the prize was reached when no kind existed.
    .addColumn("kind_id", "bigint")
    .addColumn("holder_id", "bigint", (c) => c.notNull())
    // "prize" | "admin"
    .addColumn("origin", "varchar(8)", (c) => c.notNull())
    // "owed" | "held" | "offered" | "fulfilled" | "expired"
    .addColumn("state", "varchar(10)", (c) => c.notNull())
    // SHA-256 of the live claim code while it is offered; the code itself is never stored.
    .addColumn("code_hash", "varchar(64)", (c) => c.unique())
    // How many times it was offered: numbers each offer's events.
    .addColumn("offers", "integer", (c) => c.notNull().defaultTo(0))
    // 0 while owed.
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("vouchers_holder").on("vouchers").columns(["holder_id", "state"]).execute();

  // Every voucher event once: (voucher, event, subject) is unique. The subject is the offer's
  // number for offered / withdrawn / claimed, 0 for the events a voucher has once.
  await withAutoId(db, db.schema.createTable("voucher_events"))
    .addColumn("voucher_id", "bigint", (c) => c.notNull())
    // "issued" | "offered" | "withdrawn" | "claimed" | "fulfilled" | "expired"
    .addColumn("event", "varchar(10)", (c) => c.notNull())
    .addColumn("subject_id", "bigint", (c) => c.notNull())
    // Whose voucher it was when it happened (the giver, for a claim).
    .addColumn("user_id", "bigint", (c) => c.notNull())
    // Who made it happen (the claimer, the admin); null for the expiry timer and a prize.
    .addColumn("actor_id", "bigint")
    // The offer's code, hashed: a spent or withdrawn code is told apart from one never issued.
    .addColumn("code_hash", "varchar(64)")
    .addColumn("at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("voucher_events_once", ["voucher_id", "event", "subject_id"])
    .execute();
  await db.schema.createIndex("voucher_events_code").on("voucher_events").column("code_hash").execute();
  await db.schema.createIndex("voucher_events_user").on("voucher_events").columns(["user_id", "event"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("voucher_events").execute();
  await db.schema.dropTable("vouchers").execute();
  await db.schema.dropTable("voucher_kinds").execute();
}
