import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Help and penalty badges as a ledger: a user's count is the sum of their rows, and the unique
  // (user, reason, subject) key makes every award and every penalty happen at most once.
  await withAutoId(db, db.schema.createTable("badge_entries"))
    .addColumn("user_id", "bigint", (c) => c.notNull())
    // "help" | "penalty"
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    // +1 earned, -n spent or removed
    .addColumn("amount", "integer", (c) => c.notNull())
    // why: "completed", "helper-cancel", "requester-cancel", "no-show", "redeem", …
    .addColumn("reason", "varchar(32)", (c) => c.notNull())
    // what it is about: a chat id, or for a redemption the redemption's own number
    .addColumn("subject_id", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("badge_entries_once")
    .on("badge_entries")
    .columns(["user_id", "kind", "reason", "subject_id"])
    .unique()
    .execute();

  // What one side of a completed chat says about the other: a rating, a comment and a colour only
  // the author ever sees again.
  await withAutoId(db, db.schema.createTable("reviews"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("author_id", "bigint", (c) => c.notNull())
    .addColumn("subject_id", "bigint", (c) => c.notNull())
    .addColumn("rating", "integer")
    .addColumn("comment", "text")
    // "green" | "yellow" | "red", or null for none
    .addColumn("mark", "varchar(8)")
    // 1 while the author's next message is read as the comment
    .addColumn("comment_asked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reviews_once").on("reviews").columns(["chat_id", "author_id"]).unique().execute();
  await db.schema.createIndex("reviews_subject").on("reviews").columns(["subject_id", "author_id"]).execute();

  // A fee moves once: one row per user, reason and request (admin rows carry no request).
  await db.schema.createIndex("credit_entries_once").on("credit_entries").columns(["user_id", "reason", "request_id"]).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("credit_entries_once").execute();
  await db.schema.dropTable("reviews").execute();
  await db.schema.dropTable("badge_entries").execute();
}
