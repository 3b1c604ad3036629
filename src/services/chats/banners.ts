import { findChat } from "../../../db/repositories/chats.js";
import { recordDelivered } from "../../../db/repositories/outbox.js";
import { sideOf } from "../../domain/chats.js";
import type { ServiceDeps } from "../deps.js";
import { chatRef } from "../requests/refs.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { endBanners } from "./lifecycle.js";

/**
 * A banner a handler showed itself (the answer to Choose, /chat), remembered under the chat's ref
 * so that the chat's end edits it like the one the outbox delivered. Should the chat have ended
 * in the moment between, the edit goes out at once.
 */
export function rememberChatBanner(
  deps: ServiceDeps,
  userId: number,
  banner: { chatId: number; messageId: number; params: Record<string, unknown> },
): Promise<void> {
  return inUnitOfWork(deps, async (uow) => {
    const chat = await findChat(uow.trx, banner.chatId);
    if (!chat || !sideOf(chat, userId)) return;
    const ref = chatRef(chat.id);
    await recordDelivered(uow.trx, { chatId: userId, ref, messageId: banner.messageId, params: banner.params, now: uow.now });
    if (chat.status !== "open") await endBanners(uow, chat, userId);
  });
}
