import type { CreditEntry } from "../domain/credits.js";
import type { HelperStatus } from "../domain/helpers.js";
import type { User } from "../domain/users.js";
import { escapeHtml } from "../telegram/html.js";
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

/** /admin <alias or id>: standing, badges, balance, and the latest ledger rows and admin decisions (HTML). */
export function userLookupCard(t: Translate, view: UserLookup, timeZone: string): string {
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
          (a) => `• ${formatDayTime(a.at, timeZone)} <code>${escapeHtml(a.action)}</code>${a.reason ? ` — ${escapeHtml(a.reason)}` : ""}`,
        )),
  ];
  return lines.join("\n");
}
