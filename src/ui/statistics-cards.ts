import type { InlineKeyboard } from "grammy";
import type { Statistics } from "../domain/statistics.js";
import { periodKeyboard, withBack } from "./admin-console-cards.js";
import { formatDayTime } from "./time.js";
import type { Translate } from "./translator.js";

const minutesOrNone = (t: Translate, minutes: number | null) =>
  minutes === null ? t("admin-stats-none") : t("admin-stats-minutes", { minutes });

/** The figures of one period (HTML), with the period buttons kept for switching, and the way back. */
export function statisticsCard(t: Translate, s: Statistics, timeZone: string): { text: string; keyboard: InlineKeyboard } {
  const posted = Object.values(s.requests).reduce((a, b) => a + b, 0);
  const text = t("admin-stats", {
    period: t(`admin-stats-period-${s.period}`),
    from: formatDayTime(s.from, timeZone),
    to: formatDayTime(s.to - 1, timeZone),
    users: s.users.total,
    joined: s.users.joined,
    ...s.helpers,
    posted,
    ...s.requests,
    rate: s.completionPercent === null ? t("admin-stats-none") : t("admin-stats-percent", { percent: s.completionPercent }),
    firstOffer: minutesOrNone(t, s.medianMinutesToFirstOffer),
    match: minutesOrNone(t, s.medianMinutesToMatch),
    badges: s.helpBadgesIssued,
    credits: s.creditsMoved,
    donated: s.badgesDonated,
  });
  return { text, keyboard: withBack(t, periodKeyboard(t)) };
}
