import { findHelper } from "../../db/repositories/helpers.js";
import { openRequestsInBox } from "../../db/repositories/requests.js";
import type { HelpRequest } from "../../db/schema.js";
import { boxAround, distanceMeters } from "../domain/geo.js";
import type { ServiceDeps } from "./deps.js";

export interface NearbyRequest {
  request: HelpRequest;
  distanceM: number;
}

/**
 * Open requests a helper could take now: within their own radius and the request's search
 * radius, nearest first. Distances are measured from the exact point but only ever shown rounded.
 */
export async function nearbyRequests(deps: ServiceDeps, helperId: number): Promise<NearbyRequest[] | "not-helper"> {
  const helper = await findHelper(deps.db, helperId);
  if (!helper || helper.status !== "approved") return "not-helper";
  const reach = Math.max(helper.radius_m, deps.config.limits.maxRadiusKm * 1000);
  const candidates = await openRequestsInBox(deps.db, boxAround(helper.latitude, helper.longitude, reach), helperId);
  const now = deps.clock.now();
  return candidates
    .filter((r) => r.expires_at > now)
    .map((request) => ({ request, distanceM: distanceMeters(helper, request) }))
    .filter(({ request, distanceM }) => distanceM <= helper.radius_m && distanceM <= request.radius_m)
    .sort((a, b) => a.distanceM - b.distanceM || a.request.id - b.request.id);
}
