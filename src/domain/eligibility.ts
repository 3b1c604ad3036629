import { distanceMeters, fuzzLocation, type LatLon } from "./geo.js";
import type { Helper } from "./helpers.js";
import type { HelpRequest } from "./requests.js";
import { isWalk } from "./walks.js";

/** Why a helper may not offer for a request. */
export type Ineligibility = "not-helper" | "restricted" | "out-of-range" | "other-category" | "not-urgent";

/** A helper does a request's kind of work when they chose its category. */
export function coversCategory(helper: Pick<Helper, "categories">, request: Pick<HelpRequest, "category">): boolean {
  return helper.categories.includes(request.category);
}

/** Where a request is shown before a match: the centre of its fuzzing grid square. */
export function shownPlace(request: Pick<HelpRequest, "fuzzedLatitude" | "fuzzedLongitude">): LatLon {
  return { latitude: request.fuzzedLatitude, longitude: request.fuzzedLongitude };
}

/**
 * How far a helper is from a request before a match, for every purpose: range checks, order and
 * the distance shown. Measured to the shown place, never the exact one, so nothing a helper can
 * observe (not even whether a request is in range at all) depends on more than the grid square:
 * moving one's own pin around cannot trace a circle around the exact spot.
 */
export function distanceToShownPlace(helper: LatLon, request: Pick<HelpRequest, "fuzzedLatitude" | "fuzzedLongitude">): number {
  return distanceMeters(helper, shownPlace(request));
}

/**
 * The helper's distance as the requester is shown it: from the centre of the helper's own grid
 * square to the request's shown place, so an offer card locates a helper no better than a notice
 * locates a request (a requester may post from anywhere and read many offers).
 */
export function distanceForRequester(
  helper: LatLon,
  request: Pick<HelpRequest, "fuzzedLatitude" | "fuzzedLongitude">,
  gridMeters: number,
): number {
  return distanceMeters(fuzzLocation(helper.latitude, helper.longitude, gridMeters), shownPlace(request));
}

/**
 * Who may offer for a request: exactly who could have been told of it. An approved, unrestricted
 * helper who chose the request's category, with the place within the helper's own radius and the
 * helper within the request's search radius. `distanceM` is `distanceToShownPlace`, in whole
 * metres as the search measures it. Fan-out and /nearby apply the same rule, so nobody
 * hears of a request they could not take and a forged Accept from anyone else is refused.
 */
export function offerIneligibility(
  helper: Pick<Helper, "status" | "restricted" | "radiusM" | "categories" | "urgent">,
  request: Pick<HelpRequest, "radiusM" | "category">,
  distanceM: number,
): Ineligibility | undefined {
  if (helper.status !== "approved") return "not-helper";
  if (helper.restricted) return "restricted";
  if (distanceM > helper.radiusM || distanceM > request.radiusM) return "out-of-range";
  // A walk home goes to helpers who opted in to urgent requests, whatever their categories.
  if (isWalk(request)) return helper.urgent ? undefined : "not-urgent";
  if (!coversCategory(helper, request)) return "other-category";
  return undefined;
}
