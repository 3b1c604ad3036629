import type { Transaction } from "kysely";
import { findNearbyHelpers, type NearbyHelper } from "../../../db/repositories/helper-search.js";
import { categoriesOf } from "../../../db/repositories/helpers.js";
import { hasActiveOffer } from "../../../db/repositories/offers.js";
import { lastWave, notifiedHelperIds } from "../../../db/repositories/request-notifications.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import type { Database } from "../../../db/schema.js";
import { coversCategory } from "../../domain/eligibility.js";
import { minuteOfDay } from "../../domain/helper-profile.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { ServiceDeps } from "../deps.js";
import type { UnitOfWork } from "../unit-of-work.js";
import { tellHelpersOfRequest } from "./notices.js";
import { isWalk } from "../../domain/walks.js";

/**
 * How many searches one wave may take to fill up. Each skips the helpers the ones before turned
 * down, so a few nearest helpers of other categories cannot keep a request from everyone beyond.
 */
const SEARCHES_PER_WAVE = 4;

/**
 * The next helpers to tell, nearest first: found by the search (approved, available, reachable,
 * unrestricted, awake now, in range both ways), then kept if they do the request's category
 * (domain/eligibility.ts).
 */
async function nextWave(
  trx: Transaction<Database>,
  request: HelpRequest,
  opts: { size: number; exclude: ReadonlySet<number>; minute: number },
): Promise<NearbyHelper[]> {
  const limit = opts.size * 2;
  const skipped = new Set(opts.exclude);
  const wave: NearbyHelper[] = [];
  for (let search = 0; search < SEARCHES_PER_WAVE; search++) {
    // Centred on the shown place, as every range check before a match (domain/eligibility.ts).
    const found = await findNearbyHelpers(trx, {
      latitude: request.fuzzedLatitude,
      longitude: request.fuzzedLongitude,
      radiusM: request.radiusM,
      limit,
      excludeUserIds: skipped,
      // In the search itself: a wave never stalls on sleeping helpers while awake ones are further out.
      awakeAtMinute: opts.minute,
    });
    const categories = await categoriesOf(
      trx,
      found.map((h) => h.userId),
    );
    for (const helper of found) {
      skipped.add(helper.userId);
      if (coversCategory({ categories: categories.get(helper.userId) ?? [] }, request)) wave.push(helper);
      if (wave.length === opts.size) return wave;
    }
    if (found.length < limit) return wave;
  }
  return wave;
}

/**
 * Tells the next nearest helpers who have not heard of the request. Runs at posting and then
 * from the wave timer, every interval while the request is open and nobody has offered, until
 * it expires, even when a search found nobody: helpers wake up, arrive and move, and leaving
 * quiet hours is no event anyone sends.
 */
export async function fanOutWave(deps: ServiceDeps, uow: UnitOfWork, requestId: number): Promise<number> {
  const { trx, now } = uow;
  // Held, so a wave never goes out for a request chosen or closed while it was being sent.
  const request = await lockRequest(trx, requestId);
  if (!request || request.status !== "open") return 0;
  // A walk home was told to everyone who takes them at once (services/walks/starting.ts).
  if (isWalk(request)) return 0;
  if (await hasActiveOffer(trx, requestId)) return 0;

  const { fanoutWaveSize, fanoutWaveIntervalSeconds } = deps.config.limits;
  const wave = await nextWave(trx, request, {
    size: fanoutWaveSize,
    exclude: new Set([...(await notifiedHelperIds(trx, requestId)), request.requesterId]),
    minute: minuteOfDay(now, deps.config.timeZone),
  });
  if (wave.length > 0) await tellHelpersOfRequest(deps, uow, request, wave, (await lastWave(trx, requestId)) + 1);
  // One timer per request: a withdrawal may have scheduled a wave while this one was due.
  await uow.cancelTimers("request-wave", requestId);
  const next = now + fanoutWaveIntervalSeconds * 1000;
  if (next < request.expiresAt) await uow.schedule("request-wave", requestId, next);
  return wave.length;
}
