import { type Kysely, sql } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Every private message asks whether its sender owes a review's comment: answered from the few
  // reviews still asking, not by reading all of them (reviews are indexed by chat first).
  await db.schema.createIndex("reviews_asking_comment").on("reviews").column("author_id").where(sql.ref("comment_asked"), "=", 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("reviews_asking_comment").execute();
}
