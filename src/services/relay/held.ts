import { findChat } from "../../../db/repositories/chats.js";
import { findRelayed, recordRelayed, settleHeld } from "../../../db/repositories/relay.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { groupOf, membersAlias, sendCopy } from "./relaying.js";

export type HeldAnswer = { ok: true; partnerAlias: string } | { ok: false };

/**
 * The sender's yes or no to a message that tells who they are. Only the sender may answer, once,
 * and only while the chat is open; anything else changes nothing.
 */
export function answerHeld(deps: ServiceDeps, userId: number, relayId: number, send: boolean): Promise<HeldAnswer> {
  return inUnitOfWork(deps, async (uow): Promise<HeldAnswer> => {
    const held = await findRelayed(uow.trx, relayId);
    if (held?.fromUserId !== userId || held.status !== "held") return { ok: false };
    const chat = await findChat(uow.trx, held.chatId);
    if (chat?.status !== "open") return { ok: false };
    let outboxId: number | null = null;
    if (send) {
      // To everyone in the chat now; the held row itself becomes its first reader's copy.
      const { label, recipients } = await groupOf(uow, chat, userId);
      const message = { messageId: held.originalMessageId, isContact: false };
      for (const { toUserId, chatId } of recipients) {
        const copy = { chatId, fromUserId: userId, toUserId, message, ...(label !== undefined ? { label } : {}) };
        const sent = await sendCopy(uow, deps, copy);
        if (toUserId === held.toUserId) outboxId = sent;
        else
          await recordRelayed(uow.trx, { ...copy, originalMessageId: message.messageId, status: "relayed", outboxId: sent, now: uow.now });
      }
    }
    if (!(await settleHeld(uow.trx, relayId, send ? "relayed" : "dropped", outboxId)))
      throw new Error(`held message ${relayId} settled twice`);
    return { ok: true, partnerAlias: await membersAlias(uow, chat, userId) };
  });
}
