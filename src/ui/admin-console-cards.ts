import { InlineKeyboard } from "grammy";
import {
  CONSOLE_PAGE_SIZE,
  type ListedChat,
  type ListedReport,
  type ListedRequest,
  type ListedSection,
  type Page,
} from "../domain/admin-console.js";
import { minutesLeft } from "../domain/requests.js";
import { STATISTICS_PERIODS } from "../domain/statistics.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { adminLabel } from "./admin-cards.js";
import { category, durationLabel } from "./request-cards.js";
import { formatDayTime } from "./time.js";
import type { Translate } from "./translator.js";

type Card = { text: string; keyboard: InlineKeyboard };

/** One button per period; the console message is edited in place with the chosen one. */
export function periodKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const period of STATISTICS_PERIODS) keyboard.text(t(`admin-stats-button-${period}`), Actions.adminStatistics.data(period));
  return keyboard;
}

/** The console's menu: statistics by period on top, then the lists and the user search. */
export function consoleMenu(t: Translate): Card {
  const keyboard = periodKeyboard(t)
    .row()
    .text(t("admin-menu-pending"), Actions.adminConsole.data("pending", 0))
    .text(t("admin-menu-requests"), Actions.adminConsole.data("requests", 0))
    .row()
    .text(t("admin-menu-chats"), Actions.adminConsole.data("chats", 0))
    .text(t("admin-menu-reports"), Actions.adminConsole.data("reports", 0))
    .row()
    .text(t("admin-menu-boards"), Actions.adminConsole.data("boards", 0))
    .text(t("admin-menu-vouchers"), Actions.adminConsole.data("vouchers", 0))
    .row()
    .text(t("admin-menu-find"), Actions.adminFindUser.data());
  return { text: t("admin-console"), keyboard };
}

/** Adds the way back to the menu under a console page's own buttons. */
export function withBack(t: Translate, keyboard: InlineKeyboard = new InlineKeyboard()): InlineKeyboard {
  return InlineKeyboard.from([...keyboard.inline_keyboard.filter((row) => row.length > 0), []]).text(
    t("admin-back"),
    Actions.adminConsole.data("home", 0),
  );
}

/** ‹ › between the pages of a long list (only the ones that lead somewhere), then Back, under the list's own buttons. */
function pager(t: Translate, section: ListedSection, page: Page<unknown>, keyboard = new InlineKeyboard()): InlineKeyboard {
  keyboard.row();
  if (page.page > 0) keyboard.text(t("admin-page-previous"), Actions.adminConsole.data(section, page.page - 1));
  if ((page.page + 1) * CONSOLE_PAGE_SIZE < page.total)
    keyboard.text(t("admin-page-next"), Actions.adminConsole.data(section, page.page + 1));
  return withBack(t, keyboard);
}

export function listCard<T>(t: Translate, section: ListedSection, page: Page<T>, line: (row: T) => string, buttons?: InlineKeyboard): Card {
  if (page.total === 0) return { text: t(`admin-${section}-none`), keyboard: withBack(t) };
  const pages = Math.ceil(page.total / CONSOLE_PAGE_SIZE);
  const title = t(`admin-${section}-title`, { total: page.total, page: page.page + 1, pages });
  return { text: [title, ...page.rows.map(line)].join("\n"), keyboard: pager(t, section, page, buttons) };
}

/** Whole minutes as a duration; 0 is "0 min", not the "0 h" a whole number of hours would read as. */
const minutes = (t: Translate, n: number) => (n === 0 ? t("duration-minutes", { minutes: "0" }) : durationLabel(t, n));
const age = (t: Translate, since: number, now: number) => minutes(t, Math.max(0, Math.floor((now - since) / 60_000)));

/** Requests not settled yet: who asked, what for, where it stands; never the place or the description. */
export function activeRequestsCard(t: Translate, page: Page<ListedRequest>, now: number): Card {
  return listCard(t, "requests", page, (r) =>
    t(`admin-requests-row-${r.status}`, {
      id: String(r.id),
      alias: escapeHtml(r.requesterAlias),
      category: category(t, r),
      offers: r.activeOffers,
      age: age(t, r.createdAt, now),
      left: minutes(t, minutesLeft(r.expiresAt, now)),
    }),
  );
}

/** Open chats: the two aliases, the request and since when; what they write stays between them. */
export function openChatsCard(t: Translate, page: Page<ListedChat>, timeZone: string): Card {
  return listCard(t, "chats", page, (c) =>
    t("admin-chats-row", {
      id: String(c.id),
      requester: escapeHtml(c.requesterAlias),
      helper: escapeHtml(c.helperAlias),
      category: category(t, c),
      request: String(c.requestId),
      since: formatDayTime(c.openedAt, timeZone),
    }),
  );
}

/** Reports, open ones first, each with its state and who decided it; an open one's card can be shown again to decide it. */
export function reportsCard(t: Translate, page: Page<ListedReport>, timeZone: string): Card {
  const buttons = new InlineKeyboard();
  for (const [i, { report }] of page.rows.filter((r) => r.report.state === "open").entries()) {
    if (i > 0 && i % 4 === 0) buttons.row();
    buttons.text(t("admin-reports-open-button", { id: String(report.id) }), Actions.reportOpen.data(report.id));
  }
  const line = ({ report, reporterAlias, reportedAlias, handledBy }: ListedReport) =>
    [
      t("admin-reports-row", {
        id: String(report.id),
        chat: String(report.chatId),
        reason: t(`report-reason-${report.reason}`),
        reporter: escapeHtml(reporterAlias),
        reported: escapeHtml(reportedAlias),
        at: formatDayTime(report.createdAt, timeZone),
      }),
      report.state === "open" || handledBy === null
        ? t("admin-reports-open")
        : `   ${t(`report-decided-${report.state}`, { admin: adminLabel(t, handledBy) })}`,
    ].join("\n");
  return listCard(t, "reports", page, line, buttons);
}
