import { openChatsOf } from "../../../db/repositories/chats.js";
import { relayedByOutbox } from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { partnerOf } from "../../domain/chats.js";
import { escapeHtml } from "../../telegram/html.js";
import { lockChatAndRequest } from "../chats/completion.js";
import { endWithoutCompletion } from "../chats/ending.js";
import { tellGroupLeft } from "../chats/lifecycle.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";

/** Telegram refused a copy for good (e.g. the partner refuses voice messages): its sender hears so, under it. */
export function reportRefusedCopy(deps: ServiceDeps, outboxId: number): Promise<void> {
  return inUnitOfWork(deps, async (uow) => {
    const relayed = await relayedByOutbox(uow.trx, outboxId);
    if (!relayed) return;
    const alias = escapeHtml(await aliasOf(uow.trx, relayed.toUserId));
    await uow.tellEach([relayed.fromUserId], (t, chatId) => [
      {
        chatId,
        priority: OutboxPriority.relay,
        method: "sendMessage",
        params: {
          text: t("relay-refused", { alias }),
          parse_mode: "HTML",
          reply_parameters: { message_id: relayed.originalMessageId, allow_sending_without_reply: true },
        },
      },
    ]);
  });
}

/**
 * The user can no longer be reached: each of their open chats closes, and the other side is told
 * that what had not reached them never will. In a group only the unreachable helper's chat ends.
 */
export async function closeChatsOfUnreachable(deps: ServiceDeps, userId: number): Promise<void> {
  for (const open of await openChatsOf(deps.db, userId)) {
    await inUnitOfWork(deps, async (uow) => {
      // As every other ending: the request is locked before the chat, and leaves "matched" so its fee is no longer held.
      const locked = await lockChatAndRequest(uow, open.id);
      if (!locked || !(await endWithoutCompletion(deps, uow, locked.chat, locked.request, "closed", "unreachable"))) return;
      const chat = locked.chat;
      // A helper who is gone leaves the group; the others carry on.
      if (chat.helperId === userId) await tellGroupLeft(uow, chat);
      const alias = escapeHtml(await aliasOf(uow.trx, userId));
      await uow.tell(partnerOf(chat, userId), (t) => t("chat-closed-unreachable", { alias }), { priority: OutboxPriority.relay });
    });
  }
}
