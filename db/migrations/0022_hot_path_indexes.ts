import { type Kysely, sql } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Every private message asks whether its sender owes a review's comment: answered from the few
  // reviews still asking, not by reading all of them (reviews are indexed by chat first).
  await db.schema.createIndex("reviews_asking_comment").on("reviews").column("author_id").where(sql.ref("comment_asked"), "=", 1).execute();
  // Every relayed message first lets go of the sender's albums still gathering for that member:
  // looked up among album items only, not among everything the sender ever wrote.
  await db.schema
    .createIndex("relay_messages_albums")
    .on("relay_messages")
    .columns(["from_user_id", "to_user_id"])
    .where(sql.ref("media_group_id"), "is not", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("relay_messages_albums").execute();
  await db.schema.dropIndex("reviews_asking_comment").execute();
}
