// Methods that put a new bot message into a chat. All of them count against
// the flood limits; validation errors are raised before budget is taken.
import type { FileKind } from "../files.js";
import { parseCaption, parseMessageText } from "../formatting.js";
import type { StoredMessage } from "../store.js";
import { ApiError, badRequest, type Json, type ReplyMarkup, type TgFileObject, type TgMessage } from "../types.js";
import type { Persona } from "../persona.js";
import type { World } from "../world.js";
import {
  bool,
  checkMarkup,
  clone,
  deliver,
  type Delivery,
  type Handler,
  num,
  obj,
  type Params,
  rateLimit,
  replyTarget,
  str,
} from "./common.js";

export function send(
  world: World,
  p: Params,
  build: (persona: Persona) => Partial<TgMessage>,
  extra: Omit<Delivery, "content" | "markup" | "replyTo"> = {},
): StoredMessage {
  const persona = world.chatFor(p.chat_id);
  const content = build(persona);
  // A privacy setting of the user, not a fault of the bot: Telegram refuses, the bot must cope.
  if ((content.voice || content.video_note) && persona.refusesVoice) {
    throw new ApiError(400, "Bad Request: VOICE_MESSAGES_FORBIDDEN", "world", "voice messages forbidden");
  }
  if (bool(p, "protect_content")) content.has_protected_content = true;
  const replyTo = replyTarget(world, persona, p);
  const markup = obj<ReplyMarkup>(p, "reply_markup");
  checkMarkup(markup);
  rateLimit(world, persona.id, 1);
  return deliver(world, persona, { content, markup, replyTo, ...extra });
}

function captionContent(caption: string | undefined, parseMode: string | undefined, entities: unknown): Partial<TgMessage> {
  const c = parseCaption(caption, parseMode, entities as TgMessage["caption_entities"]);
  const out: Partial<TgMessage> = {};
  if (c.text) out.caption = c.text;
  if (c.entities.length > 0) out.caption_entities = c.entities;
  return out;
}

function asDocument(f: TgFileObject): TgFileObject {
  const doc: TgFileObject = { file_id: f.file_id, file_unique_id: f.file_unique_id };
  for (const k of ["file_name", "mime_type", "file_size", "thumbnail"]) if (f[k] !== undefined) doc[k] = f[k];
  return doc;
}

function mediaSender(kind: FileKind, withCaption: boolean): Handler {
  return (p, world) =>
    clone(
      send(world, p, () => {
        const file = world.files.resolveForSend(kind, p[kind]);
        const content: Partial<TgMessage> = { [kind]: file };
        // Telegram sets `document` alongside `animation` for old clients.
        if (kind === "animation") content.document = asDocument(file as TgFileObject);
        if (withCaption) Object.assign(content, captionContent(str(p, "caption"), str(p, "parse_mode"), p.caption_entities));
        if (bool(p, "has_spoiler")) content.has_media_spoiler = true;
        if (bool(p, "show_caption_above_media")) content.show_caption_above_media = true;
        return content;
      }).message,
    );
}

const INDEFINITE_LIVE_PERIOD = 0x7fffffff;

function checkCoordinates(latitude: number, longitude: number): void {
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
    throw badRequest("wrong latitude or longitude specified", "invalid location");
  }
}

function locationFrom(p: Params): NonNullable<TgMessage["location"]> {
  const latitude = num(p, "latitude") ?? 0;
  const longitude = num(p, "longitude") ?? 0;
  checkCoordinates(latitude, longitude);
  const location: NonNullable<TgMessage["location"]> = { latitude, longitude };
  const accuracy = num(p, "horizontal_accuracy");
  if (accuracy !== undefined) {
    if (accuracy < 0 || accuracy > 1500) throw badRequest("wrong horizontal accuracy specified", "invalid location");
    location.horizontal_accuracy = accuracy;
  }
  for (const key of ["live_period", "heading", "proximity_alert_radius"] as const) {
    const v = num(p, key);
    if (v !== undefined) location[key] = v;
  }
  return location;
}

