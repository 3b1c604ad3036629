import { InlineKeyboard } from "grammy";
import { distanceBand } from "../domain/geo.js";
import type { Helper } from "../domain/helpers.js";
import { ETA_CHOICES_MINUTES, type HelpRequest, REVIEW_FIELDS, minutesLeft } from "../domain/requests.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { categoryLabels } from "./helper-cards.js";
import { helperRecordLines } from "./badge-cards.js";
import type { HelperRecord } from "../domain/badges.js";
import type { Translate } from "./translator.js";

export function distanceText(t: Translate, meters: number): string {
  const band = distanceBand(meters);
  return "under" in band ? t("distance-under-km") : t("distance-about-km", { km: String(band.aboutKm) });
}

/**
 * The map pin of a request before a match: the centre of its fuzzing square, with a circle as
 * wide as the square (Telegram allows up to 1500 m) so nobody reads the pin as the spot.
 */
export function approximatePin(request: Pick<HelpRequest, "fuzzedLatitude" | "fuzzedLongitude">, fuzzMeters: number) {
  return { latitude: request.fuzzedLatitude, longitude: request.fuzzedLongitude, horizontal_accuracy: Math.min(1500, fuzzMeters) };
}

export const category = (t: Translate, request: Pick<HelpRequest, "category">) => t(`category-${request.category}`);

function requestTitle(t: Translate, request: Pick<HelpRequest, "category">, distanceM: number): string {
  return t("request-notice-title", { category: category(t, request), distance: distanceText(t, distanceM) });
}

const feeLine = (t: Translate, fee: number) => (fee > 0 ? t("request-fee", { fee }) : t("request-no-fee"));

/** "⏳ 12 min left", and "< 1 min" rather than a promise of "0 min". */
export function timeLeftText(t: Translate, expiresAt: number, now: number): string {
  const minutes = minutesLeft(expiresAt, now);
  return minutes === 0 ? t("request-time-left-soon") : t("request-time-left", { minutes: String(minutes) });
}

/** A request as a helper sees it before a match: no exact place, no requester identity. */
export function requestNotice(
  t: Translate,
  request: Pick<HelpRequest, "category" | "description" | "fee" | "expiresAt"> & { helpersWanted?: number },
  distanceM: number,
  now: number,
): string {
  const helpers = request.helpersWanted ?? 1;
  return [
    requestTitle(t, request, distanceM),
    escapeHtml(request.description),
    feeLine(t, request.fee),
    ...(helpers > 1 ? [t("request-helpers-wanted", { helpers })] : []),
    timeLeftText(t, request.expiresAt, now),
    t("request-approximate"),
    t("accept-eta-prompt"),
  ].join("\n");
}

// Five summaries must fit one message (4096 characters) with room to spare.
const SUMMARY_CHARS = 120;

