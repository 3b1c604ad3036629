import { offerCounts } from "../../../db/repositories/offers.js";
import { findRequest, requestsOfRequester } from "../../../db/repositories/requests.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { MyRequest } from "../../ui/my-requests.js";
import type { ServiceDeps } from "../deps.js";

/** Closed requests stay in /requests this long, so one that just expired can be posted again. */
export const RECENT_DAYS = 7;
/** At most this many entries, so the list and its buttons stay one readable message. */
export const MY_REQUESTS_MAX = 10;

/** The requester's open requests, then those closed in the last RECENT_DAYS, with their offer counts. */
export async function myRequests(deps: ServiceDeps, requesterId: number): Promise<MyRequest[]> {
  const since = deps.clock.now() - RECENT_DAYS * 24 * 60 * 60_000;
  const requests = await requestsOfRequester(deps.db, requesterId, since, MY_REQUESTS_MAX);
  const counts = await offerCounts(
    deps.db,
    requests.map((r) => r.id),
  );
  return requests.map((request) => ({ request, offers: counts.get(request.id) ?? 0 }));
}

/**
 * One of the requester's own requests as it is now ("Post it again" starts from what it said);
 * undefined for anyone else's.
 */
export async function ownRequest(deps: ServiceDeps, requesterId: number, requestId: number): Promise<HelpRequest | undefined> {
  const request = await findRequest(deps.db, requestId);
  return request?.requesterId === requesterId ? request : undefined;
}
