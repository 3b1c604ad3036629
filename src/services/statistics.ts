import * as stats from "../../db/repositories/statistics.js";
import { HELPER_STATUSES } from "../domain/helpers.js";
import { REQUEST_STATUSES } from "../domain/requests.js";
import { median, periodStart, type Statistics, type StatisticsPeriod } from "../domain/statistics.js";
import type { ServiceDeps } from "./deps.js";

const MINUTE = 60_000;
const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / MINUTE));

/**
 * The admin console's figures for a period ending now. Users, requests, badges, credits and
 * donations count what happened in the period; helpers are counted as they stand now.
 */
export async function statisticsFor(deps: ServiceDeps, period: StatisticsPeriod): Promise<Statistics> {
  const to = deps.clock.now() + 1;
  const span = { from: periodStart(period, to - 1, deps.config.timeZone), to };
  const { db } = deps;
  const helpers = await stats.helpersByStatus(db);
  const requests = await stats.requestsByStatus(db, span);
  const posted = [...requests.values()].reduce((a, b) => a + b, 0);
  return {
    period,
    ...span,
    users: await stats.countUsers(db, span),
    helpers: Object.fromEntries(HELPER_STATUSES.map((s) => [s, helpers.get(s) ?? 0])) as Statistics["helpers"],
    requests: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, requests.get(s) ?? 0])) as Statistics["requests"],
    completionPercent: posted === 0 ? null : Math.round(((requests.get("completed") ?? 0) * 100) / posted),
    medianMinutesToFirstOffer: minutes(median(await stats.waitsForFirstOffer(db, span))),
    medianMinutesToMatch: minutes(median(await stats.waitsForMatch(db, span))),
    helpBadgesIssued: await stats.helpBadgesIssued(db, span),
    creditsMoved: await stats.creditsMoved(db, span),
    badgesDonated: await stats.badgesDonated(db, span),
  };
}
