import { chatsOfRequest, openChat } from "../../../db/repositories/chats.js";
import { findOffer, hasActiveOffer, settleOffer } from "../../../db/repositories/offers.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { type Chat, meetingCodeFrom } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { chatBanner } from "../../ui/chat-cards.js";
import { postedFillingCard } from "../../ui/my-requests.js";
import { chosenNotice, chosenNoticeTitle } from "../../ui/request-cards.js";
import { escapeHtml } from "../../telegram/html.js";
import { noShowCheckAt } from "../chats/ending.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { isWalk } from "../../domain/walks.js";
import { walkMatchedWithin } from "../walks/matching.js";
import { stopTakingPlaces } from "./places.js";
import { chatRef, postedRef, requestRef } from "./refs.js";

export type ChooseResult =
  | { ok: true; alias: string; chat: Chat; request: HelpRequest; chosen: number }
  | { ok: false; reason: "closed" | "not-yours" | "offer-gone" };

/**
 * The requester picks one offer for one of the request's places. Exactly as many choices win as
 * there are places, even under concurrent taps, a withdrawal or an Accept at the same moment: they
 * all wait for the request's lock, count the chats it has, and the offer is chosen only if it is
 * still active. The choice that fills the last place closes the request to other helpers.
 */
export function chooseOffer(deps: ServiceDeps, requesterId: number, offerId: number): Promise<ChooseResult> {
  return inUnitOfWork(deps, async (uow): Promise<ChooseResult> => {
    const { trx, now } = uow;
    const offer = await findOffer(trx, offerId);
    if (!offer) return { ok: false, reason: "offer-gone" };
    const request = await lockRequest(trx, offer.requestId);
    if (!request || request.requesterId !== requesterId) return { ok: false, reason: "not-yours" };
    if (request.status !== "open") return { ok: false, reason: "closed" };
    const before = await chatsOfRequest(trx, request.id);
    if (before.length >= request.helpersWanted) throw new Error(`request ${request.id} is open with every place filled`);
    // First, so that an offer withdrawn a moment ago leaves everything as it was.
    if (!(await settleOffer(trx, offerId, "chosen"))) return { ok: false, reason: "offer-gone" };

    await uow.editEverywhere(requestRef(request.id), (t) => chosenNoticeTitle(t, request), { onlyChatId: offer.helperId });
    await uow.tell(offer.helperId, (t) => chosenNotice(t, request));
    // The exact point, to the chosen helper only (DESIGN decision 5).
    await uow.send({
      chatId: offer.helperId,
      priority: OutboxPriority.notice,
      method: "sendLocation",
      params: { latitude: request.latitude, longitude: request.longitude },
    });
    const chat = await openChat(trx, {
      requestId: request.id,
      requesterId,
      helperId: offer.helperId,
      // One code for the whole group: whoever comes says the same four digits.
      meetingCode: before[0]?.meetingCode ?? meetingCodeFrom(deps.random),
      now,
    });
    // A walk ends only with the requester's PIN; its check-in timers stand in for the no-show check.
    if (!isWalk(request)) await uow.schedule("no-show-check", chat.id, noShowCheckAt(deps, request, now, offer.etaMinutes));
    const alias = await aliasOf(trx, offer.helperId);
    const requesterAlias = await aliasOf(trx, requesterId);
    // The chat opens with its banner on both sides; the requester's comes with the answer to the tap.
    await uow.tell(offer.helperId, (t) => chatBanner(t, chat, "helper", { alias: requesterAlias }, request), {
      priority: OutboxPriority.notice,
      ref: chatRef(chat.id),
    });
    await welcomeToGroup(uow, before, alias);
    if (isWalk(request)) await walkMatchedWithin(deps, uow, request, chat);
    const chosen = before.length + 1;
    if (chosen >= request.helpersWanted) await stopTakingPlaces(deps, uow, request);
    else await keepTakingPlaces(uow, request, [...before.map((c) => c.helperId), offer.helperId]);
    return { ok: true, alias, chat, request, chosen };
  });
}

/** Those already in the group hear who joined it. */
async function welcomeToGroup(uow: UnitOfWork, before: readonly Chat[], alias: string): Promise<void> {
  const members = before.filter((c) => c.status === "open").map((c) => c.helperId);
  if (members.length === 0) return;
  await uow.tellEach(members, (t, chatId) => [
    {
      chatId,
      priority: OutboxPriority.relay,
      method: "sendMessage",
      params: { text: t("group-joined", { alias: escapeHtml(alias) }), parse_mode: "HTML" },
    },
  ]);
}

/**
 * Places are left: the request stays open, the requester's "📣 Posted" says how many are chosen and
 * offers to start with them, and if no offer waits, the next wave goes out now.
 */
async function keepTakingPlaces(uow: UnitOfWork, request: HelpRequest, chosenIds: readonly number[]): Promise<void> {
  const aliases: string[] = [];
  for (const helperId of chosenIds) aliases.push(await aliasOf(uow.trx, helperId));
  await uow.editEverywhere(postedRef(request.id), (t) => postedFillingCard(t, request, aliases));
  if (!(await hasActiveOffer(uow.trx, request.id))) await uow.schedule("request-wave", request.id, uow.now);
}

export type StartResult = { ok: true; chosen: number } | { ok: false };

/** The requester starts with the helpers chosen so far: the remaining places close. */
export function startWithChosen(deps: ServiceDeps, requesterId: number, requestId: number): Promise<StartResult> {
  return inUnitOfWork(deps, async (uow): Promise<StartResult> => {
    const request = await lockRequest(uow.trx, requestId);
    if (request?.requesterId !== requesterId || request.status !== "open") return { ok: false };
    const chats = await chatsOfRequest(uow.trx, requestId);
    if (chats.length === 0) return { ok: false };
    await stopTakingPlaces(deps, uow, request);
    return { ok: true, chosen: chats.length };
  });
}
