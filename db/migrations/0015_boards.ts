import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Badge donation boards (SPEC 7): what an organisation needs and how many help badges it takes.
  await withAutoId(db, db.schema.createTable("boards"))
    .addColumn("organisation", "varchar(100)", (c) => c.notNull())
    .addColumn("title", "varchar(100)", (c) => c.notNull())
    .addColumn("needed", "text", (c) => c.notNull())
    .addColumn("goal", "integer", (c) => c.notNull())
    // Kept beside the donations so a donation reads and raises it under the board's row lock.
    .addColumn("raised", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("photo_file_id", "text")
    // "open" | "closed"
    .addColumn("status", "varchar(8)", (c) => c.notNull())
    // "goal" | "admin", once closed
    .addColumn("close_reason", "varchar(8)")
    .addColumn("created_by", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("boards_status").on("boards").columns(["status", "id"]).execute();

  // One row per donation; its id is the subject of the donor's badge rows, and its donors are
  // the organisation's supporters.
  await withAutoId(db, db.schema.createTable("board_donations"))
    .addColumn("board_id", "bigint", (c) => c.notNull())
    .addColumn("user_id", "bigint", (c) => c.notNull())
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("board_donations_board").on("board_donations").columns(["board_id", "user_id"]).execute();
  await db.schema.createIndex("board_donations_user").on("board_donations").columns(["user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("board_donations").execute();
  await db.schema.dropTable("boards").execute();
}
