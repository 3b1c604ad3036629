import { badgeCounts } from "../../../db/repositories/badges.js";
import { findHelper } from "../../../db/repositories/helpers.js";
import { findOffer, hasActiveOffer, insertOffer, settleOffer } from "../../../db/repositories/offers.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { distanceForRequester, distanceToShownPlace, type Ineligibility, offerIneligibility } from "../../domain/eligibility.js";
import type { HelpRequest } from "../../domain/requests.js";
import { escapeHtml, htmlToPlainText } from "../../telegram/html.js";
import { offerCard } from "../../ui/request-cards.js";
import { helperRecordFor } from "../helper-record.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { offerRef } from "./refs.js";

/** Telegram's limit for a photo's caption, in characters after the markup is read. */
const CAPTION_MAX = 1024;

export type AcceptResult =
  | { ok: true; offerId: number; request: HelpRequest }
  | { ok: false; reason: "taken" | "closed" | "own-request" | "already" | "penalties" | Ineligibility };

/**
 * A helper offers to come, if they could have been told of the request (domain/eligibility.ts):
 * a button is only data, and anyone can send any. Accepting twice changes nothing; the
 * requester gets one card per helper. An offer that comes in while (or after) the request is
 * matched or closed attaches to nothing: the request is read under its lock, so it waits for
 * the choice and then sees it ("taken": someone else was faster).
 */
export function acceptRequest(deps: ServiceDeps, helperId: number, requestId: number, etaMinutes: number): Promise<AcceptResult> {
  return inUnitOfWork(deps, async (uow): Promise<AcceptResult> => {
    const { trx } = uow;
    const request = await lockRequest(trx, requestId);
    if (request?.status === "matched" || request?.status === "completed") return { ok: false, reason: "taken" };
    if (!request || request.status !== "open") return { ok: false, reason: "closed" };
    if (request.requesterId === helperId) return { ok: false, reason: "own-request" };
    const helper = await findHelper(trx, helperId);
    if (!helper) return { ok: false, reason: "not-helper" };
    // Before the other rules: penalties also mark the helper restricted, and this says why.
    if ((await badgeCounts(trx, helperId)).penalties >= deps.config.limits.penaltyLimit) return { ok: false, reason: "penalties" };
    const ineligible = offerIneligibility(helper, request, distanceToShownPlace(helper, request));
    if (ineligible) return { ok: false, reason: ineligible };
    // What the requester is shown: the helper's grid square, no finer (domain/eligibility.ts).
    const distanceM = distanceForRequester(helper, request, deps.config.limits.locationFuzzMeters);
    const offerId = await insertOffer(trx, { requestId, helperId, etaMinutes, distanceM, now: uow.now });
    if (offerId === undefined) return { ok: false, reason: "already" };
    // Someone offered: no further waves for now.
    await uow.cancelTimers("request-wave", requestId);

    const alias = await aliasOf(trx, helperId);
    const requester = request.requesterId;
    const record = await helperRecordFor(trx, helperId, requester);
    await uow.tellEach([requester], (t) => {
      const card = offerCard(t, { id: offerId, alias, etaMinutes, distanceM }, helper, record);
      const to = { chatId: requester, priority: OutboxPriority.notice };
      const withButton = { parse_mode: "HTML", reply_markup: card.keyboard };
      // One message, the photo with the card as its caption, whenever the card fits a caption
      // (it grows as completed helps, badges and ratings join it: then the photo goes first).
      if (helper.photoFileId && htmlToPlainText(card.text).length <= CAPTION_MAX) {
        const params = { photo: helper.photoFileId, caption: card.text, ...withButton };
        return [{ ...to, method: "sendPhoto", ref: offerRef(offerId), params }];
      }
      const photo = { photo: helper.photoFileId, caption: card.photoCaption, parse_mode: "HTML" };
      return [
        ...(helper.photoFileId ? [{ ...to, method: "sendPhoto", params: photo }] : []),
        { ...to, method: "sendMessage", ref: offerRef(offerId), params: { text: card.text, ...withButton } },
      ];
    });
    return { ok: true, offerId, request };
  });
}

/** Takes an active offer back inside `uow`; false when it was not the helper's or not active any more. */
export async function withdrawWithin(uow: UnitOfWork, helperId: number, offerId: number): Promise<boolean> {
  const { trx } = uow;
  const offer = await findOffer(trx, offerId);
  if (!offer || offer.helperId !== helperId) return false;
  const request = await lockRequest(trx, offer.requestId);
  if (!request || request.status !== "open") return false;
  if (!(await settleOffer(trx, offerId, "withdrawn"))) return false;
  const alias = await aliasOf(trx, helperId);
  await uow.editEverywhere(offerRef(offerId), (t) => t("offer-withdrawn", { alias: escapeHtml(alias) }));
  // With no active offer left, waves resume.
  if (!(await hasActiveOffer(trx, request.id))) await uow.schedule("request-wave", request.id, uow.now);
  return true;
}

/** The helper takes an offer back before being chosen; the requester's card says so. */
export function withdrawOffer(deps: ServiceDeps, helperId: number, offerId: number): Promise<boolean> {
  return inUnitOfWork(deps, (uow) => withdrawWithin(uow, helperId, offerId));
}
