import { chatsOfRequest, endChat, lockChat } from "../../../db/repositories/chats.js";
import { OutboxPriority } from "../../../db/schema.js";
import { escapeHtml } from "../../telegram/html.js";
import { forgetChat } from "../../../db/repositories/relay.js";
import { findRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { type Chat, type ChatStatus, partnerOf } from "../../domain/chats.js";
import { endedChatBanner } from "../../ui/chat-cards.js";
import { chatRef } from "../requests/refs.js";
import type { UnitOfWork } from "../unit-of-work.js";
import { stopHelperLiveCopy } from "../walks/matching.js";

/**
 * Ends a chat inside `uow`, once: completed by both sides, cancelled by one, or closed (a report,
 * a no-show, a partner who can no longer be reached, an admin). Returns the chat as it was while
 * open, or undefined when it had already ended; the caller tells the two sides in its own words.
 * Everything that lives only as long as the chat goes here too.
 */
export async function closeChatWithin(
  uow: UnitOfWork,
  chatId: number,
  to: Exclude<ChatStatus, "open">,
  reason: string | null,
): Promise<Chat | undefined> {
  const chat = await lockChat(uow.trx, chatId);
  if (chat?.status !== "open") return undefined;
  if (!(await endChat(uow.trx, { id: chatId, to, reason, now: uow.now }))) return undefined;
  // Before the message map goes: the helper's copy of a walk's live location is found through it.
  await stopHelperLiveCopy(uow, chat.requestId);
  await forgetChat(uow.trx, chatId);
  await endBanners(uow, chat);
  return chat;
}

/** The other helpers of a group hear that this chat's helper left it; the requester is told by the caller. */
export async function tellGroupLeft(uow: UnitOfWork, chat: Chat): Promise<void> {
  const others = (await chatsOfRequest(uow.trx, chat.requestId)).filter((c) => c.status === "open" && c.id !== chat.id);
  if (others.length === 0) return;
  const alias = escapeHtml(await aliasOf(uow.trx, chat.helperId));
  await uow.tellEach(
    others.map((c) => c.helperId),
    (t, chatId) => [
      { chatId, priority: OutboxPriority.relay, method: "sendMessage", params: { text: t("group-left", { alias }), parse_mode: "HTML" } },
    ],
  );
}

/** Every banner of the chat loses its buttons and says, to each side, with whom it ended. */
export async function endBanners(uow: UnitOfWork, chat: Chat, onlyChatId?: number): Promise<void> {
  const request = await findRequest(uow.trx, chat.requestId);
  if (!request) return;
  for (const reader of [chat.requesterId, chat.helperId]) {
    if (onlyChatId !== undefined && reader !== onlyChatId) continue;
    const partner = { alias: await aliasOf(uow.trx, partnerOf(chat, reader)) };
    const side = reader === chat.requesterId ? "requester" : "helper";
    await uow.editEverywhere(chatRef(chat.id), (t) => endedChatBanner(t, chat, side, partner, request), { onlyChatId: reader });
  }
}
