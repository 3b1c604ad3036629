import { type Kysely, SqliteAdapter, sql } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // How many helpers a request asks for (1–5); each chosen helper has a chat of their own with the
  // requester, and the request's open chats are relayed as one group.
  await db.schema
    .alterTable("requests")
    .addColumn("helpers_wanted", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  // A request now has one chat per chosen helper: request_id is no longer unique.
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // SQLite cannot drop a column's UNIQUE: the table is rebuilt with the same columns and ids.
    await sql`CREATE TABLE chats_next (
      id integer PRIMARY KEY AUTOINCREMENT,
      request_id bigint NOT NULL,
      requester_id bigint NOT NULL,
      helper_id bigint NOT NULL,
      status text NOT NULL,
      meeting_code text NOT NULL,
      opened_at bigint NOT NULL,
      closed_at bigint,
      close_reason text,
      requester_completed_at bigint,
      helper_completed_at bigint
    )`.execute(db);
    await sql`INSERT INTO chats_next SELECT id, request_id, requester_id, helper_id, status, meeting_code, opened_at,
      closed_at, close_reason, requester_completed_at, helper_completed_at FROM chats`.execute(db);
    await sql`DROP TABLE chats`.execute(db);
    await sql`ALTER TABLE chats_next RENAME TO chats`.execute(db);
    await db.schema.createIndex("chats_requester").on("chats").columns(["requester_id", "status"]).execute();
    await db.schema.createIndex("chats_helper").on("chats").columns(["helper_id", "status"]).execute();
  } else {
    await sql`ALTER TABLE chats DROP CONSTRAINT chats_request_id_key`.execute(db);
  }
  // One chat per helper and request, so a choice made twice cannot open two.
  await db.schema.createIndex("chats_request_helper").on("chats").columns(["request_id", "helper_id"]).unique().execute();
}

// Down keeps request_id non-unique: requests with several chats may exist by then.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("chats_request_helper").execute();
  await db.schema.alterTable("requests").dropColumn("helpers_wanted").execute();
}
