import { type PersonalDetail, personalDetailIn } from "./personal-details.js";

/** A message one side of a relay chat sent, as much of it as relaying needs. */
export interface ChatMessage {
  messageId: number;
  /** Items of one album share it; they are copied together so the other side sees an album. */
  mediaGroupId?: string;
  replyToMessageId?: number;
  /** A live location: sent as a live location of the bot's own, so its moves can follow. */
  live?: { latitude: number; longitude: number; livePeriod: number };
  isContact: boolean;
  /** Its text or caption, read for details that say who the sender is. */
  words?: string;
  /** A text message's text and formatting: a group's copy carries it after the sender's alias. */
  text?: { text: string; entities?: readonly Entity[] };
  /** Media whose copy can take a caption (photo, video, document, audio, animation, voice), and its caption. */
  caption?: { caption: string; entities?: readonly Entity[] };
}

/** A formatting entity of a message, as Telegram gives it. */
export interface Entity {
  type: string;
  offset: number;
  length: number;
}

export const TEXT_MAX = 4096;
export const CAPTION_MAX = 1024;

/**
 * A group's copy names its sender: their alias in bold on a line of its own before the text, as an
 * entity (nothing to escape, nothing else of the sender's). Undefined when the labelled text would
 * pass Telegram's limit; the alias then goes as a message of its own.
 */
export function labelled(
  alias: string,
  text: string,
  entities: readonly Entity[] | undefined,
  max: number,
): { text: string; entities: Entity[] } | undefined {
  const prefix = text === "" ? alias : `${alias}\n`;
  if (prefix.length + text.length > max) return undefined;
  return {
    text: prefix + text,
    entities: [
      { type: "bold", offset: 0, length: alias.length },
      ...(entities ?? []).map((e) => ({ ...e, offset: e.offset + prefix.length })),
    ],
  };
}

/** A change to a message already relayed. */
export type ChatEdit =
  | { kind: "text"; messageId: number; text: string; entities?: readonly Entity[] }
  | { kind: "caption"; messageId: number; caption: string; captionEntities?: readonly Entity[] }
  | { kind: "live"; messageId: number; latitude: number; longitude: number }
  | { kind: "stopped"; messageId: number };

/**
 * Why a message would tell the other side who the sender is, so it waits for the sender's yes:
 * a contact card, or words that carry a phone number, an e-mail, an @handle or a t.me link.
 * Addresses are left out: in a chat about meeting, places are the point.
 */
export type IdentityShared = "contact" | Exclude<PersonalDetail, "address">;

export function identityShared(message: Pick<ChatMessage, "isContact" | "words">): IdentityShared | undefined {
  if (message.isContact) return "contact";
  const found = message.words === undefined ? undefined : personalDetailIn(message.words);
  return found === undefined || found.detail === "address" ? undefined : found.detail;
}
