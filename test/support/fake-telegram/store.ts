// Every message in every private chat, in both directions. A private chat has
// one message_id sequence shared by the user's and the bot's messages.
import type { InboxMessage, MessageKind, ReplyMarkup, TgMessage } from "./types.js";

export interface StoredMessage {
  chatId: number;
  /** The message as Telegram would currently return it. */
  message: TgMessage;
  fromBot: boolean;
  deleted: boolean;
  edits: number;
  /** Markup the bot attached, of any kind (Message.reply_markup only echoes inline keyboards). */
  markup?: ReplyMarkup;
  /** Bot live locations: still editable? */
  liveActive?: boolean;
  copiedFrom?: { chat_id: number; message_id: number };
  forwardedFrom?: { chat_id: number; message_id: number };
  /** The persona-facing view; kept in sync by refreshInbox. */
  inbox?: InboxMessage;
}

interface ChatLog {
  lastId: number;
  messages: Map<number, StoredMessage>;
}

export class MessageStore {
  private readonly chats = new Map<number, ChatLog>();

  private log(chatId: number): ChatLog {
    let log = this.chats.get(chatId);
    if (!log) {
      log = { lastId: 0, messages: new Map() };
      this.chats.set(chatId, log);
    }
    return log;
  }

  allocateId(chatId: number): number {
    return ++this.log(chatId).lastId;
  }

  add(stored: StoredMessage): void {
    this.log(stored.chatId).messages.set(stored.message.message_id, stored);
  }

  get(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  /** Every message of a chat, both directions, in the order they were sent. */
  chat(chatId: number): StoredMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].sort((a, b) => a.message.message_id - b.message.message_id);
  }

  /** A message that still exists (not deleted). */
  live(chatId: number, messageId: number): StoredMessage | undefined {
    const m = this.get(chatId, messageId);
    return m && !m.deleted ? m : undefined;
  }
}

const MEDIA_KINDS: MessageKind[] = ["photo", "sticker", "voice", "video", "video_note", "audio", "animation", "document"];

export function messageKind(m: TgMessage): MessageKind {
  if (m.text !== undefined) return "text";
  // Animations also carry a `document` field, so check them first.
  for (const k of MEDIA_KINDS) if (m[k] !== undefined) return k;
  if (m.venue) return "venue";
  if (m.location) return "location";
  if (m.contact) return "contact";
  return "other";
}

function primaryFileId(m: TgMessage): string | undefined {
  if (m.photo) return m.photo[m.photo.length - 1]?.file_id;
  for (const k of MEDIA_KINDS) {
    const f = m[k];
    if (f && !Array.isArray(f) && typeof f === "object") return (f as { file_id: string }).file_id;
  }
  return undefined;
}

/** Rebuilds the persona-facing view in place, so references held by tests see edits. */
export function refreshInbox(stored: StoredMessage): InboxMessage {
  const m = stored.message;
  const view: InboxMessage = {
    message_id: m.message_id,
    kind: messageKind(m),
    text: m.text ?? m.caption ?? "",
    entities: [...(m.entities ?? m.caption_entities ?? [])],
    reply_markup: stored.markup,
    deleted: stored.deleted,
    edits: stored.edits,
    raw: m,
  };
  if (m.location) view.location = { ...m.location };
  if (m.venue) view.venue = m.venue;
  if (m.contact) view.contact = m.contact;
  const fileId = primaryFileId(m);
  if (fileId) view.file_id = fileId;
  if (stored.copiedFrom) view.copiedFrom = stored.copiedFrom;
  if (stored.forwardedFrom) view.forwardedFrom = stored.forwardedFrom;
  if (stored.inbox) {
    const target = stored.inbox as unknown as Record<string, unknown>;
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, view);
    return stored.inbox;
  }
  stored.inbox = view;
  return view;
}

/** One-line description used in timeout errors. */
export function summarize(m: InboxMessage): string {
  const flags = `${m.deleted ? " (deleted)" : ""}${m.edits ? ` (edited ×${m.edits})` : ""}`;
  const body = m.text ? JSON.stringify(m.text.length > 120 ? `${m.text.slice(0, 117)}...` : m.text) : "";
  let buttons = "";
  const markup = m.reply_markup as { inline_keyboard?: { text: string }[][]; keyboard?: { text: string }[][] } | undefined;
  const rows = markup?.inline_keyboard ?? markup?.keyboard;
  if (rows)
    buttons = ` [${rows
      .flat()
      .map((b) => b.text)
      .join(" | ")}]`;
  return `#${m.message_id} ${m.kind}${body ? ` ${body}` : ""}${buttons}${flags}`;
}
