import type { Helper } from "./helpers.js";
import type { HelpRequest } from "./requests.js";

/** Why a helper may not offer for a request. */
export type Ineligibility = "not-helper" | "restricted" | "out-of-range" | "other-category";

/** A helper does a request's kind of work when they chose its category. */
export function coversCategory(helper: Pick<Helper, "categories">, request: Pick<HelpRequest, "category">): boolean {
  return helper.categories.includes(request.category);
}

/**
 * Who may offer for a request: exactly who could have been told of it. An approved, unrestricted
 * helper who chose the request's category, with the place within the helper's own radius and the
 * helper within the request's search radius. `distanceM` is from the helper to the exact place,
 * in whole metres as the search measures it. Fan-out and /nearby apply the same rule, so nobody
 * hears of a request they could not take and a forged Accept from anyone else is refused.
 */
export function offerIneligibility(
  helper: Pick<Helper, "status" | "restricted" | "radiusM" | "categories">,
  request: Pick<HelpRequest, "radiusM" | "category">,
  distanceM: number,
): Ineligibility | undefined {
  if (helper.status !== "approved") return "not-helper";
  if (helper.restricted) return "restricted";
  if (distanceM > helper.radiusM || distanceM > request.radiusM) return "out-of-range";
  if (!coversCategory(helper, request)) return "other-category";
  return undefined;
}
