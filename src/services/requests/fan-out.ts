import type { Transaction } from "kysely";
import { findNearbyHelpers, type NearbyHelper } from "../../../db/repositories/helper-search.js";
import { categoriesOf } from "../../../db/repositories/helpers.js";
import { hasActiveOffer } from "../../../db/repositories/offers.js";
import { lastWave, notifiedHelperIds, recordNotifications } from "../../../db/repositories/request-notifications.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { type Database, OutboxPriority } from "../../../db/schema.js";
import { coversCategory } from "../../domain/eligibility.js";
import { isInQuietHours } from "../../domain/geo.js";
import { minuteOfDay } from "../../domain/helper-profile.js";
import type { HelpRequest } from "../../domain/requests.js";
import { acceptKeyboard, requestNotice } from "../../ui/request-cards.js";
import type { ServiceDeps } from "../deps.js";
import type { UnitOfWork } from "../unit-of-work.js";
import { requestRef } from "./refs.js";

/**
 * How many searches one wave may take to fill up. Each skips the helpers the ones before turned
 * down, so a few nearest helpers of other categories cannot keep a request from everyone beyond.
 */
const SEARCHES_PER_WAVE = 4;

/**
 * The next helpers to tell, nearest first: found by the search (approved, available, reachable,
 * unrestricted, in range both ways), then kept if they do the request's category
 * (domain/eligibility.ts) and are not in their quiet hours. `more` says whether anyone may be
 * left for a later wave.
 */
async function nextWave(
  trx: Transaction<Database>,
  request: HelpRequest,
  opts: { size: number; exclude: ReadonlySet<number>; minute: number },
): Promise<{ wave: NearbyHelper[]; more: boolean }> {
  const limit = opts.size * 2;
  const skipped = new Set(opts.exclude);
  const wave: NearbyHelper[] = [];
  let leftOver = false;
  for (let search = 0; search < SEARCHES_PER_WAVE; search++) {
    // Centred on the shown place, as every range check before a match (domain/eligibility.ts).
    const found = await findNearbyHelpers(trx, {
      latitude: request.fuzzedLatitude,
      longitude: request.fuzzedLongitude,
      radiusM: request.radiusM,
      limit,
      excludeUserIds: skipped,
    });
    const categories = await categoriesOf(
      trx,
      found.map((h) => h.userId),
    );
    for (const helper of found) {
      skipped.add(helper.userId);
      const fits =
        coversCategory({ categories: categories.get(helper.userId) ?? [] }, request) &&
        !isInQuietHours(opts.minute, helper.quietStartMinute, helper.quietEndMinute);
      if (!fits) continue;
      if (wave.length < opts.size) wave.push(helper);
      else leftOver = true;
    }
    if (found.length < limit) return { wave, more: leftOver };
    if (wave.length === opts.size) return { wave, more: true };
  }
  return { wave, more: true };
}

/**
 * Tells the next nearest helpers who have not heard of the request. Runs at posting and then
 * from the wave timer while nobody has offered; stops when candidates run out.
 */
export async function fanOutWave(deps: ServiceDeps, uow: UnitOfWork, requestId: number): Promise<number> {
  const { trx, now } = uow;
  // Held, so a wave never goes out for a request chosen or closed while it was being sent.
  const request = await lockRequest(trx, requestId);
  if (!request || request.status !== "open") return 0;
  if (await hasActiveOffer(trx, requestId)) return 0;

  const { fanoutWaveSize, fanoutWaveIntervalSeconds, locationFuzzMeters } = deps.config.limits;
  const { wave, more } = await nextWave(trx, request, {
    size: fanoutWaveSize,
    exclude: new Set([...(await notifiedHelperIds(trx, requestId)), request.requesterId]),
    minute: minuteOfDay(now, deps.config.timeZone),
  });
  if (wave.length === 0) return 0;

  await recordNotifications(trx, requestId, (await lastWave(trx, requestId)) + 1, wave, now);
  const distances = new Map(wave.map((h) => [h.userId, h.distanceM]));
  const fuzzedPin = {
    latitude: request.fuzzedLatitude,
    longitude: request.fuzzedLongitude,
    horizontal_accuracy: Math.min(1500, locationFuzzMeters),
  };
  await uow.tellEach(
    wave.map((h) => h.userId),
    (t, helperId) => [
      { chatId: helperId, priority: OutboxPriority.fanout, method: "sendLocation", params: fuzzedPin },
      {
        chatId: helperId,
        priority: OutboxPriority.fanout,
        method: "sendMessage",
        ref: requestRef(requestId),
        params: {
          text: requestNotice(t, request, distances.get(helperId)!, now),
          parse_mode: "HTML",
          reply_markup: acceptKeyboard(t, requestId),
        },
      },
    ],
  );
  // More may be waiting beyond this wave; the timer looks again unless someone offers first.
  if (more) await uow.schedule("request-wave", requestId, now + fanoutWaveIntervalSeconds * 1000);
  return wave.length;
}
