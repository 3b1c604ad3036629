import { findChat } from "../../../db/repositories/chats.js";
import { findRequest } from "../../../db/repositories/requests.js";
import {
  extendAlbum,
  gatheringAlbum,
  copiesOf,
  type RelayRefs,
  recordRelayed,
  relayedFromSide,
  releaseAlbums,
} from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { type Chat, partnerOf } from "../../domain/chats.js";
import {
  CAPTION_MAX,
  type ChatEdit,
  type ChatMessage,
  type IdentityShared,
  identityShared,
  labelled,
  TEXT_MAX,
} from "../../domain/relay.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { chatForMessage, type Recipient, recipientsOf } from "./routing.js";

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

/** A copy to one member, and the sender's alias when the chat is a group's (each copy says who wrote it). */
export interface Copy {
  chatId: number;
  fromUserId: number;
  toUserId: number;
  message: ChatMessage;
  label?: string;
}

/**
 * The relay row of what it replies to on the reader's side: the reader's own original, or the copy
 * the reader got of it. In a group each member has their own copy of a message.
 */
async function repliedToFor(uow: UnitOfWork, copy: Copy): Promise<number | undefined> {
  const { message, fromUserId, toUserId } = copy;
  if (message.replyToMessageId === undefined) return undefined;
  const repliedTo = await relayedFromSide(uow.trx, fromUserId, message.replyToMessageId);
  if (!repliedTo) return undefined;
  if (repliedTo.fromUserId === toUserId) return repliedTo.id;
  const copies = await copiesOf(uow.trx, repliedTo);
  return copies.find((c) => c.toUserId === toUserId)?.id;
}

/** The alias on a message of its own, before a copy that cannot carry it (a sticker, a location, an album, a long text). */
async function sendLabel(uow: UnitOfWork, toUserId: number, label: string): Promise<void> {
  const { text, entities } = labelled(label, "", undefined, TEXT_MAX)!;
  await uow.send({ chatId: toUserId, priority: OutboxPriority.relay, method: "sendMessage", params: { text, entities } });
}

/** Sends the copy of an original to one member, threaded under their copy of what it replies to. */
export async function sendCopy(uow: UnitOfWork, deps: ServiceDeps, copy: Copy): Promise<number> {
  const { message, fromUserId, toUserId, label } = copy;
  const protect = { protect_content: deps.config.relayProtectContent };
  const replyTo = await repliedToFor(uow, copy);
  const refs: RelayRefs = { records: true, ...(replyTo !== undefined ? { replyTo } : {}) };
  const text = label !== undefined && message.text ? labelled(label, message.text.text, message.text.entities, TEXT_MAX) : undefined;
  const caption =
    label !== undefined && message.caption ? labelled(label, message.caption.caption, message.caption.entities, CAPTION_MAX) : undefined;
  if (label !== undefined && !text && !caption) await sendLabel(uow, toUserId, label);
  // A copy of a live location would be a still pin: the bot shares one of its own and moves it.
  const row = message.live
    ? relayRow(
        toUserId,
        "sendLocation",
        { latitude: message.live.latitude, longitude: message.live.longitude, live_period: message.live.livePeriod, ...protect },
        refs,
      )
    : text
      ? relayRow(toUserId, "sendMessage", { text: text.text, entities: text.entities, ...protect }, refs)
      : relayRow(
          toUserId,
          "copyMessage",
          {
            from_chat_id: fromUserId,
            message_id: message.messageId,
            ...(caption ? { caption: caption.text, caption_entities: caption.entities } : {}),
            ...protect,
          },
          refs,
        );
  const [outboxId] = await uow.send(row);
  return outboxId!;
}

