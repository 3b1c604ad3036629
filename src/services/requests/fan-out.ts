import { findNearbyHelpers } from "../../../db/repositories/helper-search.js";
import { hasActiveOffer } from "../../../db/repositories/offers.js";
import { lastWave, notifiedHelperIds, recordNotifications } from "../../../db/repositories/request-notifications.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { OutboxPriority } from "../../../db/schema.js";
import { isInQuietHours } from "../../domain/geo.js";
import { minuteOfDay } from "../../domain/helper-profile.js";
import { acceptKeyboard, requestNotice } from "../../ui/request-cards.js";
import type { ServiceDeps } from "../deps.js";
import type { UnitOfWork } from "../unit-of-work.js";
import { requestRef } from "./refs.js";

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
  const exclude = new Set([...(await notifiedHelperIds(trx, requestId)), request.requesterId]);
  const minute = minuteOfDay(now, deps.config.timeZone);
  // Quiet hours are filtered after the search, so ask for a few more than a wave.
  const found = await findNearbyHelpers(trx, {
    latitude: request.latitude,
    longitude: request.longitude,
    radiusM: request.radiusM,
    limit: fanoutWaveSize * 2,
    excludeUserIds: exclude,
  });
  const awake = found.filter((h) => !isInQuietHours(minute, h.quietStartMinute, h.quietEndMinute));
  const wave = awake.slice(0, fanoutWaveSize);
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
  if (awake.length > wave.length || found.length >= fanoutWaveSize * 2) {
    await uow.schedule("request-wave", requestId, now + fanoutWaveIntervalSeconds * 1000);
  }
  return wave.length;
}
