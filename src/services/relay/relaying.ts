import { findChat } from "../../../db/repositories/chats.js";
import {
  extendAlbum,
  gatheringAlbum,
  type RelayRefs,
  recordRelayed,
  relayedFromSide,
  releaseAlbums,
} from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { partnerOf } from "../../domain/chats.js";
import { type ChatEdit, type ChatMessage, type IdentityShared, identityShared } from "../../domain/relay.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { chatForMessage } from "./routing.js";

export type RelayOutcome =
  | { kind: "none" }
  | { kind: "choose" }
  | { kind: "relayed" }
  | { kind: "held"; relayId: number; partnerAlias: string; reason: IdentityShared };

// Long enough for the rest of an album, which Telegram sends as separate updates, to join it.
const ALBUM_GATHERING_MS = 1000;

/** One relay row for the outbox: a copy, an edit or a reaction on the other side, in order with the rest. */
function relayRow(chatId: number, method: string, params: Record<string, unknown>, relay: RelayRefs, holdMs?: number) {
  return { chatId, priority: OutboxPriority.relay, method, params: { ...params, relay }, ...(holdMs ? { holdMs } : {}) };
}

/** Sends the copy of an original to the partner, threaded under the copy of what it replies to. */
export async function sendCopy(
  uow: UnitOfWork,
  deps: ServiceDeps,
  copy: { chatId: number; fromUserId: number; toUserId: number; message: ChatMessage },
): Promise<number> {
  const { message, fromUserId, toUserId } = copy;
  const protect = { protect_content: deps.config.relayProtectContent };
  const repliedTo =
    message.replyToMessageId === undefined ? undefined : await relayedFromSide(uow.trx, fromUserId, message.replyToMessageId);
  const refs: RelayRefs = { records: true, ...(repliedTo?.chatId === copy.chatId ? { replyTo: repliedTo.id } : {}) };
  // A copy of a live location would be a still pin: the bot shares one of its own and moves it.
  const row = message.live
    ? relayRow(
        toUserId,
        "sendLocation",
        { latitude: message.live.latitude, longitude: message.live.longitude, live_period: message.live.livePeriod, ...protect },
        refs,
      )
    : relayRow(toUserId, "copyMessage", { from_chat_id: fromUserId, message_id: message.messageId, ...protect }, refs);
  const [outboxId] = await uow.send(row);
  return outboxId!;
}

/** An album item joins the album copy still gathering, or starts one. */
async function relayAlbumItem(
  uow: UnitOfWork,
  deps: ServiceDeps,
  item: { chatId: number; fromUserId: number; toUserId: number; message: ChatMessage },
): Promise<void> {
  const { chatId, fromUserId, toUserId, message } = item;
  const mediaGroupId = message.mediaGroupId!;
  const gathering = await gatheringAlbum(uow.trx, { chatId, fromUserId, mediaGroupId });
  const base = {
    chatId,
    fromUserId,
    originalMessageId: message.messageId,
    toUserId,
    status: "relayed" as const,
    mediaGroupId,
    now: uow.now,
  };
  if (gathering) {
    const payload = JSON.parse(gathering.payload) as { message_ids: number[] };
    payload.message_ids.push(message.messageId);
    if (await extendAlbum(uow.trx, gathering.outboxId, JSON.stringify(payload))) {
      await recordRelayed(uow.trx, { ...base, outboxId: gathering.outboxId, position: gathering.items });
      return;
    }
  }
  const [outboxId] = await uow.send(
    relayRow(
      toUserId,
      "copyMessages",
      { from_chat_id: fromUserId, message_ids: [message.messageId], protect_content: deps.config.relayProtectContent },
      { records: true },
      ALBUM_GATHERING_MS,
    ),
  );
  await recordRelayed(uow.trx, { ...base, outboxId: outboxId! });
}

/**
 * A message someone sent outside any scene: it goes to the other side of their open chat as a
 * copy, or waits for their yes when it would tell who they are.
 */