/** The parts of a message that a copy or forward carries over. */
function carriedContent(m: TgMessage): Partial<TgMessage> {
  const keys = [
    "text",
    "entities",
    "caption",
    "caption_entities",
    "photo",
    "document",
    "voice",
    "video",
    "sticker",
    "audio",
    "animation",
    "video_note",
    "venue",
    "contact",
    "dice",
    "poll",
    "has_media_spoiler",
    "show_caption_above_media",
  ] as const;
  const out: Partial<TgMessage> = {};
  for (const k of keys) if (m[k] !== undefined) (out as Json)[k] = clone(m[k]);
  if (m.location) {
    // A copy is a snapshot: it is no longer a live location.
    out.location = { ...m.location };
    delete out.location.live_period;
  }
  if (Object.keys(out).length === 0) throw badRequest("message can't be copied", "copy unsupported content");
  return out;
}

function sourceMessage(world: World, fromChatId: unknown, messageId: number, verb: "copy" | "forward"): StoredMessage {
  const source = world.chatFor(fromChatId, { allowBlocked: true });
  const stored = world.store.live(source.id, messageId);
  if (!stored) throw badRequest(`message to ${verb} not found`, `${verb} source not found`);
  return stored;
}

function copyInto(world: World, p: Params, source: StoredMessage, captionOverride: boolean, mediaGroupId?: string): StoredMessage {
  return send(
    world,
    p,
    () => {
      const content = carriedContent(source.message);
      if (mediaGroupId !== undefined) content.media_group_id = mediaGroupId;
      const hasMedia = content.text === undefined && content.location === undefined && content.contact === undefined;
      if (bool(p, "remove_caption")) {
        delete content.caption;
        delete content.caption_entities;
      } else if (captionOverride && hasMedia && p.caption !== undefined) {
        delete content.caption_entities;
        delete content.caption;
        Object.assign(content, captionContent(str(p, "caption"), str(p, "parse_mode"), p.caption_entities));
      }
      return content;
    },
    { copiedFrom: { chat_id: source.chatId, message_id: source.message.message_id } },
  );
}

function forwardInto(world: World, p: Params, source: StoredMessage): StoredMessage {
  return send(
    world,
    p,
    () => ({
      ...carriedContent(source.message),
      forward_origin: {
        type: "user",
        date: source.message.date,
        sender_user: clone(source.fromBot ? world.bot : source.message.from),
      },
    }),
    { forwardedFrom: { chat_id: source.chatId, message_id: source.message.message_id } },
  );
}

/** Many-message variants skip ids that do not exist, like Telegram. */
function many(world: World, p: Params, verb: "copy" | "forward"): { message_id: number }[] {
  const ids = (p.message_ids as number[]) ?? [];
  if (ids.length < 1 || ids.length > 100) throw badRequest("message_ids must contain 1-100 identifiers", "message_ids count");
  for (let i = 1; i < ids.length; i++) {
    if ((ids[i] ?? 0) <= (ids[i - 1] ?? 0))
      throw badRequest("message identifiers must be in strictly increasing order", "message_ids order");
  }
  const from = world.chatFor(p.from_chat_id, { allowBlocked: true });
  const sources = ids.map((id) => world.store.live(from.id, id)).filter((s): s is StoredMessage => s !== undefined);
  if (sources.length === 0) throw badRequest(`message to ${verb} not found`, `${verb} source not found`);
  const single = { ...p };
  delete single.message_ids;
  // "Album grouping is kept for copied messages": each source album becomes one new album.
  const groups = new Map<string, string>();
  const groupOf = (s: StoredMessage): string | undefined => {
    const original = s.message.media_group_id;
    if (original === undefined) return undefined;
    if (!groups.has(original)) groups.set(original, `2${String(Date.now()).slice(-8)}${groups.size}`);
    return groups.get(original);
  };
  return sources.map((s) => ({
    message_id: (verb === "copy" ? copyInto(world, single, s, false, groupOf(s)) : forwardInto(world, single, s)).message.message_id,
  }));
}

const MEDIA_GROUP_KINDS = new Set(["photo", "video", "document", "audio"]);

