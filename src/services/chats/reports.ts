import { recordAudit } from "../../../db/repositories/admin-audit.js";
import { chatsOfRequest, findChat } from "../../../db/repositories/chats.js";
import { recordDelivered } from "../../../db/repositories/outbox.js";
import { decideReportRow, findReport, insertReport } from "../../../db/repositories/reports.js";
import { findRequest } from "../../../db/repositories/requests.js";
import { recentRelayed } from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { escapeHtml } from "../../telegram/html.js";
import { type Chat, type ChatSide, partnerOf, type ReportReason, sideOf } from "../../domain/chats.js";
import { type Report, type ReportDecision, type ReportState, STATE_AFTER } from "../../domain/reports.js";
import { decidedReportCard, reportAdminCard, type ReportContext } from "../../ui/report-cards.js";
import type { ServiceDeps } from "../deps.js";
import { changeRestrictionWithin } from "../restrictions.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { lockChatAndRequest } from "./completion.js";
import { endWithoutCompletion } from "./ending.js";
import { tellGroupLeft } from "./lifecycle.js";

/** How many of the chat's latest messages an admin reads with a report. */
const REPORT_RECENT_MESSAGES = 10;

/** `canEnd`: the reporter is a side of the reported chat and it is open, so they may end it at once. */
export type ReportResult = { ok: false } | { ok: true; canEnd: boolean };

/** Someone a member of a chat may report: the chat that is about them, and their alias. */
export interface ReportTarget {
  chatId: number;
  alias: string;
  role: ChatSide;
}

/**
 * Whom `userId` may report from their open chat `chatId`: their partner, and in a group a helper
 * also each other helper still in it (whose messages they read). Undefined when the chat is not
 * theirs or not open.
 */
export async function reportTargets(deps: ServiceDeps, userId: number, chatId: number): Promise<ReportTarget[] | undefined> {
  const chat = await findChat(deps.db, chatId);
  const side = chat && sideOf(chat, userId);
  if (!chat || !side || chat.status !== "open") return undefined;
  const partner: ReportTarget = {
    chatId,
    alias: await aliasOf(deps.db, partnerOf(chat, userId)),
    role: side === "helper" ? "requester" : "helper",
  };
  if (side === "requester") return [partner];
  const others = (await chatsOfRequest(deps.db, chat.requestId)).filter((c) => c.status === "open" && c.helperId !== userId);
  const coHelpers = await Promise.all(
    others.map(async (c) => ({ chatId: c.id, alias: await aliasOf(deps.db, c.helperId), role: "helper" as const })),
  );
  return [partner, ...coHelpers];
}

/**
 * Whom a report on `chat` by `reporterId` is about: the partner when the reporter is a side; in a
 * group, the chat's helper when the reporter is another helper still in the group.
 */
async function reportedIn(uow: UnitOfWork, chat: Chat, reporterId: number): Promise<number | undefined> {
  if (sideOf(chat, reporterId)) return partnerOf(chat, reporterId);
  const ownChat = (await chatsOfRequest(uow.trx, chat.requestId)).find((c) => c.helperId === reporterId && c.status === "open");
  return ownChat ? chat.helperId : undefined;
}

/** Whether `userId` may report on the open chat `chatId` (theirs, or a co-helper's in their group). */
export function mayReportOn(deps: ServiceDeps, userId: number, chatId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const chat = await findChat(uow.trx, chatId);
    return chat?.status === "open" && (await reportedIn(uow, chat, userId)) !== undefined;
  });
}

/**
 * A member reports another: the report is stored, and every admin gets both aliases and the
 * request with Warn, Restrict, Close-chat and Dismiss buttons. The reported side is told nothing, so the report never names its
 * author to them. The chat's latest messages follow the card as copies. A helper's report on
 * another helper of their group is filed on that helper's chat, which Close chat would end.
 */
