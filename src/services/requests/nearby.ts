import { findHelper } from "../../../db/repositories/helpers.js";
import { findRequest, openRequestsInBox } from "../../../db/repositories/requests.js";
import { offerIneligibility } from "../../domain/eligibility.js";
import { boxAround, distanceMeters } from "../../domain/geo.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { ServiceDeps } from "../deps.js";

export interface NearbyRequest {
  request: HelpRequest;
  distanceM: number;
}

// Distances are measured from the exact point but only ever shown rounded.
export type NotBrowsing = "not-helper" | "pending" | "suspended" | "restricted";

/**
 * Open requests a helper could take now (domain/eligibility.ts: in range both ways, in one of
 * their categories), nearest first; or why there are none to show. A helper who may not accept
 * (restricted, suspended) is told why instead of being shown requests they cannot take.
 */
export async function nearbyRequests(deps: ServiceDeps, helperId: number): Promise<NearbyRequest[] | NotBrowsing> {
  const helper = await findHelper(deps.db, helperId);
  if (!helper || helper.status === "rejected") return "not-helper";
  if (helper.status !== "approved") return helper.status;
  if (helper.restricted) return "restricted";
  const reach = Math.max(helper.radiusM, deps.config.limits.maxRadiusKm * 1000);
  const candidates = await openRequestsInBox(deps.db, boxAround(helper.latitude, helper.longitude, reach), helperId);
  const now = deps.clock.now();
  return candidates
    .filter((r) => r.expiresAt > now)
    .map((request) => ({ request, distanceM: distanceMeters(helper, request) }))
    .filter(({ request, distanceM }) => offerIneligibility(helper, request, distanceM) === undefined)
    .sort((a, b) => a.distanceM - b.distanceM || a.request.id - b.request.id);
}

/** One request of the helper's nearby list, or undefined when it is not (or no longer) in it. */
export async function nearbyRequest(deps: ServiceDeps, helperId: number, requestId: number): Promise<NearbyRequest | undefined> {
  const request = await findRequest(deps.db, requestId);
  if (!request) return undefined;
  const found = await nearbyRequests(deps, helperId);
  return typeof found === "string" ? undefined : found.find((f) => f.request.id === request.id);
}
