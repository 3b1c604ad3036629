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
}

/** A change to a message already relayed. */
export type ChatEdit =
  | { kind: "text"; messageId: number; text: string; entities?: unknown[] }
  | { kind: "caption"; messageId: number; caption: string; captionEntities?: unknown[] }
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