export function reportChat(deps: ServiceDeps, reporterId: number, chatId: number, reason: ReportReason): Promise<ReportResult> {
  return inUnitOfWork(deps, async (uow): Promise<ReportResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    const reportedId = locked && (await reportedIn(uow, locked.chat, reporterId));
    if (!locked || reportedId === undefined) return { ok: false };
    const { chat, request } = locked;
    const reporter = { id: reporterId, alias: await aliasOf(uow.trx, reporterId) };
    const reported = { id: reportedId, alias: await aliasOf(uow.trx, reportedId) };
    const recent = await recentRelayed(uow.trx, chatId, REPORT_RECENT_MESSAGES);
    // In a group a helper's chat carries the other helpers' messages too: each is named as its own.
    const senders = new Map([
      [reporter.id, reporter.alias],
      [reported.id, reported.alias],
    ]);
    for (const { fromUserId } of recent) if (!senders.has(fromUserId)) senders.set(fromUserId, await aliasOf(uow.trx, fromUserId));
    const reportId = await insertReport(uow.trx, { chatId, reporterId, reportedId, reason, at: uow.now });
    const report = {
      id: reportId,
      chatId,
      reason,
      reporter,
      reported,
      request,
      recentSenders: recent.map((m) => senders.get(m.fromUserId)!),
    };
    // The card, then copies of the recent messages in the order the card names their senders
    // (one chat's messages go out in order). Copies, like the relay's: protected, never forwarded.
    await uow.tellEach(deps.config.adminIds, (t, adminId) => {
      const card = reportAdminCard(t, report);
      return [
        {
          chatId: adminId,
          priority: OutboxPriority.notice,
          method: "sendMessage",
          ref: reportCardRef(reportId),
          params: { text: card.text, parse_mode: "HTML", reply_markup: card.keyboard },
        },
        ...recent.map((m) => ({
          chatId: adminId,
          priority: OutboxPriority.notice,
          method: "copyMessage",
          params: { from_chat_id: m.fromUserId, message_id: m.originalMessageId, protect_content: true },
        })),
      ];
    });
    return { ok: true, canEnd: chat.status === "open" && sideOf(chat, reporterId) !== undefined };
  });
}

/** The reporter ends the chat at once: no penalty for anyone, and the other side reads only that it ended. */
export function endReportedChat(deps: ServiceDeps, reporterId: number, chatId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked || !sideOf(locked.chat, reporterId)) return false;
    if (!(await endWithoutCompletion(deps, uow, locked.chat, locked.request, "closed", "report"))) return false;
    await tellGroupLeft(uow, locked.chat);
    await tellClosed(uow, locked.chat, partnerOf(locked.chat, reporterId));
    return true;
  });
}

/**
 * Tells a side that `chat` was closed. A requester whose other helpers are still in the group
 * reads whose chat it was, and that the group goes on.
 */
async function tellClosed(uow: UnitOfWork, chat: Chat, userId: number): Promise<void> {
  const groupGoesOn =
    userId === chat.requesterId && (await chatsOfRequest(uow.trx, chat.requestId)).some((c) => c.id !== chat.id && c.status === "open");
  if (!groupGoesOn) return uow.tell(userId, (t) => t("chat-ended-closed"));
  const alias = escapeHtml(await aliasOf(uow.trx, chat.helperId));
  await uow.tell(userId, (t) => t("chat-ended-closed-in-group", { alias }));
}

/** Every admin's card of one report shares a ref, so a decision edits every copy. */
function reportCardRef(reportId: number): string {
  return `report:${reportId}`;
}

export type ReportDecisionResult =
  | { ok: true; restrictedBefore: boolean }
  | { ok: false; reason: "gone" }
  | { ok: false; reason: "chat-ended" }
  | { ok: false; reason: "decided"; state: Exclude<ReportState, "open">; by: { id: number; name: string | undefined } };

/**
 * An admin decides a report from its card: warn or restrict the reported user, close the chat, or
 * dismiss it. The report leaves "open" once, under a guarded update, so two admins deciding at
 * once decide once; the audit keeps the decision and every admin's card shows who took it.
 * The reason a restricted user reads names the chat, not the report, which would point at its author.
 */
