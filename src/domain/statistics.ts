import type { HelperStatus } from "./helpers.js";
import type { RequestStatus } from "./requests.js";

/** The periods the admin console offers: since midnight, or the last 7 or 30 days. */
export const STATISTICS_PERIODS = ["today", "7d", "30d"] as const;
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];

/** What the console shows for a period; see src/services/statistics.ts for each figure's meaning. */
export interface Statistics {
  period: StatisticsPeriod;
  from: number;
  to: number;
  users: { total: number; joined: number };
  helpers: Record<HelperStatus, number>;
  requests: Record<RequestStatus, number>;
  /** Completed ÷ posted in the period, in whole percent; null when nothing was posted. */
  completionPercent: number | null;
  /** Null when no request of the period got an offer (or a match). */
  medianMinutesToFirstOffer: number | null;
  medianMinutesToMatch: number | null;
  helpBadgesIssued: number;
  creditsMoved: number;
  badgesDonated: number;
}

/** The middle value (mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DAY = 24 * 60 * 60 * 1000;

/** Local midnight of `now` in the zone, from the wall-clock time there (zones here keep no DST). */
export function startOfDay(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .formatToParts(now)
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return now - ((parts.hour! * 60 + parts.minute!) * 60 + parts.second!) * 1000 - (now % 1000);
}

export function periodStart(period: StatisticsPeriod, now: number, timeZone: string): number {
  return period === "today" ? startOfDay(now, timeZone) : now - (period === "7d" ? 7 : 30) * DAY;
}