export const sendHandlers: Record<string, Handler> = {
  sendMessage: (p, world) =>
    clone(
      send(world, p, () => {
        const parsed = parseMessageText(str(p, "text") ?? "", str(p, "parse_mode"), obj(p, "entities"));
        const content: Partial<TgMessage> = { text: parsed.text };
        if (parsed.entities.length > 0) content.entities = parsed.entities;
        const preview = obj(p, "link_preview_options");
        if (preview) content.link_preview_options = clone(preview);
        return content;
      }).message,
    ),

  sendPhoto: mediaSender("photo", true),
  sendDocument: mediaSender("document", true),
  sendVoice: mediaSender("voice", true),
  sendVideo: mediaSender("video", true),
  sendAudio: mediaSender("audio", true),
  sendAnimation: mediaSender("animation", true),
  sendSticker: mediaSender("sticker", false),
  sendVideoNote: mediaSender("video_note", false),

  sendLocation: (p, world) => {
    const location = locationFrom(p);
    const live = location.live_period;
    if (live !== undefined && live !== INDEFINITE_LIVE_PERIOD && (live < 60 || live > 86400)) {
      throw badRequest("wrong live period specified", "invalid live_period");
    }
    return clone(send(world, p, () => ({ location }), { liveActive: live !== undefined }).message);
  },

  sendVenue: (p, world) => {
    const location = locationFrom(p);
    const venue: Json = { location, title: str(p, "title") ?? "", address: str(p, "address") ?? "" };
    for (const k of ["foursquare_id", "foursquare_type", "google_place_id", "google_place_type"]) {
      if (p[k] !== undefined) venue[k] = p[k];
    }
    return clone(send(world, p, () => ({ venue: venue as unknown as TgMessage["venue"], location })).message);
  },

  sendContact: (p, world) => {
    const contact: NonNullable<TgMessage["contact"]> = {
      phone_number: str(p, "phone_number") ?? "",
      first_name: str(p, "first_name") ?? "",
    };
    const last = str(p, "last_name");
    if (last) contact.last_name = last;
    const vcard = str(p, "vcard");
    if (vcard) contact.vcard = vcard;
    return clone(send(world, p, () => ({ contact })).message);
  },

  sendMediaGroup: (p, world) => {
    const persona = world.chatFor(p.chat_id);
    const media = (p.media as Json[]) ?? [];
    if (media.length < 2 || media.length > 10) throw badRequest("media group must contain 2-10 items", "media group size");
    const kinds = new Set(media.map((m) => m.type as string));
    for (const k of kinds)
      if (!MEDIA_GROUP_KINDS.has(k)) throw badRequest(`media of type ${k} can't be sent in a media group`, "media group kind");
    for (const alone of ["document", "audio"]) {
      if (kinds.has(alone) && kinds.size > 1) throw badRequest(`${alone} can't be mixed with other media types`, "media group kind");
    }
    const contents = media.map((m) => {
      const kind = m.type as FileKind;
      return {
        [kind]: world.files.resolveForSend(kind, m.media),
        ...captionContent(m.caption as string | undefined, m.parse_mode as string | undefined, m.caption_entities),
      } as Partial<TgMessage>;
    });
    const replyTo = replyTarget(world, persona, p);
    rateLimit(world, persona.id, contents.length);
    const groupId = `1${String(Date.now()).slice(-8)}${persona.id}`;
    return contents.map((content) => clone(deliver(world, persona, { content: { ...content, media_group_id: groupId }, replyTo }).message));
  },

  copyMessage: (p, world) => {
    const source = sourceMessage(world, p.from_chat_id, num(p, "message_id") ?? 0, "copy");
    return { message_id: copyInto(world, p, source, true).message.message_id };
  },

  copyMessages: (p, world) => many(world, p, "copy"),

  forwardMessage: (p, world) => {
    const source = sourceMessage(world, p.from_chat_id, num(p, "message_id") ?? 0, "forward");
    return clone(forwardInto(world, p, source).message);
  },

  forwardMessages: (p, world) => many(world, p, "forward"),
};
