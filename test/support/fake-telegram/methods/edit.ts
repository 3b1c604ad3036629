// Edits and deletions of existing messages. Telegram refuses edits that change
// nothing, so the fake compares the new state with the current one.
import { parseCaption, parseMessageText } from "../formatting.js";
import { messageKind, refreshInbox, type StoredMessage } from "../store.js";
import { badRequest, type InlineKeyboardMarkup, type TgMessage } from "../types.js";
import type { World } from "../world.js";
import { checkMarkup, clone, type Handler, isInline, NotImplemented, num, obj, type Params, stableJson, str, touch } from "./common.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const INDEFINITE_LIVE_PERIOD = 0x7fffffff;

function editTarget(world: World, p: Params): StoredMessage | NotImplemented {
  if (p.inline_message_id !== undefined) return new NotImplemented("editing inline messages");
  const messageId = num(p, "message_id");
  if (p.chat_id === undefined || messageId === undefined) {
    throw badRequest("message identifier is not specified", "edit target missing");
  }
  const persona = world.chatFor(p.chat_id);
  const stored = world.store.live(persona.id, messageId);
  if (!stored) throw badRequest("message to edit not found", "edit target not found");
  if (!stored.fromBot) throw badRequest("message can't be edited", "edit foreign message");
  return stored;
}

function newMarkup(p: Params): InlineKeyboardMarkup | undefined {
  const markup = obj<InlineKeyboardMarkup>(p, "reply_markup");
  checkMarkup(markup);
  return markup;
}

const same = (a: unknown, b: unknown): boolean => stableJson(a ?? null) === stableJson(b ?? null);
const sameEntities = (a: unknown[] | undefined, b: unknown[] | undefined): boolean => same(a ?? [], b ?? []);

/** Applies an edit's markup: inline keyboards are replaced or removed; a reply keyboard never belonged to the message. */
function applyMarkup(stored: StoredMessage, markup: InlineKeyboardMarkup | undefined): void {
  if (markup) stored.message.reply_markup = clone(markup);
  else delete stored.message.reply_markup;
  if (markup) stored.markup = clone(markup);
  else if (isInline(stored.markup)) delete stored.markup;
}

function setOrDelete<K extends keyof TgMessage>(m: TgMessage, key: K, value: TgMessage[K] | undefined, keep: boolean): void {
  if (keep && value !== undefined) m[key] = value;
  else delete m[key];
}

/** Live locations stop being editable when stopped or when their period runs out. */
function isLive(world: World, stored: StoredMessage): boolean {
  const period = stored.message.location?.live_period;
  if (!stored.liveActive || period === undefined) return false;
  return period === INDEFINITE_LIVE_PERIOD || stored.message.date + period > world.unixNow();
}

export const editHandlers: Record<string, Handler> = {
  editMessageText: (p, world) => {
    const stored = editTarget(world, p);
    if (stored instanceof NotImplemented) return stored;
    const m = stored.message;
    if (m.text === undefined) throw badRequest("there is no text in the message to edit", "edit wrong kind");
    const parsed = parseMessageText(str(p, "text") ?? "", str(p, "parse_mode"), obj(p, "entities"));
    const markup = newMarkup(p);
    if (parsed.text === m.text && sameEntities(parsed.entities, m.entities) && same(markup, m.reply_markup)) {
      throw badRequest(NOT_MODIFIED, "message not modified");
    }
    m.text = parsed.text;
    setOrDelete(m, "entities", parsed.entities, parsed.entities.length > 0);
    applyMarkup(stored, markup);
    return touch(world, stored);
  },

  editMessageCaption: (p, world) => {
    const stored = editTarget(world, p);
    if (stored instanceof NotImplemented) return stored;
    const m = stored.message;
    const kind = messageKind(m);
    if (!["photo", "video", "document", "audio", "animation", "voice"].includes(kind)) {
      throw badRequest("there is no caption in the message to edit", "edit wrong kind");
    }
    const parsed = parseCaption(str(p, "caption"), str(p, "parse_mode"), obj(p, "caption_entities"));
    const markup = newMarkup(p);
    if (parsed.text === (m.caption ?? "") && sameEntities(parsed.entities, m.caption_entities) && same(markup, m.reply_markup)) {
      throw badRequest(NOT_MODIFIED, "message not modified");
    }
    setOrDelete(m, "caption", parsed.text, parsed.text !== "");
    setOrDelete(m, "caption_entities", parsed.entities, parsed.entities.length > 0);
    applyMarkup(stored, markup);
    return touch(world, stored);
  },

  editMessageReplyMarkup: (p, world) => {
    const stored = editTarget(world, p);
    if (stored instanceof NotImplemented) return stored;
    const markup = newMarkup(p);
    if (same(markup, stored.message.reply_markup)) throw badRequest(NOT_MODIFIED, "message not modified");
    applyMarkup(stored, markup);
    return touch(world, stored);
  },

  editMessageLiveLocation: (p, world) => {
    const stored = editTarget(world, p);
    if (stored instanceof NotImplemented) return stored;
    if (!isLive(world, stored)) throw badRequest("message can't be edited", "edit not a live location");
    const old = stored.message.location ?? { latitude: 0, longitude: 0 };
    const next = { ...old, latitude: num(p, "latitude") ?? 0, longitude: num(p, "longitude") ?? 0 };
    for (const key of ["horizontal_accuracy", "heading", "proximity_alert_radius"] as const) {
      const v = num(p, key);
      if (v !== undefined) next[key] = v;
      else delete next[key];
    }
    const period = num(p, "live_period");
    if (period !== undefined) next.live_period = period;
    const markup = newMarkup(p);
    if (same(next, old) && same(markup, stored.message.reply_markup)) throw badRequest(NOT_MODIFIED, "message not modified");
    stored.message.location = next;
    applyMarkup(stored, markup);
    return touch(world, stored);
  },

  stopMessageLiveLocation: (p, world) => {
    const stored = editTarget(world, p);
    if (stored instanceof NotImplemented) return stored;
    if (!isLive(world, stored)) throw badRequest("message can't be edited", "edit not a live location");
    stored.liveActive = false;
    applyMarkup(stored, newMarkup(p));
    return touch(world, stored);
  },

  deleteMessage: (p, world) => {
    const persona = world.chatFor(p.chat_id, { allowBlocked: true });
    const stored = world.store.live(persona.id, num(p, "message_id") ?? 0);
    if (!stored) throw badRequest("message to delete not found", "delete target not found");
    stored.deleted = true;
    refreshInbox(stored);
    return true;
  },

  deleteMessages: (p, world) => {
    const persona = world.chatFor(p.chat_id, { allowBlocked: true });
    const ids = (p.message_ids as number[]) ?? [];
    if (ids.length < 1 || ids.length > 100) throw badRequest("message_ids must contain 1-100 identifiers", "message_ids count");
    // Telegram skips ids it cannot find.
    for (const id of ids) {
      const stored = world.store.live(persona.id, id);
      if (stored) {
        stored.deleted = true;
        refreshInbox(stored);
      }
    }
    return true;
  },
};
