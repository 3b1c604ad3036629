import type { Kysely, Transaction } from "kysely";
import { chatsOfRequest, findChat, openChatsOf } from "../../../db/repositories/chats.js";
import { focusOf, relayedFromSide } from "../../../db/repositories/relay.js";
import type { Database } from "../../../db/schema.js";
import type { Chat } from "../../domain/chats.js";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The open chat a user's message belongs to: the one it replies into, else their only one, else
 * the one they chose with /chat. "choose" when they have several and chose none (a guess could
 * hand a message to the wrong person); undefined when they have none. A requester's chats with the
 * helpers of one request are one group chat, so they count once.
 */
export async function chatForMessage(db: Executor, userId: number, replyToMessageId?: number): Promise<Chat | "choose" | undefined> {
  const chats = await openChatsOf(db, userId);
  if (chats.length === 0) return undefined;
  const inGroupOf = (chatId: number | undefined) => {
    const named = chats.find((c) => c.id === chatId);
    return named && chats.find((c) => c.requestId === named.requestId);
  };
  if (replyToMessageId !== undefined) {
    const repliedTo = await relayedFromSide(db, userId, replyToMessageId);
    // Of a group, the row of one's own message may sit in another member's chat: its request decides.
    const requestId = repliedTo && (await findChat(db, repliedTo.chatId))?.requestId;
    const chat = chats.find((c) => c.requestId === requestId);
    if (chat) return chat;
  }
  if (new Set(chats.map((c) => c.requestId)).size === 1) return chats[0];
  return inGroupOf(await focusOf(db, userId)) ?? "choose";
}

/** One member a message reaches, and the chat that pairs them with the sender's side (its map rows live there). */
export interface Recipient {
  toUserId: number;
  chatId: number;
}

/**
 * Everyone else in the chat's group: the requester and the helpers of the request's open chats.
 * A helper's message reaches the requester through the helper's own chat and each other helper
 * through theirs, so a member who leaves takes their copies with them. Two people: the partner.
 */
export async function recipientsOf(db: Executor, chat: Chat, senderId: number): Promise<Recipient[]> {
  const helpers = (await chatsOfRequest(db, chat.requestId)).filter((c) => c.status === "open" && c.helperId !== senderId);
  const toHelpers = helpers.map((c) => ({ toUserId: c.helperId, chatId: c.id }));
  return senderId === chat.requesterId ? toHelpers : [{ toUserId: chat.requesterId, chatId: chat.id }, ...toHelpers];
}
