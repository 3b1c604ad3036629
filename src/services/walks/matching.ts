import { recordRelayed, relayedFromSide } from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { findWalk } from "../../../db/repositories/walks.js";
import { OutboxPriority } from "../../../db/schema.js";
import type { Chat } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { walkHelperCard, walkRequesterMatchedCard } from "../../ui/walk-cards.js";
import type { ServiceDeps } from "../deps.js";
import type { UnitOfWork } from "../unit-of-work.js";

/** Telegram's bounds for a live location's period, in seconds. */
const LIVE_PERIOD_MIN = 60;
const LIVE_PERIOD_MAX = 86_400;

/**
 * At the match of a walk: the chosen helper gets a live location of the bot's own, mapped in the
 * relay chat to the requester's live location message, so each of its edits moves the helper's
 * copy (services/relay/relaying.ts) — the exact place, to the chosen helper only, while the chat
 * is open. Both sides are told how the walk ends: only the requester's PIN closes it.
 */
export async function walkMatchedWithin(deps: ServiceDeps, uow: UnitOfWork, request: HelpRequest, chat: Chat): Promise<void> {
  const walk = await findWalk(uow.trx, request.id);
  if (!walk) return;
  const { timeZone, walkHome } = deps.config;
  const livePeriod = Math.round((walk.liveUntil - uow.now) / 1000);
  if (livePeriod >= LIVE_PERIOD_MIN) {
    const [outboxId] = await uow.send({
      chatId: chat.helperId,
      priority: OutboxPriority.urgent,
      method: "sendLocation",
      params: {
        latitude: walk.lastLatitude,
        longitude: walk.lastLongitude,
        live_period: Math.min(livePeriod, LIVE_PERIOD_MAX),
        relay: { records: true },
      },
    });
    await recordRelayed(uow.trx, {
      chatId: chat.id,
      fromUserId: walk.requesterId,
      originalMessageId: walk.liveMessageId,
      toUserId: chat.helperId,
      status: "relayed",
      outboxId: outboxId!,
      now: uow.now,
    });
  }
  const requesterAlias = await aliasOf(uow.trx, walk.requesterId);
  const helperAlias = await aliasOf(uow.trx, chat.helperId);
  await uow.tell(
    chat.helperId,
    (t) => walkHelperCard(t, walk, { alias: requesterAlias, timeZone, emergencyNumber: walkHome.emergencyNumber }),
    {
      priority: OutboxPriority.urgent,
    },
  );
  await uow.tell(walk.requesterId, (t) =>
    walkRequesterMatchedCard(t, walk.requestId, { alias: helperAlias, emergencyNumber: walkHome.emergencyNumber }),
  );
}

/**
 * Ends the helper's copy of a walk's live location as its chat ends, however it ends, while the
 * chat's message map still names it: its id is known once delivered (a copy still in the outbox
 * simply runs out at its live period). Nothing for a chat that is not a walk's.
 */
export async function stopHelperLiveCopy(uow: UnitOfWork, requestId: number): Promise<void> {
  const walk = await findWalk(uow.trx, requestId);
  if (!walk) return;
  const copy = await relayedFromSide(uow.trx, walk.requesterId, walk.liveMessageId);
  if (copy?.copyMessageId == null) return;
  await uow.send({
    chatId: copy.toUserId,
    priority: OutboxPriority.urgent,
    method: "stopMessageLiveLocation",
    params: { message_id: copy.copyMessageId },
  });
}
