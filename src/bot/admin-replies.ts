import type { Api } from "grammy";
import type { BadgeAdjustment } from "../services/badge-adjustments.js";
import { type DecisionResult, pendingApplications } from "../services/helpers/applications.js";
import type { CreditResult } from "../services/ledger.js";
import type { RestrictionResult } from "../services/restrictions.js";
import type { AdjustmentResult } from "../services/user-adjustments.js";
import type { ServiceDeps } from "../services/deps.js";
import { escapeHtml } from "../telegram/html.js";
import { pendingList } from "../ui/admin-cards.js";
import { withBack } from "../ui/admin-console-cards.js";
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
  const list = pendingList(t, await pendingApplications(deps, PENDING_PAGE), deps.config.timeZone);
  // Opened from the console or by /pending, the list leads back to the console's menu.
  return { text: list.text, keyboard: withBack(t, list.keyboard) };
}

/**
 * Draws the list again over the message it was in, after a decision taken from it: the decided
 * application leaves the list and a button for it is never pressed again.
 */
export async function redrawPendingList(api: Api, deps: ServiceDeps, t: Translate, chatId: number, messageId: number): Promise<void> {
  const list = await currentPendingList(deps, t);
  await api.editMessageText(chatId, messageId, list.text, { parse_mode: "HTML", reply_markup: list.keyboard });
}

/** What the admin reads after restricting or lifting (HTML), by command or from a user's card. */
export function restrictionReply(t: Translate, result: RestrictionResult, restrict: boolean, userId: number): string {
  const id = String(userId);
  const command = restrict ? "restrict" : "unrestrict";
  if (result.ok || result.alias !== undefined)
    return t(result.ok ? `admin-${command}-done` : `admin-${command}-unchanged`, { alias: escapeHtml(result.alias ?? ""), id });
  return t("admin-no-such-user", { id });
}

/** What the admin reads after adding or taking credits (HTML), by command or from a user's card. */
export function creditReply(t: Translate, result: CreditResult, userId: number): string {
  const id = String(userId);
  if (result.ok) return t("admin-credit-done", { alias: escapeHtml(result.alias), id, balance: result.balance });
  if (result.reason === "no-user") return t("admin-no-such-user", { id });
  if (result.reason === "reserved")
    return t("admin-credit-reserved", { alias: escapeHtml(result.alias), id, balance: result.balance, reserved: result.reserved });
  return t("admin-credit-negative", { alias: escapeHtml(result.alias), id, balance: result.balance ?? 0 });
}

function badgeReply(t: Translate, badge: "help" | "penalty", result: BadgeAdjustment, userId: number): string {
  const id = String(userId);
  if (!result.ok && result.reason === "no-user") return t("admin-no-such-user", { id });
  const params = { alias: escapeHtml(result.alias), id, count: result.count };
  return t(result.ok ? `admin-badges-done-${badge}` : `admin-badges-below-zero-${badge}`, params);
}

/** What the admin reads after a change made from a user's card (HTML). */
export function adjustmentReply(t: Translate, adjusted: AdjustmentResult, userId: number): string {
  switch (adjusted.kind) {
    case "restriction":
      return restrictionReply(t, adjusted.result, adjusted.restrict, userId);
    case "badges":
      return badgeReply(t, adjusted.badge, adjusted.result, userId);
    case "credits":
      return creditReply(t, adjusted.result, userId);
  }
}