export function decideReport(
  deps: ServiceDeps,
  adminId: number,
  reportId: number,
  decision: ReportDecision,
): Promise<ReportDecisionResult> {
  return inUnitOfWork(deps, async (uow): Promise<ReportDecisionResult> => {
    const seen = await findReport(uow.trx, reportId);
    if (!seen) return { ok: false, reason: "gone" };
    // Closing takes the chat's and the request's locks first, in the order every chat ending takes them.
    const locked = decision === "close" ? await lockChatAndRequest(uow, seen.chatId) : undefined;
    if (!(await decideReportRow(uow.trx, reportId, { state: STATE_AFTER[decision], adminId, at: uow.now }))) {
      const report = (await findReport(uow.trx, reportId))!;
      return { ok: false, reason: "decided", state: report.state as Exclude<ReportState, "open">, by: adminOf(deps, report.handledBy!) };
    }
    let restrictedBefore = false;
    const { chatId, reportedId } = seen;
    switch (decision) {
      case "warn":
        await recordAudit(uow.trx, { adminId, action: "report.warn", subjectId: reportedId, reason: `chat ${chatId}`, at: uow.now });
        await uow.tell(reportedId, (t) => t("report-warned-user"));
        break;
      case "restrict": {
        const change = { adminId, userId: reportedId, restrict: true, reason: `conduct in chat #${chatId}` };
        restrictedBefore = !(await changeRestrictionWithin(deps, uow, change)).ok;
        break;
      }
      case "close":
        // Thrown, not returned: the report's move to "closed" is undone with it.
        if (!locked || !(await endWithoutCompletion(deps, uow, locked.chat, locked.request, "closed", "admin")))
          throw new ChatAlreadyEnded();
        await tellGroupLeft(uow, locked.chat);
        await recordAudit(uow.trx, { adminId, action: "chat.close", subjectId: chatId, reason: "report", at: uow.now });
        for (const userId of [locked.chat.requesterId, locked.chat.helperId]) await tellClosed(uow, locked.chat, userId);
        break;
      case "dismiss":
        await recordAudit(uow.trx, { adminId, action: "report.dismiss", subjectId: reportedId, reason: `chat ${chatId}`, at: uow.now });
        break;
    }
    const summary = await summaryOf(uow, seen);
    await uow.editEverywhere(reportCardRef(reportId), (t) => decidedReportCard(t, summary, STATE_AFTER[decision], adminOf(deps, adminId)));
    return { ok: true, restrictedBefore };
  }).catch((error: unknown) => {
    if (error instanceof ChatAlreadyEnded) return { ok: false, reason: "chat-ended" };
    throw error;
  });
}

/** An open report as its card shows it again from the console's list (without the chat's messages); undefined once decided. */
export async function openReport(deps: ServiceDeps, reportId: number): Promise<ReportContext | undefined> {
  const report = await findReport(deps.db, reportId);
  const chat = report && (await findChat(deps.db, report.chatId));
  const request = chat && (await findRequest(deps.db, chat.requestId));
  if (!report || report.state !== "open" || !request) return undefined;
  return {
    id: report.id,
    chatId: report.chatId,
    reason: report.reason,
    reporter: { id: report.reporterId, alias: await aliasOf(deps.db, report.reporterId) },
    reported: { id: report.reportedId, alias: await aliasOf(deps.db, report.reportedId) },
    request,
  };
}

/**
 * A report card an admin had shown again, remembered under the report's ref so that a decision
 * edits it like the cards the outbox delivered. Decided in the moment between, it is edited at once.
 */
export function rememberReportCard(
  deps: ServiceDeps,
  adminId: number,
  card: { reportId: number; messageId: number; params: Record<string, unknown> },
): Promise<void> {
  return inUnitOfWork(deps, async (uow) => {
    const ref = reportCardRef(card.reportId);
    await recordDelivered(uow.trx, { chatId: adminId, ref, messageId: card.messageId, params: card.params, now: uow.now });
    const report = await findReport(uow.trx, card.reportId);
    if (!report || report.state === "open" || report.handledBy === null) return;
    const summary = await summaryOf(uow, report);
    const state = report.state;
    await uow.editEverywhere(ref, (t) => decidedReportCard(t, summary, state, adminOf(deps, report.handledBy!)), { onlyChatId: adminId });
  });
}

/** What a decided report's card keeps: the chat, the reason and both sides. */
async function summaryOf(uow: UnitOfWork, report: Report) {
  return {
    chatId: report.chatId,
    reason: report.reason,
    reporter: { id: report.reporterId, alias: await aliasOf(uow.trx, report.reporterId) },
    reported: { id: report.reportedId, alias: await aliasOf(uow.trx, report.reportedId) },
  };
}

/** Close-chat on a chat that has ended since the report: nothing to close, and the report stays open. */
class ChatAlreadyEnded extends Error {}

/** Admins know each other by the names in configuration, not by generated aliases. */
function adminOf(deps: ServiceDeps, adminId: number): { id: number; name: string | undefined } {
  return { id: adminId, name: deps.config.adminNames.get(adminId) };
}