/** An album item joins the album copy still gathering, or starts one. */
async function relayAlbumItem(uow: UnitOfWork, deps: ServiceDeps, item: Copy): Promise<void> {
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
  if (item.label !== undefined) await sendLabel(uow, toUserId, item.label);
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

/** The sender's alias when their chat is a group's (a request for several helpers); two people need none. */
export async function groupLabel(uow: UnitOfWork, chat: Chat, senderId: number): Promise<string | undefined> {
  const request = await findRequest(uow.trx, chat.requestId);
  return request && request.helpersWanted > 1 ? aliasOf(uow.trx, senderId) : undefined;
}

/**
 * Whom a sender's message reaches and how its copies are labelled, from one read of the request:
 * a request for one helper has one open chat, so its only reader is the partner, unlabelled.
 */
export async function groupOf(uow: UnitOfWork, chat: Chat, senderId: number): Promise<{ label?: string; recipients: Recipient[] }> {
  const request = await findRequest(uow.trx, chat.requestId);
  if (!request || request.helpersWanted <= 1) return { recipients: [{ toUserId: partnerOf(chat, senderId), chatId: chat.id }] };
  return { label: await aliasOf(uow.trx, senderId), recipients: await recipientsOf(uow.trx, chat, senderId) };
}

/** Sends an original to every member it reaches, recording each copy in the message map. */
export async function relayToGroup(
  uow: UnitOfWork,
  deps: ServiceDeps,
  chat: Chat,
  fromUserId: number,
  message: ChatMessage,
): Promise<void> {
  const { label, recipients } = await groupOf(uow, chat, fromUserId);
  for (const { toUserId, chatId } of recipients) {
    const item: Copy = { chatId, fromUserId, toUserId, message, ...(label !== undefined ? { label } : {}) };
    // An album still gathering is complete once anything else comes, and goes first.
    await releaseAlbums(uow.trx, {
      fromUserId,
      toUserId,
      ...(message.mediaGroupId ? { exceptMediaGroupId: message.mediaGroupId } : {}),
    });
    if (message.mediaGroupId !== undefined) {
      await relayAlbumItem(uow, deps, item);
      continue;
    }
    const outboxId = await sendCopy(uow, deps, item);
    await recordRelayed(uow.trx, { ...item, originalMessageId: message.messageId, status: "relayed", outboxId, now: uow.now });
  }
}

/**
 * A message someone sent outside any scene: it goes to everyone else in their open chat as a
 * copy, or waits for their yes when it would tell who they are.
 */
export function relayChatMessage(deps: ServiceDeps, userId: number, message: ChatMessage): Promise<RelayOutcome> {
  return inUnitOfWork(deps, async (uow): Promise<RelayOutcome> => {
    const chat = await chatForMessage(uow.trx, userId, message.replyToMessageId);
    if (chat === undefined) return { kind: "none" };
    if (chat === "choose") return { kind: "choose" };
    const reason = identityShared(message);
    if (reason) {
      // One row holds it for the whole group: the yes sends it to everyone then.
      const relayId = await recordRelayed(uow.trx, {
        chatId: chat.id,
        fromUserId: userId,
        originalMessageId: message.messageId,
        toUserId: partnerOf(chat, userId),
        status: "held",
        outboxId: null,
        now: uow.now,
      });
      return { kind: "held", relayId, partnerAlias: await membersAlias(uow, chat, userId), reason };
    }
    await relayToGroup(uow, deps, chat, userId, message);
    return { kind: "relayed" };
  });
}

/** Whom a chat's messages reach, as a held card names them: the partner, or the group's aliases. */
export async function membersAlias(uow: UnitOfWork, chat: Chat, userId: number): Promise<string> {
  const aliases: string[] = [];
  for (const { toUserId } of await recipientsOf(uow.trx, chat, userId)) aliases.push(await aliasOf(uow.trx, toUserId));
  return aliases.length > 0 ? aliases.join(", ") : aliasOf(uow.trx, partnerOf(chat, userId));
}

export type EditOutcome = { kind: "followed" } | { kind: "none" } | { kind: "held"; partnerAlias: string };

/** The edit on a copy; a group's copies keep the sender's alias before the new text. */
function editCall(edit: ChatEdit, label: string | undefined): [string, Record<string, unknown>] {
  switch (edit.kind) {
    case "text": {
      const text = label === undefined ? undefined : labelled(label, edit.text, edit.entities, TEXT_MAX);
      if (text) return ["editMessageText", { text: text.text, entities: text.entities }];
      return ["editMessageText", { text: edit.text, ...(edit.entities ? { entities: edit.entities } : {}) }];
    }
    case "caption": {
      const caption = label === undefined ? undefined : labelled(label, edit.caption, edit.captionEntities, CAPTION_MAX);
      if (caption) return ["editMessageCaption", { caption: caption.text, caption_entities: caption.entities }];
      return ["editMessageCaption", { caption: edit.caption, ...(edit.captionEntities ? { caption_entities: edit.captionEntities } : {}) }];
    }
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
    const chat = await findChat(uow.trx, relayed.chatId);
    if (chat?.status !== "open") return { kind: "none" };
    const words = edit.kind === "text" ? edit.text : edit.kind === "caption" ? edit.caption : undefined;
    if (words !== undefined && identityShared({ isContact: false, words })) {
      return { kind: "held", partnerAlias: await membersAlias(uow, chat, userId) };
    }
    const label = await groupLabel(uow, chat, userId);
    const [method, params] = editCall(edit, label);
    // Every member's copy follows, as long as their chat is open.
    for (const copy of await copiesOf(uow.trx, relayed)) {
      if (copy.status !== "relayed" || (await findChat(uow.trx, copy.chatId))?.status !== "open") continue;
      await uow.send(relayRow(copy.toUserId, method, params, { target: copy.id }));
    }
    return { kind: "followed" };
  });
}

/**
 * A reaction on a relayed message appears on its counterparts: on every copy when the author
 * reacts to their own message, on the author's original when a reader reacts to their copy.
 */
export function relayChatReaction(deps: ServiceDeps, userId: number, messageId: number, emoji: readonly string[]): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const relayed = await relayedFromSide(uow.trx, userId, messageId);
    if (relayed?.status !== "relayed") return false;
    if ((await findChat(uow.trx, relayed.chatId))?.status !== "open") return false;
    const reaction = emoji.map((e) => ({ type: "emoji", emoji: e }));
    const copies = userId === relayed.fromUserId ? await copiesOf(uow.trx, relayed) : [relayed];
    for (const copy of copies) {
      if (copy.status !== "relayed") continue;
      const otherSide = userId === copy.fromUserId ? copy.toUserId : copy.fromUserId;
      await uow.send(relayRow(otherSide, "setMessageReaction", { reaction }, { target: copy.id }));
    }
    return true;
  });
}
