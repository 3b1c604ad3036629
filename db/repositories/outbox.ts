import type { Insertable, Kysely, Transaction } from "kysely";
import { compiledOnce } from "../compiled-once.js";
import type { Database, OutboxPriorityValue, OutboxTable } from "../schema.js";

export interface OutgoingMessage {
  chatId: number;
  priority: OutboxPriorityValue;
  method: string;
  params: Record<string, unknown>;
  ref?: string;
  /** Milliseconds to wait before sending, so that parts arriving right after can join the row. */
  holdMs?: number;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Call inside the transaction that makes the state change the messages tell about. */
type OutboxValues = Pick<Insertable<OutboxTable>, "chat_id" | "priority" | "method" | "payload" | "ref" | "next_attempt_at" | "created_at">;

// One message at a time is what most units of work send (a relayed copy, a notice): built once.
const enqueueOne = compiledOnce<OutboxValues, { id: number }>((db, slot) =>
  db
    .insertInto("outbox")
    .values({
      chat_id: slot("chat_id"),
      priority: slot("priority"),
      method: slot("method"),
      payload: slot("payload"),
      ref: slot("ref"),
      status: "pending",
      next_attempt_at: slot("next_attempt_at"),
      created_at: slot("created_at"),
    })
    .returning("id"),
);

export async function enqueueMessages(db: Executor, now: number, messages: OutgoingMessage[]): Promise<number[]> {
  if (messages.length === 0) return [];
  const values = messages.map((m): OutboxValues => ({
    chat_id: m.chatId,
    priority: m.priority,
    method: m.method,
    payload: JSON.stringify(m.params),
    ref: m.ref ?? null,
    // The sender keeps wall-clock time; a hold lets later parts (an album's items) join first.
    next_attempt_at: m.holdMs ? Date.now() + m.holdMs : 0,
    created_at: now,
  }));
  const rows =
    values.length === 1
      ? await enqueueOne(db, values[0]!)
      : await db
          .insertInto("outbox")
          .values(values.map((v) => ({ ...v, status: "pending" as const })))
          .returning("id")
          .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * The first `limit` messages waiting to be sent, in the order they are to go: those due now and
 * those not due yet (a retry, an album gathering its items), which hold back what follows them in
 * their chat.
 */
export function pendingMessages(db: Kysely<Database>, limit: number) {
  return db.selectFrom("outbox").selectAll().where("status", "=", "pending").orderBy("priority").orderBy("id").limit(limit).execute();
}

/** Returns false when another sender took the row first. */
export async function claimMessage(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "sending" })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markSent(db: Executor, id: number, now: number, messageId: number | null): Promise<void> {
  await db.updateTable("outbox").set({ status: "sent", sent_at: now, message_id: messageId, error: null }).where("id", "=", id).execute();
}

export async function markFinal(db: Kysely<Database>, id: number, status: "failed" | "dropped", error: string): Promise<void> {
  await db.updateTable("outbox").set({ status, error }).where("id", "=", id).execute();
}

export async function retryLater(db: Kysely<Database>, id: number, at: number, attempts: number, error: string): Promise<void> {
  await db.updateTable("outbox").set({ status: "pending", next_attempt_at: at, attempts, error }).where("id", "=", id).execute();
}

/** After a crash, rows that were in flight are sent again: at least once beats never. */
export async function releaseInFlight(db: Kysely<Database>): Promise<void> {
  await db.updateTable("outbox").set({ status: "pending" }).where("status", "=", "sending").execute();
}

/** Which copies of a ref an edit is for: all, those in one chat, or all but some chats. */
export interface RefScope {
  onlyChatId?: number;
  exceptChatIds?: readonly number[];
}

/** An edit for `ref` makes its undelivered originals pointless; delivered ones are returned to edit. */
export async function settleRef(db: Kysely<Database>, ref: string, exceptId: number, scope: RefScope = {}) {
  const { onlyChatId, exceptChatIds = [] } = scope;
  await db
    .updateTable("outbox")
    .set({ status: "dropped", error: "superseded by an edit" })
    .where("ref", "=", ref)
    .where("status", "=", "pending")
    .where("method", "!=", "editByRef")
    .$if(onlyChatId !== undefined, (qb) => qb.where("chat_id", "=", onlyChatId!))
    .$if(exceptChatIds.length > 0, (qb) => qb.where("chat_id", "not in", exceptChatIds))
    .execute();
  return db
    .selectFrom("outbox")
    .select(["id", "chat_id", "message_id", "status", "method"])
    .where("ref", "=", ref)
    .where("id", "!=", exceptId)
    .where("method", "!=", "editByRef")
    .where("status", "in", ["sent", "sending"])
    .$if(onlyChatId !== undefined, (qb) => qb.where("chat_id", "=", onlyChatId!))
    .$if(exceptChatIds.length > 0, (qb) => qb.where("chat_id", "not in", exceptChatIds))
    .execute();
}

/** Chats that hold a delivered (or departing) copy of `ref`: an edit will reach them there. */
export async function chatsHoldingRef(db: Executor, ref: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom("outbox")
    .select("chat_id")
    .where("ref", "=", ref)
    .where("method", "!=", "editByRef")
    .where("status", "in", ["sent", "sending"])
    .execute();
  return new Set(rows.map((r) => r.chat_id));
}

/**
 * A message the bot already sent itself (a handler's direct reply), recorded as delivered under
 * `ref` so that later edits by ref find it like any message the sender delivered.
 */
export async function recordDelivered(
  db: Executor,
  message: { chatId: number; ref: string; messageId: number; params: Record<string, unknown>; now: number },
): Promise<void> {
  await db
    .insertInto("outbox")
    .values({
      chat_id: message.chatId,
      priority: 0,
      method: "sendMessage",
      payload: JSON.stringify(message.params),
      ref: message.ref,
      status: "sent",
      next_attempt_at: 0,
      created_at: message.now,
      sent_at: message.now,
      message_id: message.messageId,
    })
    .execute();
}
