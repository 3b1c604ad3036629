import type { Kysely, Selectable, Transaction } from "kysely";
import type { Board, BoardDetails } from "../../src/domain/boards.js";
import type { BoardsTable, Database } from "../schema.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;

function toBoard(row: Selectable<BoardsTable>): Board {
  return {
    id: Number(row.id),
    organisation: row.organisation,
    title: row.title,
    needed: row.needed,
    goal: Number(row.goal),
    raised: Number(row.raised),
    photoFileId: row.photo_file_id,
    status: row.status,
    closeReason: row.close_reason,
  };
}

export async function insertBoard(trx: Transaction<Database>, details: BoardDetails, adminId: number, at: number): Promise<number> {
  const row = await trx
    .insertInto("boards")
    .values({
      organisation: details.organisation,
      title: details.title,
      needed: details.needed,
      goal: details.goal,
      photo_file_id: details.photoFileId,
      status: "open",
      created_by: adminId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findBoard(db: Executor, id: number): Promise<Board | undefined> {
  const row = await db.selectFrom("boards").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toBoard(row);
}

/** The board held for a change: two donations or a donation and a close take turns. */
export async function lockBoard(trx: Transaction<Database>, id: number): Promise<Board | undefined> {
  const row = await trx
    .selectFrom("boards")
    .selectAll()
    .where("id", "=", id)
    .$if(takesRowLocks(trx), (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && toBoard(row);
}

export async function openBoards(db: Executor, limit: number): Promise<Board[]> {
  const rows = await db.selectFrom("boards").selectAll().where("status", "=", "open").orderBy("id", "asc").limit(limit).execute();
  return rows.map(toBoard);
}

export async function updateBoardDetails(trx: Transaction<Database>, id: number, details: BoardDetails, at: number): Promise<void> {
  await trx
    .updateTable("boards")
    .set({
      organisation: details.organisation,
      title: details.title,
      needed: details.needed,
      goal: details.goal,
      photo_file_id: details.photoFileId,
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
}

export async function closeBoardRow(trx: Transaction<Database>, id: number, reason: "goal" | "admin", at: number): Promise<void> {
  await trx.updateTable("boards").set({ status: "closed", close_reason: reason, updated_at: at }).where("id", "=", id).execute();
}

/** Records a donation and raises the board by it; returns the donation's id. */
export async function insertDonation(
  trx: Transaction<Database>,
  donation: { boardId: number; userId: number; amount: number; at: number },
): Promise<number> {
  const row = await trx
    .insertInto("board_donations")
    .values({ board_id: donation.boardId, user_id: donation.userId, amount: donation.amount, created_at: donation.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("boards")
    .set((eb) => ({ raised: eb("raised", "+", donation.amount), updated_at: donation.at }))
    .where("id", "=", donation.boardId)
    .execute();
  return Number(row.id);
}

/** The board's donors, first donation first, as aliases (the only name others ever see). */
export async function boardSupporters(db: Executor, boardId: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("board_donations")
    .innerJoin("users", "users.id", "board_donations.user_id")
    .select(["users.alias", (eb) => eb.fn.min("board_donations.id").as("first")])
    .where("board_donations.board_id", "=", boardId)
    .groupBy(["users.id", "users.alias"])
    .orderBy("first", "asc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.alias);
}

export async function boardDonorIds(db: Executor, boardId: number): Promise<number[]> {
  const rows = await db.selectFrom("board_donations").select("user_id").distinct().where("board_id", "=", boardId).execute();
  return rows.map((r) => Number(r.user_id));
}

/** The organisations a user supports, with what they gave each, most given first. */
export async function supportedOrganisations(db: Executor, userId: number): Promise<{ organisation: string; given: number }[]> {
  const rows = await db
    .selectFrom("board_donations")
    .innerJoin("boards", "boards.id", "board_donations.board_id")
    .select(["boards.organisation", (eb) => eb.fn.sum<number>("board_donations.amount").as("given")])
    .where("board_donations.user_id", "=", userId)
    .groupBy("boards.organisation")
    .orderBy("given", "desc")
    .orderBy("boards.organisation", "asc")
    .execute();
  return rows.map((r) => ({ organisation: r.organisation, given: Number(r.given) }));
}

/** How many donations a user has made: a confirmation names the next, so it gives at most once. */
export async function donationCount(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("board_donations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
