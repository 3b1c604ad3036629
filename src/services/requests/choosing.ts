import { openChat } from "../../../db/repositories/chats.js";
import { declineActiveOffers, findOffer, settleOffer } from "../../../db/repositories/offers.js";
import { chatsHoldingRef } from "../../../db/repositories/outbox.js";
import { lockRequest, transitionRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { type Chat, meetingCodeFrom } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { chatBanner } from "../../ui/chat-cards.js";
import { chosenNotice, chosenNoticeTitle, closedNotice, notChosenNotice } from "../../ui/request-cards.js";
import { postedClosedCard } from "../../ui/my-requests.js";
import { noShowCheckAt } from "../chats/ending.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { isWalk } from "../../domain/walks.js";
import { walkMatchedWithin } from "../walks/matching.js";
import { chatRef, offerRef, postedRef, requestRef } from "./refs.js";

export type ChooseResult =
  { ok: true; alias: string; chat: Chat; request: HelpRequest } | { ok: false; reason: "closed" | "not-yours" | "offer-gone" };

/**
 * The requester picks one offer. Exactly one choice wins even under concurrent taps, a withdrawal
 * or an Accept at the same moment: they all wait for the request's lock, and the offer is chosen
 * only if it is still active.
 */
export function chooseOffer(deps: ServiceDeps, requesterId: number, offerId: number): Promise<ChooseResult> {
  return inUnitOfWork(deps, async (uow): Promise<ChooseResult> => {
    const { trx, now } = uow;
    const offer = await findOffer(trx, offerId);
    if (!offer) return { ok: false, reason: "offer-gone" };
    const request = await lockRequest(trx, offer.requestId);
    if (!request || request.requesterId !== requesterId) return { ok: false, reason: "not-yours" };
    if (request.status !== "open") return { ok: false, reason: "closed" };
    // First, so that an offer withdrawn a moment ago leaves everything as it was.
    if (!(await settleOffer(trx, offerId, "chosen"))) return { ok: false, reason: "offer-gone" };
    if (!(await transitionRequest(trx, { id: request.id, from: "open", to: "matched", at: now, helperId: offer.helperId }))) {
      // Only a use case that skipped the lock gets here; roll back rather than keep a chosen offer on an open request.
      throw new Error(`request ${request.id} left "open" while locked`);
    }
    const others = await declineActiveOffers(trx, request.id);
    await uow.cancelTimers("request-expiry", request.id);
    await uow.cancelTimers("request-wave", request.id);

    // The chosen helper's own notice says so, those who offered read that another was chosen;
    // only everyone else's says someone else took it.
    const offerers = others.map((o) => o.helperId);
    await uow.editEverywhere(requestRef(request.id), (t) => closedNotice(t, request, "request-closed-taken"), {
      exceptChatIds: [offer.helperId, ...offerers],
    });
    await uow.editEverywhere(requestRef(request.id), (t) => chosenNoticeTitle(t, request), { onlyChatId: offer.helperId });
    await uow.tell(offer.helperId, (t) => chosenNotice(t, request));
    // The exact point, to the chosen helper only (DESIGN decision 5).
    await uow.send({
      chatId: offer.helperId,
      priority: OutboxPriority.notice,
      method: "sendLocation",
      params: { latitude: request.latitude, longitude: request.longitude },
    });
    // Once each: on the notice they offered from, or as a message when no edit reaches a copy.
    const holding = await chatsHoldingRef(trx, requestRef(request.id));
    for (const other of others) {
      if (holding.has(other.helperId)) {
        await uow.editEverywhere(requestRef(request.id), (t) => notChosenNotice(t, request), { onlyChatId: other.helperId });
      } else {
        await uow.tell(other.helperId, (t) => notChosenNotice(t, request));
      }
      await uow.editEverywhere(offerRef(other.id), (t) => t("offer-card-not-chosen"));
    }
    const chat = await openChat(trx, {
      requestId: request.id,
      requesterId,
      helperId: offer.helperId,
      meetingCode: meetingCodeFrom(deps.random),
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
    if (isWalk(request)) await walkMatchedWithin(deps, uow, request, chat);
    // The requester's "📣 Posted" loses its Cancel: a matched request is not withdrawn with one tap.
    await uow.editEverywhere(postedRef(request.id), (t) => postedClosedCard(t, request, { status: "matched", alias }));
    return { ok: true, alias, chat, request };
  });
}
