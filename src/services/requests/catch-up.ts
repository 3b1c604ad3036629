import { findHelper } from "../../../db/repositories/helpers.js";
import { hasActiveOffer } from "../../../db/repositories/offers.js";
import { requestsToldTo } from "../../../db/repositories/request-notifications.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { isInQuietHours } from "../../domain/geo.js";
import { minuteOfDay } from "../../domain/helper-profile.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { nearbyRequests } from "./nearby.js";
import { tellHelpersOfRequest } from "./notices.js";

/**
 * Recorded in place of a wave number: the helper was told on becoming a candidate, not by a
 * wave. Waves count from 1, so the next wave's number is unchanged.
 */
const CAUGHT_UP = 0;

/**
 * A helper who just became someone a wave could find (approved or reinstated, switched on,
 * moved, a wider radius, new quiet hours, back after blocking the bot, restriction lifted) is
 * told at once of the open requests that fit them (/nearby's rule, domain/eligibility.ts) and
 * that still look for a helper: nobody has offered yet, as with waves. Nearest first, at most
 * CATCH_UP_MAX_REQUESTS, each request once per helper (request_notifications). A helper who is
 * off, unreachable or in quiet hours hears nothing now; the waves reach them later. Returns how
 * many requests they were told of.
 */
export async function catchUpHelper(deps: ServiceDeps, helperId: number): Promise<number> {
  const max = deps.config.limits.catchUpMaxRequests;
  const helper = await findHelper(deps.db, helperId);
  if (max === 0 || !helper?.available || !helper.reachable) return 0;
  const minute = minuteOfDay(deps.clock.now(), deps.config.timeZone);
  if (isInQuietHours(minute, helper.quietStartMinute, helper.quietEndMinute)) return 0;
  const found = await nearbyRequests(deps, helperId);
  if (typeof found === "string" || found.length === 0) return 0;

  const told = await requestsToldTo(
    deps.db,
    helperId,
    found.map((f) => f.request.id),
  );
  const chosen: typeof found = [];
  for (const entry of found) {
    if (chosen.length === max) break;
    if (!told.has(entry.request.id) && !(await hasActiveOffer(deps.db, entry.request.id))) chosen.push(entry);
  }
  if (chosen.length === 0) return 0;

  return inUnitOfWork(deps, async (uow) => {
    const fresh = new Set<number>();
    // Locked in id order, so two helpers catching up at once never wait on each other in a circle.
    for (const id of chosen.map((c) => c.request.id).sort((a, b) => a - b)) {
      const locked = await lockRequest(uow.trx, id);
      if (!locked || locked.status !== "open" || locked.expiresAt <= uow.now) continue;
      // Looked at again under the lock: a wave or an offer may have come in between.
      if ((await requestsToldTo(uow.trx, helperId, [id])).size > 0 || (await hasActiveOffer(uow.trx, id))) continue;
      fresh.add(id);
    }
    // Told nearest first.
    for (const { request, distanceM } of chosen) {
      if (fresh.has(request.id)) await tellHelpersOfRequest(deps, uow, request, [{ userId: helperId, distanceM }], CAUGHT_UP);
    }
    return fresh.size;
  });
}
