import { findNearbyHelpers } from "../../../db/repositories/helper-search.js";
import { urgentHelperIds } from "../../../db/repositories/helpers.js";
import { recordNotifications } from "../../../db/repositories/request-notifications.js";
import { insertRequest } from "../../../db/repositories/requests.js";
import { findPins } from "../../../db/repositories/safety-pins.js";
import { findUser, lockUser } from "../../../db/repositories/users.js";
import { insertWalk, openWalkOf } from "../../../db/repositories/walks.js";
import { OutboxPriority } from "../../../db/schema.js";
import { fuzzLocation } from "../../domain/geo.js";
import { minuteOfDay } from "../../domain/helper-profile.js";
import { WALK_CATEGORY } from "../../domain/walks.js";
import { approximatePin } from "../../ui/request-cards.js";
import { walkNotice } from "../../ui/walk-cards.js";
import type { ServiceDeps } from "../deps.js";
import { requestRef } from "../requests/refs.js";
import { inUnitOfWork } from "../unit-of-work.js";

/** How many helpers one walk can reach at once: all opted-in ones near, but a bounded search. */
const SEARCH_LIMIT = 200;

export interface WalkDraft {
  place: { latitude: number; longitude: number };
  /** The live location message in the requester's chat, and how long it keeps updating. */
  liveMessageId: number;
  livePeriodSeconds: number;
  destination: string | null;
  checkInMinutes: number;
}

export type WalkBlocker = { ok: false; reason: "restricted" | "no-pin" } | { ok: false; reason: "walking"; requestId: number };
export type StartWalkResult = { ok: true; requestId: number; notified: number; checkInAt: number } | WalkBlocker;

/** Why the user cannot start a walk now; the scene asks before its first question too. */
export async function walkBlocker(deps: ServiceDeps, userId: number): Promise<WalkBlocker | undefined> {
  if ((await findUser(deps.db, userId))?.restrictedAt) return { ok: false, reason: "restricted" };
  if (!(await findPins(deps.db, userId))) return { ok: false, reason: "no-pin" };
  const walking = await openWalkOf(deps.db, userId);
  if (walking) return { ok: false, reason: "walking", requestId: walking.requestId };
  return undefined;
}

/**
 * Starts a walk home: a request with no fee and no waves, told at once, at urgent priority, to
 * every awake helper who opted in to urgent requests within the widest configured radius. Its
 * check-in is a timer; the request stays open for offers until the walk ends (safety PIN).
 */
export function startWalk(deps: ServiceDeps, requesterId: number, draft: WalkDraft): Promise<StartWalkResult> {
  return inUnitOfWork(deps, async (uow): Promise<StartWalkResult> => {
    const { trx, now } = uow;
    // Held to the commit, so a double tap cannot start two walks.
    const requester = await lockUser(trx, requesterId);
    if (requester?.restrictedAt) return { ok: false, reason: "restricted" };
    const walking = await openWalkOf(trx, requesterId);
    if (walking) return { ok: false, reason: "walking", requestId: walking.requestId };
    if (!(await findPins(trx, requesterId))) return { ok: false, reason: "no-pin" };

    const { limits, walkHome, timeZone } = deps.config;
    const fuzzed = fuzzLocation(draft.place.latitude, draft.place.longitude, limits.locationFuzzMeters);
    const checkInAt = now + draft.checkInMinutes * 60_000;
    const requestId = await insertRequest(
      trx,
      {
        requesterId,
        category: WALK_CATEGORY,
        // The destination is for the chosen helper only (walks.destination): notices, /nearby and
        // catch-up show a request's description to everyone near.
        description: "",
        latitude: draft.place.latitude,
        longitude: draft.place.longitude,
        fuzzedLatitude: fuzzed.latitude,
        fuzzedLongitude: fuzzed.longitude,
        radiusM: limits.maxRadiusKm * 1000,
        fee: 0,
        createdAt: now,
        // Open to offers while the live location lasts; no expiry timer: only the PIN ends a walk.
        expiresAt: now + draft.livePeriodSeconds * 1000,
      },
      null,
    );
    await insertWalk(trx, {
      requestId,
      requesterId,
      destination: draft.destination,
      liveMessageId: draft.liveMessageId,
      liveUntil: now + draft.livePeriodSeconds * 1000,
      lastLatitude: draft.place.latitude,
      lastLongitude: draft.place.longitude,
      checkInAt,
      now,
    });
    await uow.schedule("walk-check-in", requestId, checkInAt);

    // Centred on the shown place, like every range check before a match (domain/eligibility.ts).
    const found = await findNearbyHelpers(trx, {
      latitude: fuzzed.latitude,
      longitude: fuzzed.longitude,
      radiusM: limits.maxRadiusKm * 1000,
      limit: SEARCH_LIMIT,
      excludeUserIds: new Set([requesterId]),
      awakeAtMinute: minuteOfDay(now, timeZone),
    });
    const urgent = await urgentHelperIds(
      trx,
      found.map((h) => h.userId),
    );
    const told = found.filter((h) => urgent.has(h.userId));
    await recordNotifications(trx, requestId, 1, told, now);
    const pin = approximatePin({ fuzzedLatitude: fuzzed.latitude, fuzzedLongitude: fuzzed.longitude }, limits.locationFuzzMeters);
    await uow.tellEach(
      told.map((h) => h.userId),
      (t, helperId) => {
        const notice = walkNotice(
          t,
          { id: requestId },
          { checkInAt },
          {
            distanceM: told.find((h) => h.userId === helperId)!.distanceM,
            timeZone,
            emergencyNumber: walkHome.emergencyNumber,
          },
        );
        return [
          { chatId: helperId, priority: OutboxPriority.urgent, method: "sendLocation", params: pin },
          {
            chatId: helperId,
            priority: OutboxPriority.urgent,
            method: "sendMessage",
            ref: requestRef(requestId),
            params: { text: notice.text, parse_mode: "HTML", reply_markup: notice.keyboard },
          },
        ];
      },
    );
    return { ok: true, requestId, notified: told.length, checkInAt };
  });
}
