import { findChat } from "../../../db/repositories/chats.js";
import { findRelayed, settleHeld } from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { sendCopy } from "./relaying.js";

export type HeldAnswer = { ok: true; partnerAlias: string } | { ok: false };

/**
 * The sender's yes or no to a message that tells who they are. Only the sender may answer, once,
 * and only while the chat is open; anything else changes nothing.
 */
export function answerHeld(deps: ServiceDeps, userId: number, relayId: number, send: boolean): Promise<HeldAnswer> {
  return inUnitOfWork(deps, async (uow): Promise<HeldAnswer> => {
    const held = await findRelayed(uow.trx, relayId);
    if (held?.fromUserId !== userId || held.status !== "held") return { ok: false };
    if ((await findChat(uow.trx, held.chatId))?.status !== "open") return { ok: false };
    const outboxId = send
      ? await sendCopy(uow, deps, {
          chatId: held.chatId,
          fromUserId: userId,
          toUserId: held.toUserId,
          message: { messageId: held.originalMessageId, isContact: false },
        })
      : null;
    if (!(await settleHeld(uow.trx, relayId, send ? "relayed" : "dropped", outboxId)))
      throw new Error(`held message ${relayId} settled twice`);
    return { ok: true, partnerAlias: await aliasOf(uow.trx, held.toUserId) };
  });
}
