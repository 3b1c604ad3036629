import { type Kysely, type Selectable, type Transaction, sql } from "kysely";
import { compiledOnce } from "../compiled-once.js";
import type { Database, RelayMessagesTable, RelayMessageStatus } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;
type RelayRow = Selectable<RelayMessagesTable>;

/**
 * How a relay row names messages whose ids may not exist yet when it is written: the copy of a
 * message is known only once the outbox delivered it. The sender reads these just before sending.
 */
export interface RelayRefs {
  /** The row carries copies: their message ids go into the chat's message map on delivery. */
  records?: boolean;
  /** The message acted on (edited, reacted to): a relayed message, in the row's chat. */
  target?: number;
  /** The message replied to, in the row's chat. */
  replyTo?: number;
}

/** One relayed message: the original one side sent and, once delivered, its copy on the other side. */
export interface RelayedMessage {
  id: number;
  chatId: number;
  fromUserId: number;
  originalMessageId: number;
  toUserId: number;
  status: RelayMessageStatus;
  outboxId: number | null;
  copyMessageId: number | null;
  mediaGroupId: string | null;
}

function toRelayed(row: RelayRow): RelayedMessage {
  return {
    id: Number(row.id),
    chatId: Number(row.chat_id),
    fromUserId: Number(row.from_user_id),
    originalMessageId: Number(row.original_message_id),
    toUserId: Number(row.to_user_id),
    status: row.status,
    outboxId: row.outbox_id === null ? null : Number(row.outbox_id),
    copyMessageId: row.copy_message_id === null ? null : Number(row.copy_message_id),
    mediaGroupId: row.media_group_id,
  };
}

/** A relayed message as written: where it went, and its place in an album (0 otherwise). */
type NewRelayed = Omit<RelayedMessage, "id" | "copyMessageId" | "mediaGroupId"> & {
  position: number;
  mediaGroupId: string | null;
  now: number;
};

export async function recordRelayed(
  trx: Transaction<Database>,
  m: Omit<NewRelayed, "position" | "mediaGroupId"> & { position?: number; mediaGroupId?: string },
): Promise<number> {
  const [row] = await insertRelayed(trx, { ...m, position: m.position ?? 0, mediaGroupId: m.mediaGroupId ?? null });
  return Number(row!.id);
}

// The statements of every relayed message, built once.
const insertRelayed = compiledOnce<NewRelayed, { id: number }>((db, slot) =>
  db
    .insertInto("relay_messages")
    .values({
      chat_id: slot("chatId"),
      from_user_id: slot("fromUserId"),
      original_message_id: slot("originalMessageId"),
      to_user_id: slot("toUserId"),
      status: slot("status"),
      outbox_id: slot("outboxId"),
      position: slot("position"),
      media_group_id: slot("mediaGroupId"),
      created_at: slot("now"),
    })
    .returning("id"),
);

/**
 * The outbox rows of the sender's album items to this reader still waiting to be sent. Read from
 * the album items (an index of their own) to the outbox, never the other way: driven by the
 * outbox's pending rows, SQLite's choice for the single UPDATE this used to be, a relayed message
 * cost grew with the whole backlog (390 µs behind 15,000 pending rows). CROSS JOIN keeps SQLite
 * in that order; PostgreSQL plans it as a plain join.
 */
const gatheringAlbumItems = (except: boolean) =>
  compiledOnce<{ fromUserId: number; toUserId: number; exceptMediaGroupId: string }, { outbox_id: number }>((db, slot) =>
    db
      .selectFrom("relay_messages")
      .crossJoin("outbox")
      .select("relay_messages.outbox_id")
      .whereRef("outbox.id", "=", "relay_messages.outbox_id")
      .where("relay_messages.from_user_id", "=", slot("fromUserId"))
      .where("relay_messages.to_user_id", "=", slot("toUserId"))
      .where("relay_messages.media_group_id", "is not", null)
      .where("outbox.status", "=", sql.lit("pending"))
      .$if(except, (qb) => qb.where("relay_messages.media_group_id", "!=", slot("exceptMediaGroupId"))),
  );
const gatheringAll = gatheringAlbumItems(false);
const gatheringOthers = gatheringAlbumItems(true);

export async function findRelayed(db: Executor, id: number): Promise<RelayedMessage | undefined> {
  const row = await db.selectFrom("relay_messages").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toRelayed(row);
}

/**
 * The relayed message a user's message belongs to, from their side: one they sent (an original)
 * or one they received (a copy). Messages outside any chat have none.
 */
export async function relayedFromSide(db: Executor, userId: number, messageId: number): Promise<RelayedMessage | undefined> {
  const row = await db
    .selectFrom("relay_messages")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("from_user_id", "=", userId), eb("original_message_id", "=", messageId)]),
        eb.and([eb("to_user_id", "=", userId), eb("copy_message_id", "=", messageId)]),
      ]),
    )
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row && toRelayed(row);
}

/** Every copy of one original (one per member it reached in a group chat), oldest first. */
export async function copiesOf(db: Executor, original: { fromUserId: number; originalMessageId: number }): Promise<RelayedMessage[]> {
  const rows = await db
    .selectFrom("relay_messages")
    .selectAll()
    .where("from_user_id", "=", original.fromUserId)
    .where("original_message_id", "=", original.originalMessageId)
    .orderBy("id")
    .execute();
  return rows.map(toRelayed);
}

