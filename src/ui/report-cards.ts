import { InlineKeyboard } from "grammy";
import type { ReportReason } from "../domain/chats.js";
import type { ReportState } from "../domain/reports.js";
import type { HelpRequest } from "../domain/requests.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { adminLabel } from "./admin-cards.js";
import { category } from "./request-cards.js";
import type { Translate } from "./translator.js";

export interface ReportContext {
  id: number;
  chatId: number;
  reason: ReportReason;
  reporter: { id: number; alias: string };
  reported: { id: number; alias: string };
  request: Pick<HelpRequest, "category" | "description">;
  /**
   * Who sent each of the chat's recent messages, oldest first; their copies follow the card in this
   * order. Absent when the card is shown again from the console, without the copies.
   */
  recentSenders?: string[];
}

/** The lines every view of a report starts with: the chat, the reason and both sides (HTML). */
function reportHeader(t: Translate, report: Pick<ReportContext, "chatId" | "reason" | "reporter" | "reported">): string[] {
  return [
    t("report-admin-title", { chat: String(report.chatId), reason: t(`report-reason-${report.reason}`) }),
    t("report-admin-reporter", { alias: escapeHtml(report.reporter.alias), id: String(report.reporter.id) }),
    t("report-admin-reported", { alias: escapeHtml(report.reported.alias), id: String(report.reported.id) }),
  ];
}

/** What every admin reads of a report: both aliases, the request, whose recent messages follow, and the decisions. */
export function reportAdminCard(t: Translate, report: ReportContext) {
  return {
    text: [
      ...reportHeader(t, report),
      t("report-admin-request", { category: category(t, report.request), description: escapeHtml(report.request.description) }),
      ...(report.recentSenders === undefined
        ? []
        : report.recentSenders.length === 0
          ? [t("report-admin-no-messages")]
          : [t("report-admin-messages", { count: report.recentSenders.length, senders: report.recentSenders.map(escapeHtml).join(", ") })]),
    ].join("\n"),
    keyboard: new InlineKeyboard()
      .text(t("report-warn"), Actions.reportDecide.data(report.id, "warn"))
      .text(t("report-restrict"), Actions.reportDecide.data(report.id, "restrict"))
      .row()
      .text(t("report-close-chat"), Actions.reportDecide.data(report.id, "close"))
      .text(t("report-dismiss"), Actions.reportDecide.data(report.id, "dismiss")),
  };
}

/** Every admin's card once a report is decided: who decided what, and no buttons left. */
export function decidedReportCard(
  t: Translate,
  report: Pick<ReportContext, "chatId" | "reason" | "reporter" | "reported">,
  state: Exclude<ReportState, "open">,
  admin: { id: number; name: string | undefined },
): string {
  return [...reportHeader(t, report), "", t(`report-decided-${state}`, { admin: adminLabel(t, admin) })].join("\n");
}

/** The reporter's answer; on their own chat, still open, they may end it at once, without a penalty. */
export function reportSentCard(t: Translate, chatId: number, canEnd: boolean) {
  return canEnd
    ? { text: t("report-sent"), keyboard: new InlineKeyboard().text(t("report-end-chat"), Actions.reportEndChat.data(chatId)) }
    : { text: t("report-sent") };
}
