/** Rules of a walk home that need no database. */

/** The category a walk-home request carries: no helper chooses it, helpers opt in to urgent requests instead. */
export const WALK_CATEGORY = "walkhome";
export const DESTINATION_MAX = 100;
export const CHECK_IN_PRESETS_MINUTES = [15, 30, 60] as const;
export const CHECK_IN_MIN_MINUTES = 5;
export const CHECK_IN_MAX_MINUTES = 240;
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
/**
 * Wrong PINs in one walk after which the admins are told, quietly: someone may be guessing the PIN
 * to end the walk, or the walker cannot end it. Two typos are common; a third is worth a look.
 */
export const WRONG_PINS_BEFORE_ALERT = 3;

export type WalkStatus = "active" | "overdue" | "alerted" | "safe";

export interface Walk {
  requestId: number;
  requesterId: number;
  destination: string | null;
  liveMessageId: number;
  liveUntil: number;
  lastLatitude: number;
  lastLongitude: number;
  lastSeenAt: number;
  checkInAt: number;
  status: WalkStatus;
  wrongPins: number;
  duress: boolean;
}

export const isWalk = (request: { category: string }): boolean => request.category === WALK_CATEGORY;

/** A walk is over once the requester confirmed being safe; until then it is watched. */
export const walkIsOpen = (walk: Pick<Walk, "status">): boolean => walk.status !== "safe";

/** A PIN as typed: digits only, within the length bounds. */
export function isPinShaped(text: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(text);
}

/** Minutes typed for the check-in ("25", "25 min", "1h"), within bounds; undefined otherwise. */
export function parseCheckInMinutes(text: string): number | undefined {
  const match = /^\s*(\d{1,4})\s*(m|min|mins|minutes|분|h|hr|hours|시간)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? "m").toLowerCase();
  const minutes = unit.startsWith("h") || unit === "시간" ? Number(match[1]) * 60 : Number(match[1]);
  return minutes >= CHECK_IN_MIN_MINUTES && minutes <= CHECK_IN_MAX_MINUTES ? minutes : undefined;
}
