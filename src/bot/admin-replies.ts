import type { Api } from "grammy";
import { type DecisionResult, pendingApplications } from "../services/helpers/applications.js";
import type { ServiceDeps } from "../services/deps.js";
import { escapeHtml } from "../telegram/html.js";
import { pendingList } from "../ui/admin-cards.js";
import type { Translate } from "../ui/translator.js";

/** How many waiting applications one /pending list shows. */
export const PENDING_PAGE = 10;

/** What the admin reads after a decision on an application (HTML), whether by button, command or scene. */
export function decisionReply(t: Translate, result: DecisionResult, approve: boolean, userId: number): string {
  const id = String(userId);
  if (result.ok) return t(approve ? "admin-approved-done" : "admin-rejected-done", { alias: escapeHtml(result.alias), id });
  if (result.reason === "not-found") return t("admin-no-such-helper", { id });
  const alias = escapeHtml(result.alias);
  if (result.reason === "superseded") return t("admin-superseded", { alias, id });
  return t("admin-already-decided", { alias, id, status: t(`helper-status-${result.status ?? "none"}`) });
}

/** The /pending list as it stands now, to send or to draw over an older one. */
export async function currentPendingList(deps: ServiceDeps, t: Translate) {
  return pendingList(t, await pendingApplications(deps, PENDING_PAGE), deps.config.timeZone);
}

/**
 * Draws the list again over the message it was in, after a decision taken from it: the decided
 * application leaves the list and a button for it is never pressed again.
 */
export async function redrawPendingList(api: Api, deps: ServiceDeps, t: Translate, chatId: number, messageId: number): Promise<void> {
  const list = await currentPendingList(deps, t);
  await api.editMessageText(chatId, messageId, list.text, { parse_mode: "HTML", reply_markup: list.keyboard });
}
