import type { Kysely, Transaction } from "kysely";
import { openChatsOf } from "../../../db/repositories/chats.js";
import { focusOf, relayedFromSide } from "../../../db/repositories/relay.js";
import type { Database } from "../../../db/schema.js";
import type { Chat } from "../../domain/chats.js";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The open chat a user's message belongs to: the one it replies into, else their only one, else
 * the one they chose with /chat. "choose" when they have several and chose none (a guess could
 * hand a message to the wrong person); undefined when they have none.
 */
export async function chatForMessage(db: Executor, userId: number, replyToMessageId?: number): Promise<Chat | "choose" | undefined> {
  const chats = await openChatsOf(db, userId);
  if (chats.length === 0) return undefined;
  if (replyToMessageId !== undefined) {
    const repliedTo = await relayedFromSide(db, userId, replyToMessageId);
    const chat = repliedTo && chats.find((c) => c.id === repliedTo.chatId);
    if (chat) return chat;
  }
  if (chats.length === 1) return chats[0];
  const focus = await focusOf(db, userId);
  return chats.find((c) => c.id === focus) ?? "choose";
}
