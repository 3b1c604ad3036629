import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../telegram/html.js";
import { compactKeyboard } from "../telegram/keyboards.js";
import { Actions } from "./actions.js";
import { formatTime } from "./time.js";
import type { Translate } from "./translator.js";

/** An admin as other admins know them: the name from configuration, else "admin <id>" (HTML). */
export function adminLabel(t: Translate, admin: { id: number; name: string | undefined }): string {
  return admin.name === undefined ? t("admin-unnamed", { id: String(admin.id) }) : escapeHtml(admin.name);
}

export interface PendingApplication {
  userId: number;
  alias: string;
  submittedAt: number;
}

/**
 * The applications waiting, oldest first, with a button pair each. The buttons are the list's own
 * (not the card's), so a decision taken here can redraw this list.
 */
export function pendingList(
  t: Translate,
  rows: readonly PendingApplication[],
  timeZone: string,
): { text: string; keyboard: InlineKeyboard | undefined } {
  if (rows.length === 0) return { text: t("admin-pending-none"), keyboard: undefined };
  const keyboard = new InlineKeyboard();
  const lines = [t("admin-pending-title", { count: rows.length })];
  for (const row of rows) {
    lines.push(`• <b>${escapeHtml(row.alias)}</b> (id ${row.userId}) — ${formatTime(row.submittedAt, timeZone)}`);
    keyboard
      .text(`✅ ${row.alias}`, Actions.approveFromList.data(row.userId, row.submittedAt))
      .text(`✖️ ${row.alias}`, Actions.rejectFromList.data(row.userId, row.submittedAt))
      .row();
  }
  return { text: lines.join("\n"), keyboard: compactKeyboard(keyboard) };
}
