/** Rules of a help request that need no database: limits, offers, what to show. */
export const DESCRIPTION_MAX = 1000;
export const ETA_CHOICES_MINUTES = [10, 20, 30, 60] as const;
export const FEE_PRESETS = [0, 5, 10, 20] as const;
export const FEE_MAX = 1000;

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

/** A fee typed by the user: a whole number of credits. */
export function parseFee(text: string): number | undefined {
  const match = /^\s*(\d{1,6})\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
