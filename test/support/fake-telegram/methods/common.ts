// Building blocks shared by the method handlers: parameter access, keyboard
// rules, rate limiting, and turning content into a delivered bot message.
import { refreshInbox, type StoredMessage } from "../store.js";
import { ApiError, badRequest, type InlineKeyboardMarkup, type Json, type ReplyMarkup, type TgMessage } from "../types.js";
import type { Persona } from "../persona.js";
import type { World } from "../world.js";

export type Params = Record<string, unknown>;
export type Handler = (params: Params, world: World) => unknown;

/** Returned by a handler for valid calls whose behaviour the fake does not model. */
export class NotImplemented {
  constructor(
    readonly what: string,
    readonly result: unknown = true,
  ) {}
}

// Parameters have passed schema validation before a handler runs, so these
// casts only restate what the schema already guarantees.
export const str = (p: Params, key: string): string | undefined => p[key] as string | undefined;
export const num = (p: Params, key: string): number | undefined => p[key] as number | undefined;
export const bool = (p: Params, key: string): boolean | undefined => p[key] as boolean | undefined;
export const obj = <T = Json>(p: Params, key: string): T | undefined => p[key] as T | undefined;

export const clone = <T>(v: T): T => structuredClone(v);

/** Key-order-independent JSON, so "not modified" compares content rather than spelling. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Json)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}

export function isInline(markup: ReplyMarkup | undefined): markup is InlineKeyboardMarkup {
  return markup !== undefined && "inline_keyboard" in markup;
}

/** Telegram's per-button rules that the JSON schema cannot express. */
export function checkMarkup(markup: ReplyMarkup | undefined): void {
  if (!isInline(markup)) return;
  for (const button of markup.inline_keyboard.flat()) {
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(button.callback_data, "utf8");
      if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID", "callback_data length");
    }
    if (button.url !== undefined && !/^(https?|tg):\/\/\S+$/.test(button.url)) {
      throw badRequest("BUTTON_URL_INVALID", "button url");
    }
    const actions = Object.keys(button).filter((k) => !["text", "icon_custom_emoji_id", "style"].includes(k));
    if (actions.length === 0) {
      throw badRequest(
        "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        "inline button without action",
      );
    }
  }
}

export function rateLimit(world: World, chatId: number, count: number): void {
  const decision = world.rate?.consume(chatId, count);
  if (decision && !decision.ok) {
    throw new ApiError(429, `Too Many Requests: retry after ${decision.retryAfter}`, "bot", "rate limit", {
      retry_after: decision.retryAfter,
    });
  }
}

/** The message a send replies to, per reply_parameters; checked before anything is sent. */
export function replyTarget(world: World, persona: Persona, p: Params): TgMessage | undefined {
  const rp = obj<{ message_id: number; chat_id?: number | string; allow_sending_without_reply?: boolean }>(p, "reply_parameters");
  if (!rp) return undefined;
  const chatId = rp.chat_id === undefined ? persona.id : Number(rp.chat_id);
  const target = world.store.live(chatId, rp.message_id);
  if (!target) {
    if (rp.allow_sending_without_reply) return undefined;
    throw badRequest("message to be replied not found", "reply target not found");
  }
  const copy = clone(target.message);
  delete copy.reply_to_message;
  return copy;
}

export interface Delivery {
  content: Partial<TgMessage>;
  markup?: ReplyMarkup | undefined;
  replyTo?: TgMessage | undefined;
  copiedFrom?: { chat_id: number; message_id: number };
  forwardedFrom?: { chat_id: number; message_id: number };
  liveActive?: boolean;
}

/** Creates the bot message in the chat and shows it to the persona. */
export function deliver(world: World, persona: Persona, d: Delivery): StoredMessage {
  const message = {
    message_id: world.store.allocateId(persona.id),
    from: world.bot,
    chat: persona.chat,
    date: world.unixNow(),
    ...clone(d.content),
  } as TgMessage;
  if (d.replyTo) message.reply_to_message = d.replyTo;
  // Message.reply_markup only ever echoes inline keyboards.
  if (isInline(d.markup)) message.reply_markup = clone(d.markup);
  const stored: StoredMessage = { chatId: persona.id, message, fromBot: true, deleted: false, edits: 0 };
  if (d.markup) stored.markup = clone(d.markup);
  if (d.copiedFrom) stored.copiedFrom = d.copiedFrom;
  if (d.forwardedFrom) stored.forwardedFrom = d.forwardedFrom;
  if (d.liveActive) stored.liveActive = true;
  world.store.add(stored);
  persona.receive(stored);
  return stored;
}

/** Marks a stored message edited and refreshes what the persona sees. */
export function touch(world: World, stored: StoredMessage): TgMessage {
  stored.message.edit_date = world.unixNow();
  stored.edits++;
  refreshInbox(stored);
  return clone(stored.message);
}
