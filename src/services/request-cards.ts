import { InlineKeyboard } from "grammy";
import type { HelpRequest } from "../../db/schema.js";
import { callbackData } from "../bot/callback-data.js";
import { escapeHtml } from "../bot/html.js";
import { roundDistanceForDisplay } from "../domain/geo.js";
import { ETA_CHOICES_MINUTES, minutesLeft } from "../domain/requests.js";
import type { Translator } from "./deps.js";

/** Every message that shows one request to helpers shares this ref, so closing it edits them all. */
export const requestRef = (requestId: number) => `request:${requestId}`;
/** The requester's card for one offer. */
export const offerRef = (offerId: number) => `offer:${offerId}`;

export function distanceText(i18n: Translator, language: string, meters: number): string {
  const d = roundDistanceForDisplay(meters);
  return i18n.t(language, d.unit === "m" ? "distance-m" : "distance-km", { value: String(d.value) });
}

function requestTitle(i18n: Translator, language: string, request: Pick<HelpRequest, "category">, distanceM: number): string {
  const category = i18n.t(language, `category-${request.category}`);
  return i18n.t(language, "request-notice-title", { category, distance: distanceText(i18n, language, distanceM) });
}

/** A request as a helper sees it before a match: no exact place, no requester identity. */
export function requestNotice(
  i18n: Translator,
  language: string,
  request: Pick<HelpRequest, "category" | "description" | "fee" | "expires_at">,
  distanceM: number,
  now: number,
): string {
  const t = (key: string, vars?: Record<string, string | number>) => i18n.t(language, key, vars);
  return [
    requestTitle(i18n, language, request, distanceM),
    escapeHtml(request.description),
    request.fee > 0 ? t("request-fee", { fee: String(request.fee) }) : t("request-no-fee"),
    t("request-time-left", { minutes: String(minutesLeft(request.expires_at, now)) }),
    t("request-approximate"),
  ].join("\n");
}

/** One line per request for lists: the title and the start of the description. */
export function requestSummary(
  i18n: Translator,
  language: string,
  request: Pick<HelpRequest, "category" | "description">,
  distanceM: number,
): string {
  const title = requestTitle(i18n, language, request, distanceM);
  const chars = [...request.description];
  const start = chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join("")}…` : request.description;
  return `${title} — ${escapeHtml(start)}`;
}

// Five summaries must fit one message (4096 characters) with room to spare.
const SUMMARY_CHARS = 120;

export function acceptKeyboard(i18n: Translator, language: string, requestId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const eta of ETA_CHOICES_MINUTES)
    keyboard.text(i18n.t(language, "accept-eta", { minutes: String(eta) }), callbackData("acc", requestId, eta));
  return keyboard;
}

/** What every helper's copy of a closed request becomes. */
export function closedNotice(i18n: Translator, language: string, request: Pick<HelpRequest, "category">, reasonKey: string): string {
  return i18n.t(language, reasonKey, { category: i18n.t(language, `category-${request.category}`) });
}