/** The album copy still waiting in the outbox that the next item of the same album joins. */
export async function gatheringAlbum(
  trx: Transaction<Database>,
  album: { chatId: number; fromUserId: number; mediaGroupId: string },
): Promise<{ outboxId: number; payload: string; items: number } | undefined> {
  const rows = await trx
    .selectFrom("relay_messages")
    .innerJoin("outbox", "outbox.id", "relay_messages.outbox_id")
    .select(["outbox.id as outboxId", "outbox.payload", "outbox.status"])
    .where("relay_messages.chat_id", "=", album.chatId)
    .where("relay_messages.from_user_id", "=", album.fromUserId)
    .where("relay_messages.media_group_id", "=", album.mediaGroupId)
    .orderBy("relay_messages.id", "desc")
    .execute();
  const newest = rows[0];
  if (newest?.status !== "pending") return undefined;
  const items = rows.filter((r) => Number(r.outboxId) === Number(newest.outboxId)).length;
  return { outboxId: Number(newest.outboxId), payload: newest.payload, items };
}

/** Adds an item to an album copy that has not left yet; false when the sender took it meanwhile. */
export async function extendAlbum(trx: Transaction<Database>, outboxId: number, payload: string): Promise<boolean> {
  const result = await trx
    .updateTable("outbox")
    .set({ payload })
    .where("id", "=", outboxId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Sends the sender's albums to this reader that are still gathering at once: their items come in
 * a row, so any other message means they are complete, and it must not overtake them.
 */
export async function releaseAlbums(
  trx: Transaction<Database>,
  albums: { fromUserId: number; toUserId: number; exceptMediaGroupId?: string },
): Promise<void> {
  const values = { fromUserId: albums.fromUserId, toUserId: albums.toUserId, exceptMediaGroupId: albums.exceptMediaGroupId ?? "" };
  const items = await (albums.exceptMediaGroupId === undefined ? gatheringAll : gatheringOthers)(trx, values);
  if (items.length === 0) return;
  await trx
    .updateTable("outbox")
    .set({ next_attempt_at: 0 })
    .where(
      "id",
      "in",
      items.map((item) => item.outbox_id),
    )
    .where("status", "=", "pending")
    .execute();
}

/** Written with the delivery: the copies' message ids, in the order the outbox row carried them. */
export async function recordCopies(db: Executor, outboxId: number, messageIds: readonly number[]): Promise<void> {
  for (const [position, messageId] of messageIds.entries()) {
    await db
      .updateTable("relay_messages")
      .set({ copy_message_id: messageId })
      .where("outbox_id", "=", outboxId)
      .where("position", "=", position)
      .execute();
  }
}

/** A held message goes (with its outbox row) or is dropped, once. */
export async function settleHeld(
  trx: Transaction<Database>,
  id: number,
  to: Exclude<RelayMessageStatus, "held">,
  outboxId: number | null,
): Promise<boolean> {
  const result = await trx
    .updateTable("relay_messages")
    .set({ status: to, outbox_id: outboxId })
    .where("id", "=", id)
    .where("status", "=", "held")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function relayedByOutbox(db: Executor, outboxId: number): Promise<RelayedMessage | undefined> {
  const row = await db.selectFrom("relay_messages").selectAll().where("outbox_id", "=", outboxId).orderBy("id").executeTakeFirst();
  return row && toRelayed(row);
}

/** Whether the copy of a relayed message can still come: its outbox row has not been settled. */
export async function copyStillComing(db: Executor, outboxId: number): Promise<boolean> {
  const row = await db.selectFrom("outbox").select("status").where("id", "=", outboxId).executeTakeFirst();
  return row?.status === "pending" || row?.status === "sending";
}

/** The open chat a user with several writes in, if they chose one. */
export async function focusOf(db: Executor, userId: number): Promise<number | undefined> {
  const row = await db.selectFrom("relay_focus").select("chat_id").where("user_id", "=", userId).executeTakeFirst();
  return row && Number(row.chat_id);
}

export async function setFocus(trx: Transaction<Database>, userId: number, chatId: number): Promise<void> {
  await trx
    .insertInto("relay_focus")
    .values({ user_id: userId, chat_id: chatId })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ chat_id: chatId }))
    .execute();
}

/** Everything that lives only as long as the chat: its message map and the choices pointing at it. */
export async function forgetChat(trx: Transaction<Database>, chatId: number): Promise<void> {
  await trx.deleteFrom("relay_messages").where("chat_id", "=", chatId).execute();
  await trx.deleteFrom("relay_focus").where("chat_id", "=", chatId).execute();
}

/** The chat's last `limit` relayed messages, oldest first (what an admin reads with a report). */
export async function recentRelayed(db: Executor, chatId: number, limit: number): Promise<RelayedMessage[]> {
  const rows = await db
    .selectFrom("relay_messages")
    .selectAll()
    .where("chat_id", "=", chatId)
    .where("status", "=", "relayed")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.reverse().map(toRelayed);
}
