/**
 * The anonymous chat between a requester and the helper they chose. It opens at the match and
 * ends once: completed by both sides, cancelled by one, or closed (a report, a no-show, an admin).
 */
export const CHAT_STATUSES = ["open", "completed", "cancelled", "closed"] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];

export interface Chat {
  id: number;
  requestId: number;
  requesterId: number;
  helperId: number;
  status: ChatStatus;
  /** Four digits the helper says at the door. */
  meetingCode: string;
  openedAt: number;
  closedAt: number | null;
  closeReason: string | null;
  requesterCompletedAt: number | null;
  helperCompletedAt: number | null;
}

/** The other side of the chat for one of its two members. */
export function partnerOf(chat: Pick<Chat, "requesterId" | "helperId">, userId: number): number {
  return userId === chat.requesterId ? chat.helperId : chat.requesterId;
}

/** Four digits, leading zeros kept, from a uniform random number in [0, 1). */
export function meetingCodeFrom(random: () => number): string {
  return String(Math.floor(random() * 10_000)).padStart(4, "0");
}

/** What a report can be about; the admin reads the reason with the chat's context. */
export const REPORT_REASONS = ["abuse", "scam", "noshow", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const RATINGS = ["1", "2", "3", "4", "5"] as const;
/** A private colour one side sets for the other: seen by its author next time, never a block. */
export const MARK_CHOICES = ["none", "green", "yellow", "red"] as const;
export type MarkChoice = (typeof MARK_CHOICES)[number];
/** The longest comment kept, in characters. */
export const COMMENT_MAX_CHARS = 300;

/** The two sides of every chat. */
export const CHAT_SIDES = ["requester", "helper"] as const;
export type ChatSide = (typeof CHAT_SIDES)[number];

/** Which side of the chat a user is on, or undefined for someone outside it. */
export function sideOf(chat: Pick<Chat, "requesterId" | "helperId">, userId: number): ChatSide | undefined {
  if (userId === chat.requesterId) return "requester";
  if (userId === chat.helperId) return "helper";
  return undefined;
}
