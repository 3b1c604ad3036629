import type { Kysely, Selectable, Transaction } from "kysely";
import type { Chat, ChatStatus } from "../../src/domain/chats.js";
import { compiledOnce } from "../compiled-once.js";
import type { ChatsTable, Database } from "../schema.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;
type ChatRow = Selectable<ChatsTable>;

function toChat(row: ChatRow): Chat {
  return {
    id: Number(row.id),
    requestId: Number(row.request_id),
    requesterId: Number(row.requester_id),
    helperId: Number(row.helper_id),
    status: row.status,
    meetingCode: row.meeting_code,
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    closeReason: row.close_reason,
    requesterCompletedAt: row.requester_completed_at === null ? null : Number(row.requester_completed_at),
    helperCompletedAt: row.helper_completed_at === null ? null : Number(row.helper_completed_at),
  };
}

/** Opens the chat of a match; the request's lock is held by the caller, so it opens once. */
export async function openChat(
  trx: Transaction<Database>,
  chat: { requestId: number; requesterId: number; helperId: number; meetingCode: string; now: number },
): Promise<Chat> {
  const row = await trx
    .insertInto("chats")
    .values({
      request_id: chat.requestId,
      requester_id: chat.requesterId,
      helper_id: chat.helperId,
      status: "open",
      meeting_code: chat.meetingCode,
      opened_at: chat.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChat(row);
}

export async function findChat(db: Executor, id: number): Promise<Chat | undefined> {
  const row = await db.selectFrom("chats").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toChat(row);
}

/** The chat, held until the transaction ends (PostgreSQL), so two sides' taps take turns. */
export async function lockChat(trx: Transaction<Database>, id: number): Promise<Chat | undefined> {
  const row = await trx
    .selectFrom("chats")
    .selectAll()
    .where("id", "=", id)
    .$if(takesRowLocks(trx), (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && toChat(row);
}

/** The user's open chats, oldest first, as requester or as helper. */
// Every relayed message reads these two: built once.
const openChatsQuery = compiledOnce<{ userId: number }, ChatRow>((db, slot) =>
  db
    .selectFrom("chats")
    .selectAll()
    .where("status", "=", "open")
    .where((eb) => eb.or([eb("requester_id", "=", slot("userId")), eb("helper_id", "=", slot("userId"))]))
    .orderBy("id"),
);
const chatsOfRequestQuery = compiledOnce<{ requestId: number }, ChatRow>((db, slot) =>
  db.selectFrom("chats").selectAll().where("request_id", "=", slot("requestId")).orderBy("id"),
);

export async function openChatsOf(db: Executor, userId: number): Promise<Chat[]> {
  return (await openChatsQuery(db, { userId })).map(toChat);
}

/** Ends an open chat; false when it was no longer open (another ending came first). */
export async function endChat(
  trx: Transaction<Database>,
  change: { id: number; to: Exclude<ChatStatus, "open">; reason: string | null; now: number },
): Promise<boolean> {
  const result = await trx
    .updateTable("chats")
    .set({ status: change.to, closed_at: change.now, close_reason: change.reason })
    .where("id", "=", change.id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records one side's Complete; false when that side had already pressed it or the chat ended. */
export async function markCompletedBy(
  trx: Transaction<Database>,
  change: { id: number; side: "requester" | "helper"; now: number },
): Promise<boolean> {
  const column = change.side === "requester" ? "requester_completed_at" : "helper_completed_at";
  const result = await trx
    .updateTable("chats")
    .set({ [column]: change.now })
    .where("id", "=", change.id)
    .where("status", "=", "open")
    .where(column, "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function chatOfRequest(db: Executor, requestId: number): Promise<Chat | undefined> {
  const row = await db.selectFrom("chats").selectAll().where("request_id", "=", requestId).executeTakeFirst();
  return row && toChat(row);
}

/** Every chat of a request, one per helper chosen, in the order they were chosen. */
export async function chatsOfRequest(db: Executor, requestId: number): Promise<Chat[]> {
  return (await chatsOfRequestQuery(db, { requestId })).map(toChat);
}

/** The user's chat that ended last, if it ended after `since` (to explain why nothing is relayed now). */
export async function lastEndedChatOf(db: Executor, userId: number, since: number): Promise<Chat | undefined> {
  const row = await db
    .selectFrom("chats")
    .selectAll()
    .where("status", "!=", "open")
    .where("closed_at", ">", since)
    .where((eb) => eb.or([eb("requester_id", "=", userId), eb("helper_id", "=", userId)]))
    .orderBy("closed_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && toChat(row);
}
