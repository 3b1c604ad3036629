import { chatsOfRequest } from "../../../db/repositories/chats.js";
import { declineActiveOffers } from "../../../db/repositories/offers.js";
import { chatsHoldingRef } from "../../../db/repositories/outbox.js";
import { findRequest, transitionRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import type { Chat } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { postedClosedCard } from "../../ui/my-requests.js";
import { closedNotice, notChosenNotice, placesFilledNotice } from "../../ui/request-cards.js";
import type { ServiceDeps } from "../deps.js";
import { type Settled, type Settlement, settleFee, settlementOf } from "../fee-escrow.js";
import type { UnitOfWork } from "../unit-of-work.js";
import { offerRef, postedRef, requestRef } from "./refs.js";

/**
 * A request has places, one per helper it asks for; each chosen helper fills one and has a chat of
 * their own with the requester. The request stays open while places are free, becomes "matched"
 * when it takes no more (all filled, the requester starts with those chosen, or it expires with
 * some chosen), and ends once its last chat ended: the fee is settled then, for all places at once.
 * A request for one helper is the case of one place.
 */

const MINUTE = 60_000;

/** Whether cancelling at `at` costs this side a penalty: past its grace period after the match. */
export function cancelCostsPenalty(deps: ServiceDeps, chat: Chat, side: "requester" | "helper", at: number): boolean {
  const { helperCancelGraceMinutes, requesterCancelGraceMinutes } = deps.config.limits;
  const grace = side === "helper" ? helperCancelGraceMinutes : requesterCancelGraceMinutes;
  return at > chat.openedAt + grace * MINUTE;
}

/** How an ended place's share of the fee goes, read back from its chat. */
function placeOutcome(deps: ServiceDeps, chat: Chat): Settlement {
  if (chat.status === "completed") return { kind: "paid", helperId: chat.helperId };
  const late = chat.closeReason === "requester-cancel" && cancelCostsPenalty(deps, chat, "requester", chat.closedAt ?? chat.openedAt);
  return late ? { kind: "late-cancel", helperId: chat.helperId } : { kind: "returned" };
}

/**
 * The request ends once it takes no more helpers and none of its chats is open: completed when
 * any helper completed, cancelled otherwise, with its fee settled for every place together.
 */
export async function settleRequestIfOver(deps: ServiceDeps, uow: UnitOfWork, requestId: number): Promise<void> {
  const request = await findRequest(uow.trx, requestId);
  if (request?.status !== "matched") return;
  const chats = await chatsOfRequest(uow.trx, requestId);
  if (chats.some((c) => c.status === "open")) return;
  const to = chats.some((c) => c.status === "completed") ? "completed" : "cancelled";
  if (!(await transitionRequest(uow.trx, { id: requestId, from: "matched", to, at: uow.now }))) {
    throw new Error(`request ${requestId} left "matched" while locked`);
  }
  await settleFee(
    deps,
    uow,
    request,
    chats.map((c) => placeOutcome(deps, c)),
  );
}

/**
 * One place's chat has just ended (closed in this unit of work): what its share of the fee comes
 * to, and the request settles if that was its last open chat.
 */
export async function placeEnded(deps: ServiceDeps, uow: UnitOfWork, request: HelpRequest, chatId: number): Promise<Settled> {
  const chats = await chatsOfRequest(uow.trx, request.id);
  const figures = settlementOf(
    deps,
    request.fee,
    chats.map((c) => placeOutcome(deps, c)),
  );
  await settleRequestIfOver(deps, uow, request.id);
  const settledNow = (await findRequest(uow.trx, request.id))?.status !== "matched" || chats.length === 1;
  const place = figures[chats.findIndex((c) => c.id === chatId)] ?? { toHelper: 0, share: 0, returned: 0 };
  return settledNow ? place : { ...place, later: true };
}

/**
 * The request takes no more helpers: it becomes "matched", its timers go, those still offering are
 * told it is taken, and everyone else's notice closes. The caller locked the open request and it
 * has at least one chosen helper.
 */
export async function stopTakingPlaces(deps: ServiceDeps, uow: UnitOfWork, request: HelpRequest): Promise<void> {
  const chats = await chatsOfRequest(uow.trx, request.id);
  const chosen = chats.map((c) => c.helperId);
  const transition = { id: request.id, from: "open" as const, to: "matched" as const, at: uow.now, helperId: chosen[0] };
  if (!(await transitionRequest(uow.trx, transition))) {
    // Only a use case that skipped the lock gets here; roll back rather than keep chats on a closed request.
    throw new Error(`request ${request.id} left "open" while locked`);
  }
  const others = await declineActiveOffers(uow.trx, request.id);
  await uow.cancelTimers("request-expiry", request.id);
  await uow.cancelTimers("request-wave", request.id);
  // Those chosen read it on their own notice, those who offered that the places are taken;
  // only everyone else's says someone else took it.
  await uow.editEverywhere(requestRef(request.id), (t) => closedNotice(t, request, "request-closed-taken"), {
    exceptChatIds: [...chosen, ...others.map((o) => o.helperId)],
  });
  // Once each: on the notice they offered from, or as a message when no edit reaches a copy.
  const holding = await chatsHoldingRef(uow.trx, requestRef(request.id));
  const notChosen = request.helpersWanted > 1 ? placesFilledNotice : notChosenNotice;
  for (const other of others) {
    if (holding.has(other.helperId)) {
      await uow.editEverywhere(requestRef(request.id), (t) => notChosen(t, request), { onlyChatId: other.helperId });
    } else {
      await uow.tell(other.helperId, (t) => notChosen(t, request));
    }
    await uow.editEverywhere(offerRef(other.id), (t) => t("offer-card-not-chosen"));
  }
  const aliases: string[] = [];
  for (const helperId of chosen) aliases.push(await aliasOf(uow.trx, helperId));
  // The requester's "📣 Posted" loses its buttons: a matched request is not withdrawn with one tap.
  await uow.editEverywhere(postedRef(request.id), (t) => postedClosedCard(t, request, { status: "matched", alias: aliases.join(", ") }));
  await settleRequestIfOver(deps, uow, request.id);
}
