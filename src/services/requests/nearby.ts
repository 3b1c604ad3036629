import type { Kysely, Transaction } from "kysely";
import { findHelper } from "../../../db/repositories/helpers.js";
import { nearbyListOf, rememberNearbyList } from "../../../db/repositories/nearby-lists.js";
import { requestIdsOfferedBy } from "../../../db/repositories/offers.js";
import { findRequest, lockRequest, openRequestsInBox } from "../../../db/repositories/requests.js";
import { type Database, OutboxPriority } from "../../../db/schema.js";
import { distanceToShownPlace, offerIneligibility } from "../../domain/eligibility.js";
import { boxAround } from "../../domain/geo.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { NearbyEntry, NearbyPage } from "../../ui/nearby-list.js";
import { acceptKeyboard, approximatePin, requestNotice } from "../../ui/request-cards.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { requestRef } from "./refs.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Five summaries fit one message (4096 characters) with room to spare. */
const PAGE_SIZE = 5;

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
 * Everything is measured to the shown place, and ties go by age, never by the exact place: the
 * order says nothing finer than the grid square.
 */
async function openToHelper(db: Executor, deps: ServiceDeps, helperId: number): Promise<NearbyRequest[] | NotBrowsing> {
  const helper = await findHelper(db, helperId);
  if (!helper || helper.status === "rejected") return "not-helper";
  if (helper.status !== "approved") return helper.status;
  if (helper.restricted) return "restricted";
  const reach = Math.max(helper.radiusM, deps.config.limits.maxRadiusKm * 1000);
  const candidates = await openRequestsInBox(db, boxAround(helper.latitude, helper.longitude, reach), helperId);
  const now = deps.clock.now();
  return candidates
    .filter((r) => r.expiresAt > now)
    .map((request) => ({ request, distanceM: distanceToShownPlace(helper, request) }))
    .filter(({ request, distanceM }) => offerIneligibility(helper, request, distanceM) === undefined)
    .sort((a, b) => a.distanceM - b.distanceM || a.request.id - b.request.id);
}

/** The requests `/nearby` would list for the helper now, nearest first (also what a catch-up picks from). */
export function nearbyRequests(deps: ServiceDeps, helperId: number): Promise<NearbyRequest[] | NotBrowsing> {
  return openToHelper(deps.db, deps, helperId);
}

/** One page of a list of requests as it stands now: what closed is marked, what the helper offered on too. */
async function pageOf(deps: ServiceDeps, helperId: number, requestIds: readonly number[], page: number): Promise<NearbyPage> {
  const found = await openToHelper(deps.db, deps, helperId);
  const open = new Map(typeof found === "string" ? [] : found.map((f) => [f.request.id, f]));
  const offered = await requestIdsOfferedBy(deps.db, helperId);
  const pages = Math.max(1, Math.ceil(requestIds.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const entries: NearbyEntry[] = [];
  for (const [i, id] of requestIds.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE).entries()) {
    const n = current * PAGE_SIZE + i + 1;
    const live = open.get(id);
    if (live) {
      entries.push({ n, request: live.request, open: true, distanceM: live.distanceM, offered: offered.has(id) });
      continue;
    }
    const request = await findRequest(deps.db, id);
    if (request) entries.push({ n, request, open: false });
  }
  return { entries, page: current, pages };
}

/** A fresh /nearby list: its first page, and every request in it for `rememberNearbyList`. */
export async function startNearbyList(
  deps: ServiceDeps,
  helperId: number,
): Promise<NotBrowsing | { requestIds: number[]; first: NearbyPage }> {
  const found = await openToHelper(deps.db, deps, helperId);
  if (typeof found === "string") return found;
  const requestIds = found.map((f) => f.request.id);
  return { requestIds, first: await pageOf(deps, helperId, requestIds, 0) };
}

/** Ties the list to the message that shows it, so its buttons can edit it in place. */
export async function keepNearbyList(deps: ServiceDeps, helperId: number, messageId: number, requestIds: number[]): Promise<void> {
  await rememberNearbyList(deps.db, { helperId, messageId, requestIds, now: deps.clock.now() });
}

/** A page of the list shown in `messageId`; undefined when that message is no list of this helper's. */
export async function nearbyListPage(
  deps: ServiceDeps,
  helperId: number,
  messageId: number,
  page: number,
): Promise<NearbyPage | undefined> {
  const requestIds = await nearbyListOf(deps.db, helperId, messageId);
  return requestIds && pageOf(deps, helperId, requestIds, page);
}

/** The page of the list in `messageId` that holds `requestId`, to mark it where the helper pressed. */
export async function nearbyListPageWith(
  deps: ServiceDeps,
  helperId: number,
  messageId: number,
  requestId: number,
): Promise<NearbyPage | undefined> {
  const requestIds = await nearbyListOf(deps.db, helperId, messageId);
  const index = requestIds?.indexOf(requestId) ?? -1;
  return index < 0 ? undefined : pageOf(deps, helperId, requestIds!, Math.floor(index / PAGE_SIZE));
}

/**
 * Sends one request from the list as a full notice with Accept buttons and its approximate pin,
 * if the helper could still take it. The notice carries the request's ref, written under the
 * request's lock: when the request closes, it is edited like every notice fan-out sent.
 */
export function openNearbyRequest(deps: ServiceDeps, helperId: number, requestId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow): Promise<boolean> => {
    const request = await lockRequest(uow.trx, requestId);
    if (!request || request.status !== "open" || request.expiresAt <= uow.now || request.requesterId === helperId) return false;
    const helper = await findHelper(uow.trx, helperId);
    if (!helper) return false;
    const distanceM = distanceToShownPlace(helper, request);
    if (offerIneligibility(helper, request, distanceM) !== undefined) return false;
    const pin = approximatePin(request, deps.config.limits.locationFuzzMeters);
    await uow.tellEach([helperId], (t) => [
      { chatId: helperId, priority: OutboxPriority.notice, method: "sendLocation", params: pin },
      {
        chatId: helperId,
        priority: OutboxPriority.notice,
        method: "sendMessage",
        ref: requestRef(requestId),
        params: {
          text: requestNotice(t, request, distanceM, uow.now),
          parse_mode: "HTML",
          reply_markup: acceptKeyboard(t, requestId),
        },
      },
    ]);
    return true;
  });
}
