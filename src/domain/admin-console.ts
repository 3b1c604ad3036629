import type { RequestStatus } from "./requests.js";
import type { Report } from "./reports.js";

/** The console's pages reached from its menu; "home" is the menu itself. */
export const CONSOLE_SECTIONS = ["home", "pending", "requests", "chats", "reports", "boards", "vouchers", "kinds"] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

/** What an admin changes about a user from their card; each asks for what it needs, then a reason. */
export const USER_ADJUSTMENTS = ["restrict", "lift", "help", "penalty", "credits"] as const;
export type UserAdjustment = (typeof USER_ADJUSTMENTS)[number];

/** The sections that are lists, paged. */
export const LISTED_SECTIONS = ["requests", "chats", "reports", "vouchers"] as const satisfies readonly ConsoleSection[];
export type ListedSection = (typeof LISTED_SECTIONS)[number];

/** What an admin adjusts by a count; the others of `USER_ADJUSTMENTS` only ask for a reason. */
export const ADJUSTABLE_BADGES = ["help", "penalty"] as const;
export type AdjustableBadge = (typeof ADJUSTABLE_BADGES)[number];
export const COUNTED_ADJUSTMENTS = [...ADJUSTABLE_BADGES, "credits"] as const;

/** How many rows one page of a console list shows. */
export const CONSOLE_PAGE_SIZE = 8;

/** One page of a long list, with how many there are in all. */
export interface Page<T> {
  rows: T[];
  page: number;
  total: number;
}

/** A request still waiting for a helper or matched, as the console lists it: no place, no description. */
export interface ListedRequest {
  id: number;
  requesterAlias: string;
  category: string;
  status: Extract<RequestStatus, "open" | "matched">;
  activeOffers: number;
  createdAt: number;
  expiresAt: number;
}

/** An open relay chat as the console lists it: who, about what, since when; never its messages. */
export interface ListedChat {
  id: number;
  requestId: number;
  category: string;
  requesterAlias: string;
  helperAlias: string;
  openedAt: number;
}

/** A report as the console lists it, with both sides' aliases and, once decided, the deciding admin. */
export interface ListedReport {
  report: Report;
  reporterAlias: string;
  reportedAlias: string;
  handledBy: { id: number; name: string | undefined } | null;
}

/**
 * Audit actions whose subject is a user, as their card lists them (chat and board actions name a
 * chat or a board). Each has words in both languages (`audit-<action with - for .>`), never the raw code.
 */
export const USER_AUDIT_ACTIONS = [
  "helper.approve",
  "helper.reject",
  "helper.suspend",
  "helper.reinstate",
  "user.restrict",
  "user.unrestrict",
  "credits.adjust",
  "badges.help",
  "badges.penalty",
  "report.warn",
  "report.dismiss",
  "voucher.issue",
  "voucher.fulfil",
] as const;

/** The most an admin changes badges or credits by in one adjustment, either way. */
export const ADJUSTMENT_MAX = { help: 1000, penalty: 100, credits: 100_000 } as const;

/** "+2", "-1" or "3": a whole number that is not 0 and at most `max` either way; undefined otherwise. */
export function parseAdjustment(text: string, max: number): number | undefined {
  const match = /^\s*([+-]?)\s*(\d{1,7})\s*$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[2]) * (match[1] === "-" ? -1 : 1);
  return amount !== 0 && Math.abs(amount) <= max ? amount : undefined;
}
