import { InlineKeyboard } from "grammy";
import type { CreditEntry } from "../domain/credits.js";
import type { HelperStatus } from "../domain/helpers.js";
import type { User } from "../domain/users.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { withBack } from "./admin-console-cards.js";
import { historyLine } from "./balance-cards.js";
import { formatDayTime } from "./time.js";
import type { Translate } from "./translator.js";

/** What an admin sees of one user in /admin <alias or id>. */
export interface UserLookup {
  user: User;
  helperStatus: HelperStatus | undefined;
  badges: { help: number; penalties: number; donated: number };
  credits: { balance: number; reserved: number; available: number };
  /** The newest rows first. */
  ledger: CreditEntry[];
  audit: { action: string; reason: string | null; at: number }[];
}

/**
 * /admin <alias or id>: standing, badges, balance, and the latest ledger rows and admin decisions
 * (HTML), with buttons to restrict or lift, adjust badges or credits, and back to the console.
 */
export function userLookupCard(t: Translate, view: UserLookup, timeZone: string): { text: string; keyboard: InlineKeyboard } {
  const { user } = view;
  const lines = [
    t("admin-lookup-title", { alias: escapeHtml(user.alias), id: String(user.id), joined: formatDayTime(user.createdAt, timeZone) }),
    t("admin-lookup-helper", { status: t(`helper-status-${view.helperStatus ?? "none"}`) }),
    user.restrictedAt === null
      ? t("admin-lookup-not-restricted")
      : t("admin-lookup-restricted", { reason: escapeHtml(user.restrictedReason ?? "") }),
    t("admin-lookup-badges", view.badges),
    t("admin-lookup-credits", { ...view.credits }),
    "",
    t("admin-lookup-ledger"),
    ...(view.ledger.length === 0 ? [t("admin-lookup-nothing")] : view.ledger.map((e) => historyLine(t, e, timeZone))),
    "",
    t("admin-lookup-audit"),
    ...(view.audit.length === 0
      ? [t("admin-lookup-nothing")]
      : view.audit.map(
          (a) =>
            `• ${formatDayTime(a.at, timeZone)} ${t(`audit-${a.action.replace(".", "-")}`)}${a.reason ? ` — ${escapeHtml(a.reason)}` : ""}`,
        )),
  ];
  const restriction = user.restrictedAt === null ? "restrict" : "lift";
  const keyboard = new InlineKeyboard()
    .text(t(`admin-user-${restriction}`), Actions.adminUser.data(user.id, restriction))
    .text(t("admin-user-credits"), Actions.adminUser.data(user.id, "credits"))
    .row()
    .text(t("admin-user-help"), Actions.adminUser.data(user.id, "help"))
    .text(t("admin-user-penalty"), Actions.adminUser.data(user.id, "penalty"))
    .row()
    .text(t("admin-user-voucher"), Actions.adminIssueVoucher.data(user.id));
  return { text: lines.join("\n"), keyboard: withBack(t, keyboard) };
}
