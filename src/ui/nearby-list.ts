import { InlineKeyboard } from "grammy";
import type { HelpRequest } from "../domain/requests.js";
import { compactKeyboard } from "../telegram/keyboards.js";
import { Actions } from "./actions.js";
import { requestSummary } from "./request-cards.js";
import type { Translate } from "./translator.js";

/** One line of a /nearby page: a request still open to this helper, or one that is not any more. */
export type NearbyEntry = { n: number; request: HelpRequest } & ({ open: true; distanceM: number; offered: boolean } | { open: false });

export interface NearbyPage {
  entries: NearbyEntry[];
  /** Zero-based. */
  page: number;
  pages: number;
}

/**
 * A page of the helper's /nearby list. Entries no longer open to the helper (closed, or out of
 * reach since) stay in their place, struck through and without a button, so the others keep
 * their numbers and their buttons.
 */
export function nearbyListCard(t: Translate, list: NearbyPage): { text: string; keyboard: InlineKeyboard | undefined } {
  const keyboard = new InlineKeyboard();
  const lines = [t("nearby-title", { page: String(list.page + 1), pages: String(list.pages) })];
  let buttons = 0;
  for (const entry of list.entries) {
    const n = String(entry.n);
    if (!entry.open) {
      lines.push(t("nearby-entry-closed", { n, category: t(`category-${entry.request.category}`) }));
      continue;
    }
    const summary = requestSummary(t, entry.request, entry.distanceM);
    lines.push(t(entry.offered ? "nearby-entry-offered" : "nearby-entry", { n, summary }));
    keyboard.text(t("nearby-open", { n }), Actions.nearbyOpen.data(entry.request.id));
    if (++buttons % 3 === 0) keyboard.row();
  }
  keyboard.row();
  if (list.page > 0) keyboard.text(t("page-previous"), Actions.nearbyPage.data(list.page - 1));
  if (list.page < list.pages - 1) keyboard.text(t("page-next"), Actions.nearbyPage.data(list.page + 1));
  return { text: lines.join("\n"), keyboard: compactKeyboard(keyboard) };
}
