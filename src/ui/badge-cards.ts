import type { BadgeEntry, BadgeStanding, HelperRecord } from "../domain/badges.js";
import { escapeHtml } from "../telegram/html.js";
import { formatDayTime } from "./time.js";
import type { Translate } from "./translator.js";

function historyLine(t: Translate, entry: BadgeEntry, timeZone: string): string {
  const amount = `${entry.amount > 0 ? "+" : ""}${entry.amount}`;
  const what = t(entry.kind === "penalty" ? "badges-history-penalty" : "badges-history-help", { amount });
  return `• ${formatDayTime(entry.createdAt, timeZone)} ${what} — ${t(`badge-reason-${entry.reason}`)}`;
}

/** /badges: help badges, penalties, restriction, prize progress and the latest changes. */
export function badgesCard(t: Translate, standing: BadgeStanding, timeZone: string): string {
  const lines = [
    t("badges-title"),
    t("badges-help", { help: standing.help }),
    t("badges-penalties", { penalties: standing.penalties, limit: standing.penaltyLimit }),
    standing.restrictedReason !== null && standing.restricted
      ? t("badges-restricted-admin", { reason: escapeHtml(standing.restrictedReason) })
      : standing.penalties >= standing.penaltyLimit
        ? t("badges-restricted-penalties")
        : t("badges-not-restricted"),
    // Giving to a board costs no progress toward the prize (decision: donated badges still count).
    t("badges-prize", { help: Math.min(standing.help + standing.donated, standing.prizeThreshold), threshold: standing.prizeThreshold }),
  ];
  if (standing.donated > 0)
    lines.push(
      t("badges-donated", { donated: standing.donated }),
      t("badges-supported", { organisations: standing.supported.map((s) => `${escapeHtml(s.organisation)} (${s.given})`).join(", ") }),
    );
  if (standing.penalties > 0) lines.push(t("badges-redeem-hint", { needed: standing.perRemoval }));
  if (standing.history.length > 0) lines.push("", t("badges-history"), ...standing.history.map((e) => historyLine(t, e, timeZone)));
  return lines.join("\n");
}

const MARK_ICONS = { green: "🟢", yellow: "🟡", red: "🔴" } as const;

/** Completed helps, badges, rating and comments; the viewer's own colour mark last, said to be theirs. */
export function helperRecordLines(t: Translate, record: HelperRecord): string[] {
  const lines = [t("record-helps", { helps: record.completedHelps, badges: record.helpBadges })];
  if (record.donatedBadges > 0) lines.push(t("record-donated", { donated: record.donatedBadges }));
  lines.push(
    record.ratingAverage === null
      ? t("record-no-rating")
      : t("record-rating", { average: record.ratingAverage.toFixed(1), count: record.ratingCount }),
  );
  for (const comment of record.comments) lines.push(`💬 “${escapeHtml(comment)}”`);
  if (record.mark) lines.push(t("record-your-mark", { icon: MARK_ICONS[record.mark], colour: t(`mark-${record.mark}`) }));
  return lines;
}
