import type { Kysely, Transaction } from "kysely";
import { badgeCounts } from "../../../db/repositories/badges.js";
import { recordDelivered } from "../../../db/repositories/outbox.js";
import { countOpenRequests, insertRequest, lockRequest, requestIdByPostKey } from "../../../db/repositories/requests.js";
import { aliasOf, findUser, lockUser } from "../../../db/repositories/users.js";
import type { Database } from "../../../db/schema.js";
import type { Config } from "../../config.js";
import { fuzzLocation } from "../../domain/geo.js";
import type { User } from "../../domain/users.js";
import { postedClosedCard } from "../../ui/my-requests.js";
import type { ServiceDeps } from "../deps.js";
import { holdFee } from "../fee-escrow.js";
import { creditsOf } from "../ledger.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { fanOutWave } from "./fan-out.js";
import { postedRef } from "./refs.js";
import { notifiedHelperIds } from "../../../db/repositories/request-notifications.js";

export interface RequestDraft {
  category: string;
  description: string;
  place: { latitude: number; longitude: number };
  validityMinutes: number;
  fee: number;
  /** 1 unless the requester asked for more; the fee is the total, split among those who complete. */
  helpersWanted?: number;
}

export type PostingBlocker =
  | { ok: false; reason: "restricted"; because: string }
  | { ok: false; reason: "penalties"; penalties: number; limit: number }
  | { ok: false; reason: "too-many-open"; limit: number }
  | { ok: false; reason: "insufficient-credits"; missing: number; available: number };

export type PostResult = { ok: true; requestId: number; notified: number } | PostingBlocker;

async function blockerOf(
  db: Kysely<Database> | Transaction<Database>,
  config: Config,
  user: User | undefined,
  requesterId: number,
  fee: number,
): Promise<PostingBlocker | undefined> {
  if (user?.restrictedAt) return { ok: false, reason: "restricted", because: user.restrictedReason ?? "" };
  const { penalties } = await badgeCounts(db, requesterId);
  if (penalties >= config.limits.penaltyLimit) return { ok: false, reason: "penalties", penalties, limit: config.limits.penaltyLimit };
  const limit = config.limits.maxOpenRequestsPerUser;
  if ((await countOpenRequests(db, requesterId)) >= limit) return { ok: false, reason: "too-many-open", limit };
  if (fee > 0) {
    const { available } = await creditsOf(db, requesterId);
    if (available < fee) return { ok: false, reason: "insufficient-credits", missing: fee - available, available };
  }
  return undefined;
}

/** Checks a requester may post now; the scene asks this before the first question too. */
export async function postingBlocker(deps: ServiceDeps, requesterId: number, fee = 0): Promise<PostingBlocker | undefined> {
  return blockerOf(deps.db, deps.config, await findUser(deps.db, requesterId), requesterId, fee);
}

/** What the fee question offers: the credits not yet promised to the requester's other requests. */
export async function spendableCredits(deps: ServiceDeps, requesterId: number): Promise<number> {
  return (await creditsOf(deps.db, requesterId)).available;
}

/**
 * Posts the request and tells the first wave of helpers, in one transaction with its expiry
 * and the next wave's timer: a crash leaves either nothing or everything in place.
 */
export function postRequest(
  deps: ServiceDeps,
  requesterId: number,
  draft: RequestDraft,
  postKey: string | null = null,
): Promise<PostResult> {
  return inUnitOfWork(deps, async (uow): Promise<PostResult> => {
    const posted = postKey === null ? undefined : await requestIdByPostKey(uow.trx, postKey);
    if (posted !== undefined) return { ok: true, requestId: posted, notified: (await notifiedHelperIds(uow.trx, posted)).length };
    // The requester's row is held until the commit: two postings at once (a double tap, two
    // chats) take turns, so the second sees the first's request and the hold of its fee.
    const requester = await lockUser(uow.trx, requesterId);
    const blocker = await blockerOf(uow.trx, deps.config, requester, requesterId, draft.fee);
    if (blocker) return blocker;
    const fuzzed = fuzzLocation(draft.place.latitude, draft.place.longitude, deps.config.limits.locationFuzzMeters);
    const expiresAt = uow.now + draft.validityMinutes * 60_000;
    const requestId = await insertRequest(
      uow.trx,
      {
        requesterId,
        category: draft.category,
        description: draft.description,
        latitude: draft.place.latitude,
        longitude: draft.place.longitude,
        fuzzedLatitude: fuzzed.latitude,
        fuzzedLongitude: fuzzed.longitude,
        radiusM: deps.config.limits.defaultRadiusKm * 1000,
        fee: draft.fee,
        helpersWanted: draft.helpersWanted ?? 1,
        createdAt: uow.now,
        expiresAt,
      },
      postKey,
    );
    await holdFee(uow, { id: requestId, requesterId, fee: draft.fee });
    await uow.schedule("request-expiry", requestId, expiresAt);
    const notified = await fanOutWave(deps, uow, requestId);
    return { ok: true, requestId, notified };
  });
}

/**
 * The "📣 Posted" reply the scene sent, remembered under the request's posted ref so that every
 * later change of the request (choosing, expiry, cancelling) edits it. Should the request have
 * changed in the moment between, the edit for its state now goes out at once.
 */
export function rememberPostedMessage(
  deps: ServiceDeps,
  requesterId: number,
  posted: { requestId: number; messageId: number; params: Record<string, unknown> },
): Promise<void> {
  return inUnitOfWork(deps, async (uow) => {
    const request = await lockRequest(uow.trx, posted.requestId);
    if (request?.requesterId !== requesterId) return;
    const ref = postedRef(request.id);
    await recordDelivered(uow.trx, { chatId: requesterId, ref, messageId: posted.messageId, params: posted.params, now: uow.now });
    if (request.status === "open") return;
    const alias = request.helperId === null ? "" : await aliasOf(uow.trx, request.helperId);
    const outcome =
      request.status === "matched" || request.status === "completed" ? { status: "matched" as const, alias } : { status: request.status };
    await uow.editEverywhere(ref, (t) => postedClosedCard(t, request, outcome));
  });
}
