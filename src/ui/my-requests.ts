import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { HelpRequest } from "../domain/requests.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { timeLeftText } from "./request-cards.js";
import type { Translate } from "./translator.js";

/** What the requester sees of their own requests: the "📣 Posted" message and /requests. */

const category = (t: Translate, request: Pick<HelpRequest, "category">) => t(`category-${request.category}`);

/** The confirmation of a posted request, while it is open: how many were told, and Cancel. */
export function postedCard(t: Translate, request: Pick<HelpRequest, "id" | "category">, notified: number) {
  return {
    text: `${t(notified > 0 ? "ask-posted" : "ask-posted-nobody", { count: notified })}\n${t("posted-category", { category: category(t, request) })}`,
    keyboard: new InlineKeyboard().text(t("ask-cancel-request"), Actions.cancelRequest.data(request.id)),
  };
}

/**
 * What the confirmation becomes once the request left "open": no Cancel; Post again once the
 * requester cancelled. An expired request's Post again is on the message that tells of the expiry
 * (an edit rings no bell, so the expiry is a message of its own), not twice.
 */
export function postedClosedCard(
  t: Translate,
  request: Pick<HelpRequest, "id" | "category">,
  outcome: { status: "expired" | "cancelled" } | { status: "matched"; alias: string },
): { text: string; keyboard?: InlineKeyboard } {
  const cat = category(t, request);
  if (outcome.status === "matched") return { text: t("posted-matched", { category: cat, alias: escapeHtml(outcome.alias) }) };
  if (outcome.status === "expired") return { text: t("posted-expired", { category: cat }) };
  return {
    text: t("posted-cancelled", { category: cat }),
    keyboard: new InlineKeyboard().text(t("request-post-again"), Actions.postAgain.data(request.id)),
  };
}

/**
 * What the confirmation of a request for several becomes while places are left: who is chosen so
 * far, and Start with these (the remaining places close). Cancel goes: those chosen have chats.
 */
export function postedFillingCard(
  t: Translate,
  request: Pick<HelpRequest, "id" | "category" | "helpersWanted">,
  aliases: readonly string[],
): { text: string; keyboard: InlineKeyboard } {
  return {
    text: t("posted-filling", {
      category: category(t, request),
      chosen: aliases.length,
      wanted: request.helpersWanted,
      aliases: aliases.map(escapeHtml).join(", "),
    }),
    keyboard: new InlineKeyboard().text(
      t("posted-start-with-chosen", { chosen: aliases.length }),
      Actions.startWithChosen.data(request.id),
    ),
  };
}

export interface MyRequest {
  request: HelpRequest;
  /** Offers received and not withdrawn. */
  offers: number;
}

// Ten entries with a shortened description each stay far below Telegram's 4096 characters.
const DESCRIPTION_CHARS = 80;

function stateLine(t: Translate, { request, offers }: MyRequest, now: number): string {
  const offersText = t("my-requests-offers", { count: offers });
  switch (request.status) {
    case "open":
      return t("my-requests-open", { offers: offersText, left: timeLeftText(t, request.expiresAt, now) });
    case "matched":
      return t("my-requests-matched", { offers: offersText });
    case "completed":
      return t("my-requests-completed", { offers: offersText });
    case "expired":
      return t("my-requests-expired", { offers: offersText });
    case "cancelled":
      return t("my-requests-cancelled", { offers: offersText });
  }
}

/** /requests: open requests first, then recently closed ones, each with what can still be done. */
export function myRequestsList(t: Translate, entries: readonly MyRequest[], now: number, recentDays: number) {
  if (entries.length === 0) return { text: t("my-requests-none", { days: String(recentDays) }), keyboard: undefined };
  const buttons: InlineKeyboardButton[] = [];
  const lines = [t("my-requests-title")];
  entries.forEach((entry, i) => {
    const n = i + 1;
    const chars = [...entry.request.description];
    const start = chars.length > DESCRIPTION_CHARS ? `${chars.slice(0, DESCRIPTION_CHARS).join("")}…` : entry.request.description;
    lines.push("", `${n}. <b>${category(t, entry.request)}</b> — ${escapeHtml(start)}`, stateLine(t, entry, now));
    if (entry.request.status === "open")
      buttons.push(InlineKeyboard.text(t("my-requests-cancel", { n: String(n) }), Actions.cancelListedRequest.data(entry.request.id)));
    else if (entry.request.status !== "matched" && entry.request.status !== "completed")
      buttons.push(InlineKeyboard.text(t("my-requests-post-again", { n: String(n) }), Actions.postAgain.data(entry.request.id)));
  });
  lines.push("", t("my-requests-footer", { days: String(recentDays) }));
  // One button a row; none at all when nothing can be done (an empty keyboard is no keyboard).
  return { text: lines.join("\n"), keyboard: buttons.length > 0 ? InlineKeyboard.from(buttons.map((b) => [b])) : undefined };
}
