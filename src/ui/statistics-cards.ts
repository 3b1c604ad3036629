import { InlineKeyboard } from "grammy";
import { STATISTICS_PERIODS, type Statistics } from "../domain/statistics.js";
import { Actions } from "./actions.js";
import { formatDayTime } from "./time.js";
import type { Translate } from "./translator.js";

/** One button per period; the console message is edited in place with the chosen one. */
export function periodKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const period of STATISTICS_PERIODS) keyboard.text(t(`admin-stats-button-${period}`), Actions.adminStatistics.data(period));
  return keyboard;
}

/** What /admin opens with. */
export function adminConsole(t: Translate): { text: string; keyboard: InlineKeyboard } {
  return { text: t("admin-console"), keyboard: periodKeyboard(t) };
}

const minutesOrNone = (t: Translate, minutes: number | null) =>
  minutes === null ? t("admin-stats-none") : t("admin-stats-minutes", { minutes });

/** The figures of one period (HTML), with the period buttons kept for switching. */
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
  return { text, keyboard: periodKeyboard(t) };
}
