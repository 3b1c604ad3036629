/** Rules of a help request that need no database: limits, offers, what to show. */
export const DESCRIPTION_MAX = 1000;
export const ETA_CHOICES_MINUTES = [10, 20, 30, 60] as const;
export const FEE_PRESETS = [0, 5, 10, 20] as const;
export const FEE_MAX = 1000;
/** The questions of the "ask for help" scene, in order; each can be edited from the confirmation card. */
export const REQUEST_FIELDS = ["category", "description", "place", "validity", "fee"] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
/**
 * What the confirmation card can change: the questions, and how many helpers, which is not asked
 * (most requests need one) but shown on the card with its own button.
 */
export const REVIEW_FIELDS = [...REQUEST_FIELDS, "helpers"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** Whole minutes left, never negative; the UI shows "< 1 min" for 0. */
export function minutesLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.floor((expiresAt - now) / 60_000));
}

/** A custom validity typed by the user ("45", "90 min", "2h"), in minutes; undefined when unreadable. */
export function parseValidityMinutes(text: string): number | undefined {
  const match = /^\s*(\d{1,4})\s*(m|min|mins|minutes|분|h|hr|hours|시간)?\s*$/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? "m").toLowerCase();
  return unit.startsWith("h") || unit === "시간" ? value * 60 : value;
}

/** How many helpers a request may ask for: one by default, up to a small group. */
export const HELPERS_WANTED_MAX = 5;

/** A number of helpers typed instead of pressed ("3", "3명"); range-checked by the caller. */
export function parseHelpersWanted(text: string): number | undefined {
  const match = /^\s*(\d{1,3})\s*(명|people|helpers?)?\s*$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A fee typed by the user: a whole number of credits. */
export function parseFee(text: string): number | undefined {
  const match = /^\s*(\d{1,6})\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export const REQUEST_STATUSES = ["open", "matched", "completed", "expired", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request for help. The exact place goes only to the chosen helper; everyone else sees the fuzzed one. */
export interface HelpRequest {
  id: number;
  requesterId: number;
  category: string;
  description: string;
  latitude: number;
  longitude: number;
  fuzzedLatitude: number;
  fuzzedLongitude: number;
  /** How far from the place helpers are searched. */
  radiusM: number;
  /** Credits offered; 0 for none. */
  fee: number;
  status: RequestStatus;
  createdAt: number;
  expiresAt: number;
  /** The first helper chosen; a group's others are found through its chats. */
  helperId: number | null;
  /** How many helpers it asks for: each gets a chat of their own, relayed as one group. */
  helpersWanted: number;
}

export type OfferStatus = "active" | "withdrawn" | "chosen" | "declined";

/** A helper's offer to come, with the ETA they chose. */
export interface Offer {
  id: number;
  requestId: number;
  helperId: number;
  etaMinutes: number;
  /** As the requester is shown it: between the helper's grid square and the request's (eligibility.ts). */
  distanceM: number;
  status: OfferStatus;
}
