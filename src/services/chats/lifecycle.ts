import { endChat, lockChat } from "../../../db/repositories/chats.js";
import { forgetChat } from "../../../db/repositories/relay.js";
import type { Chat, ChatStatus } from "../../domain/chats.js";
import type { UnitOfWork } from "../unit-of-work.js";

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
  await forgetChat(uow.trx, chatId);
  return chat;
}