/** One line per request for lists: the title and the start of the description. */
export function requestSummary(t: Translate, request: Pick<HelpRequest, "category" | "description">, distanceM: number): string {
  const chars = [...request.description];
  const start = chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join("")}…` : request.description;
  return `${requestTitle(t, request, distanceM)} — ${escapeHtml(start)}`;
}

/** Short labels, two to a row, so they fit a phone screen in every language; the notice says what they mean. */
export function acceptKeyboard(t: Translate, requestId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  ETA_CHOICES_MINUTES.forEach((eta, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    keyboard.text(durationLabel(t, eta), Actions.accept.data(requestId, eta));
  });
  return keyboard;
}

export type ClosedReason = "request-closed-taken" | "request-closed-expired" | "request-closed-cancelled";

/** What every helper's copy of a closed request becomes. */
export function closedNotice(t: Translate, request: Pick<HelpRequest, "category">, reason: ClosedReason): string {
  return t(reason, { category: category(t, request) });
}

/** The helper's notice once they offered: the request as it was, and how to take it back. */
export function offerSentCard(t: Translate, noticeText: string, etaMinutes: number, offerId: number) {
  // The invitation to tap a time no longer applies once the offer is made.
  const prompt = t("accept-eta-prompt");
  const notice = noticeText.endsWith(prompt) ? noticeText.slice(0, -prompt.length).trimEnd() : noticeText;
  return {
    text: `${escapeHtml(notice)}\n\n${t("accept-waiting", { eta: String(etaMinutes) })}`,
    keyboard: new InlineKeyboard().text(t("offer-withdraw"), Actions.withdrawOffer.data(offerId)),
  };
}

/** One offer, as the requester sees it, with the button that chooses it. */
export function offerCard(
  t: Translate,
  offer: { id: number; alias: string; etaMinutes: number; distanceM: number },
  helper: Pick<Helper, "categories" | "profile">,
  record: HelperRecord,
) {
  return {
    text: [
      t("offer-card-title", { alias: escapeHtml(offer.alias), eta: String(offer.etaMinutes), distance: distanceText(t, offer.distanceM) }),
      t("field-categories", { value: escapeHtml(categoryLabels(t, helper.categories)) }),
      t("field-profile", { value: escapeHtml(helper.profile) }),
      ...helperRecordLines(t, record),
    ].join("\n"),
    photoCaption: t("offer-photo-caption", { alias: escapeHtml(offer.alias) }),
    keyboard: new InlineKeyboard().text(t("offer-choose", { alias: offer.alias }), Actions.chooseOffer.data(offer.id)),
  };
}

/** To the chosen helper; the exact place follows as a map pin. */
export function chosenNotice(t: Translate, request: Pick<HelpRequest, "category" | "description" | "fee">): string {
  return [
    t("chosen-title", { category: category(t, request) }),
    escapeHtml(request.description),
    feeLine(t, request.fee),
    t("chosen-exact-place"),
  ].join("\n");
}

/** What the chosen helper's own copy of the request becomes. */
export function chosenNoticeTitle(t: Translate, request: Pick<HelpRequest, "category">): string {
  return t("request-chosen-you", { category: category(t, request) });
}

export function notChosenNotice(t: Translate, request: Pick<HelpRequest, "category">): string {
  return t("offer-not-chosen", { category: category(t, request) });
}

/** To a helper who offered on a request for several: every place was filled. */
export function placesFilledNotice(t: Translate, request: Pick<HelpRequest, "category">): string {
  return t("offer-places-filled", { category: category(t, request) });
}

/** The requester's notice that a request for several expired with some places filled: the chosen keep their chats. */
export function partlyFilledNotice(t: Translate, request: Pick<HelpRequest, "category" | "helpersWanted">, chosen: number): string {
  return t("request-expired-partly", { category: category(t, request), chosen, wanted: request.helpersWanted });
}

/** The requester's notice of expiry, with the fee that came back (0: none was held). */
export function expiredNotice(t: Translate, request: Pick<HelpRequest, "id" | "category">, feeReturned: number) {
  const text = t("request-expired-requester", { category: category(t, request) });
  return {
    text: feeReturned > 0 ? `${text}\n${t("fee-returned-to-you", { fee: feeReturned })}` : text,
    keyboard: new InlineKeyboard().text(t("request-post-again"), Actions.postAgain.data(request.id)),
  };
}

export function durationLabel(t: Translate, minutes: number): string {
  return minutes % 60 === 0 ? t("duration-hours", { hours: String(minutes / 60) }) : t("duration-minutes", { minutes: String(minutes) });
}

/** The requester's last look before posting. */
export function confirmationCard(
  t: Translate,
  draft: { category: string; description: string; validityMinutes: number; fee: number; helpersWanted?: number },
): { text: string; keyboard: InlineKeyboard } {
  const helpers = draft.helpersWanted ?? 1;
  const text = [
    t("ask-confirm-title"),
    t("ask-field-category", { category: category(t, draft) }),
    t("ask-field-description", { description: escapeHtml(draft.description) }),
    t("ask-field-place"),
    t("ask-field-validity", { duration: durationLabel(t, draft.validityMinutes) }),
    feeLine(t, draft.fee),
    t("ask-field-helpers", { helpers }),
    ...(helpers > 1 && draft.fee > 0 ? [t("ask-field-fee-split", { fee: draft.fee, helpers })] : []),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  REVIEW_FIELDS.forEach((field, i) => {
    keyboard.text(t(`ask-edit-${field}`), Actions.askReview.data("edit", field));
    if (i % 3 === 2 && i < REVIEW_FIELDS.length - 1) keyboard.row();
  });
  keyboard
    .row()
    .text(t("ask-post"), Actions.askReview.data("post", undefined))
    .text(t("cancel"), Actions.askReview.data("cancel", undefined));
  return { text, keyboard };
}
