import { declineActiveOffers } from "../../../db/repositories/offers.js";
import { chatsHoldingRef } from "../../../db/repositories/outbox.js";
import { lockRequest, transitionRequest } from "../../../db/repositories/requests.js";
import type { HelpRequest } from "../../domain/requests.js";
import { type ClosedReason, closedNotice, expiredNotice, partlyFilledNotice } from "../../ui/request-cards.js";
import { postedClosedCard } from "../../ui/my-requests.js";
import type { ServiceDeps } from "../deps.js";
import { type Settled, settleFee } from "../fee-escrow.js";
import { stopTakingPlaces } from "./places.js";
import { chatsOfRequest } from "../../../db/repositories/chats.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { offerRef, postedRef, requestRef } from "./refs.js";

/** Closes an open request (expiry or the requester's cancel), returns its fee and winds up everyone involved. */
async function closeOpenRequest(deps: ServiceDeps, uow: UnitOfWork, request: HelpRequest, to: "expired" | "cancelled"): Promise<boolean> {
  if (!(await transitionRequest(uow.trx, { id: request.id, from: "open", to, at: uow.now }))) return false;
  const [{ returned }] = (await settleFee(deps, uow, request, [])) as [Settled];
  await uow.cancelTimers("request-wave", request.id);
  await uow.cancelTimers("request-expiry", request.id);
  const declined = await declineActiveOffers(uow.trx, request.id);
  const reason: ClosedReason = to === "expired" ? "request-closed-expired" : "request-closed-cancelled";
  await uow.editEverywhere(requestRef(request.id), (t) => closedNotice(t, request, reason));
  await uow.editEverywhere(postedRef(request.id), (t) => postedClosedCard(t, request, { status: to }));
  // A helper who offered reads it once: on the notice they offered from, or (offered from a copy
  // no edit reaches, e.g. /nearby) as a message.
  const holding = await chatsHoldingRef(uow.trx, requestRef(request.id));
  for (const offer of declined) {
    if (!holding.has(offer.helperId)) await uow.tell(offer.helperId, (t) => closedNotice(t, request, reason));
    await uow.editEverywhere(offerRef(offer.id), (t) => t("offer-card-closed"));
  }
  if (to === "expired") await uow.tell(request.requesterId, (t) => expiredNotice(t, request, returned));
  return true;
}

/**
 * The expiry timer: nobody was chosen in time, or (a request for several) not everyone: then those
 * chosen keep their chats and the places left close.
 */
export async function expireRequest(deps: ServiceDeps, uow: UnitOfWork, requestId: number): Promise<void> {
  const request = await lockRequest(uow.trx, requestId);
  if (request?.status !== "open") return;
  const chats = await chatsOfRequest(uow.trx, requestId);
  if (chats.length === 0) return void (await closeOpenRequest(deps, uow, request, "expired"));
  await stopTakingPlaces(deps, uow, request);
  // Chats that ended already told the requester so when they did.
  if (chats.some((c) => c.status === "open")) await uow.tell(request.requesterId, (t) => partlyFilledNotice(t, request, chats.length));
}

/** Withdraws an open request inside `uow`; false when it is not the requester's or not open. */
export async function cancelWithin(deps: ServiceDeps, uow: UnitOfWork, requesterId: number, requestId: number): Promise<boolean> {
  const request = await lockRequest(uow.trx, requestId);
  if (!request || request.requesterId !== requesterId || request.status !== "open") return false;
  // Helpers already chosen each have a chat, ended there; "Start with these" closes the places left.
  if ((await chatsOfRequest(uow.trx, requestId)).length > 0) return false;
  return closeOpenRequest(deps, uow, request, "cancelled");
}

/** The requester withdraws an open request before choosing; no penalty. */
export function cancelRequest(deps: ServiceDeps, requesterId: number, requestId: number): Promise<boolean> {
  return inUnitOfWork(deps, (uow) => cancelWithin(deps, uow, requesterId, requestId));
}