export function relayChatMessage(deps: ServiceDeps, userId: number, message: ChatMessage): Promise<RelayOutcome> {
  return inUnitOfWork(deps, async (uow): Promise<RelayOutcome> => {
    const chat = await chatForMessage(uow.trx, userId, message.replyToMessageId);
    if (chat === undefined) return { kind: "none" };
    if (chat === "choose") return { kind: "choose" };
    const toUserId = partnerOf(chat, userId);
    const reason = identityShared(message);
    if (reason) {
      const relayId = await recordRelayed(uow.trx, {
        chatId: chat.id,
        fromUserId: userId,
        originalMessageId: message.messageId,
        toUserId,
        status: "held",
        outboxId: null,
        now: uow.now,
      });
      return { kind: "held", relayId, partnerAlias: await aliasOf(uow.trx, toUserId), reason };
    }
    const item = { chatId: chat.id, fromUserId: userId, toUserId, message };
    // An album still gathering is complete once anything else comes, and goes first.
    await releaseAlbums(uow.trx, {
      fromUserId: userId,
      toUserId,
      ...(message.mediaGroupId ? { exceptMediaGroupId: message.mediaGroupId } : {}),
    });
    if (message.mediaGroupId !== undefined) {
      await relayAlbumItem(uow, deps, item);
      return { kind: "relayed" };
    }
    const outboxId = await sendCopy(uow, deps, item);
    await recordRelayed(uow.trx, { ...item, originalMessageId: message.messageId, status: "relayed", outboxId, now: uow.now });
    return { kind: "relayed" };
  });
}

export type EditOutcome = { kind: "followed" } | { kind: "none" } | { kind: "held"; partnerAlias: string };

function editCall(edit: ChatEdit): [string, Record<string, unknown>] {
  switch (edit.kind) {
    case "text":
      return ["editMessageText", { text: edit.text, ...(edit.entities ? { entities: edit.entities } : {}) }];
    case "caption":
      return ["editMessageCaption", { caption: edit.caption, ...(edit.captionEntities ? { caption_entities: edit.captionEntities } : {}) }];
    case "live":
      return ["editMessageLiveLocation", { latitude: edit.latitude, longitude: edit.longitude }];
    case "stopped":
      return ["stopMessageLiveLocation", {}];
  }
}

/**
 * An edit of a relayed message follows on its copy. An edit that would now tell who the sender
 * is does not ("held"), nor does an edit of a message that never went or of an ended chat.
 */
export function relayChatEdit(deps: ServiceDeps, userId: number, edit: ChatEdit): Promise<EditOutcome> {
  return inUnitOfWork(deps, async (uow): Promise<EditOutcome> => {
    const relayed = await relayedFromSide(uow.trx, userId, edit.messageId);
    if (relayed?.fromUserId !== userId || relayed.status !== "relayed") return { kind: "none" };
    if ((await findChat(uow.trx, relayed.chatId))?.status !== "open") return { kind: "none" };
    const words = edit.kind === "text" ? edit.text : edit.kind === "caption" ? edit.caption : undefined;
    if (words !== undefined && identityShared({ isContact: false, words })) {
      return { kind: "held", partnerAlias: await aliasOf(uow.trx, relayed.toUserId) };
    }
    const [method, params] = editCall(edit);
    await uow.send(relayRow(relayed.toUserId, method, params, { target: relayed.id }));
    return { kind: "followed" };
  });
}

/** A reaction on either side of a relayed message appears on its counterpart. */
export function relayChatReaction(deps: ServiceDeps, userId: number, messageId: number, emoji: readonly string[]): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const relayed = await relayedFromSide(uow.trx, userId, messageId);
    if (relayed?.status !== "relayed") return false;
    if ((await findChat(uow.trx, relayed.chatId))?.status !== "open") return false;
    const otherSide = userId === relayed.fromUserId ? relayed.toUserId : relayed.fromUserId;
    const reaction = emoji.map((e) => ({ type: "emoji", emoji: e }));
    await uow.send(relayRow(otherSide, "setMessageReaction", { reaction }, { target: relayed.id }));
    return true;
  });
}
