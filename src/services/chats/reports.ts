import { recordAudit } from "../../../db/repositories/admin-audit.js";
import { findChat } from "../../../db/repositories/chats.js";
import { recentRelayed } from "../../../db/repositories/relay.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import { partnerOf, type ReportReason, sideOf } from "../../domain/chats.js";
import { reportAdminCard } from "../../ui/report-cards.js";
import type { ServiceDeps } from "../deps.js";
import { setUserRestriction, type RestrictionResult } from "../restrictions.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { lockChatAndRequest } from "./completion.js";
import { endWithoutCompletion } from "./ending.js";

/** How many of the chat's latest messages an admin reads with a report. */
const REPORT_RECENT_MESSAGES = 10;

export type ReportResult = { ok: false } | { ok: true; chatOpen: boolean };

/**
 * One side reports the other: every admin gets both aliases and the request with Warn, Restrict
 * and Close-chat buttons. The reported side is told nothing, so the report never names its
 * author to them. The chat's latest messages follow the card as copies.
 */
export function reportChat(deps: ServiceDeps, reporterId: number, chatId: number, reason: ReportReason): Promise<ReportResult> {
  return inUnitOfWork(deps, async (uow): Promise<ReportResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked || !sideOf(locked.chat, reporterId)) return { ok: false };
    const { chat, request } = locked;
    const reportedId = partnerOf(chat, reporterId);
    const reporter = { id: reporterId, alias: await aliasOf(uow.trx, reporterId) };
    const reported = { id: reportedId, alias: await aliasOf(uow.trx, reportedId) };
    const recent = await recentRelayed(uow.trx, chatId, REPORT_RECENT_MESSAGES);
    const aliasOfSender = (id: number) => (id === reporterId ? reporter.alias : reported.alias);
    const report = { chatId, reason, reporter, reported, request, recentSenders: recent.map((m) => aliasOfSender(m.fromUserId)) };
    // The card, then copies of the recent messages in the order the card names their senders
    // (one chat's messages go out in order). Copies, like the relay's: protected, never forwarded.
    await uow.tellEach(deps.config.adminIds, (t, adminId) => {
      const card = reportAdminCard(t, report);
      return [
        {
          chatId: adminId,
          priority: OutboxPriority.notice,
          method: "sendMessage",
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
    return { ok: true, chatOpen: chat.status === "open" };
  });
}

/** The reporter ends the chat at once: no penalty for anyone, and the other side reads only that it ended. */
export function endReportedChat(deps: ServiceDeps, reporterId: number, chatId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked || !sideOf(locked.chat, reporterId)) return false;
    if (!(await endWithoutCompletion(deps, uow, locked.chat, locked.request, "closed", "report"))) return false;
    await uow.tell(partnerOf(locked.chat, reporterId), (t) => t("chat-ended-closed"));
    return true;
  });
}

/** An admin warns the reported user from the card; audited. */
export function warnFromReport(deps: ServiceDeps, adminId: number, chatId: number, userId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked || !sideOf(locked.chat, userId)) return false;
    await recordAudit(uow.trx, { adminId, action: "report.warn", subjectId: userId, reason: `chat ${chatId}`, at: uow.now });
    await uow.tell(userId, (t) => t("report-warned-user"));
    return true;
  });
}

/**
 * An admin restricts the reported user from the card: the usual restriction, audited with the chat.
 * The reason the user reads names the chat, not the report, which would point at its author.
 */
export async function restrictFromReport(
  deps: ServiceDeps,
  adminId: number,
  chatId: number,
  userId: number,
): Promise<RestrictionResult | undefined> {
  const chat = await findChat(deps.db, chatId);
  if (!chat || !sideOf(chat, userId)) return undefined;
  return setUserRestriction(deps, { adminId, userId, restrict: true, reason: `conduct in chat #${chatId}` });
}

/** An admin closes the reported chat; both sides read that it ended, and the audit keeps it. */
export function closeFromReport(deps: ServiceDeps, adminId: number, chatId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked) return false;
    if (!(await endWithoutCompletion(deps, uow, locked.chat, locked.request, "closed", "admin"))) return false;
    await recordAudit(uow.trx, { adminId, action: "chat.close", subjectId: chatId, reason: "report", at: uow.now });
    for (const userId of [locked.chat.requesterId, locked.chat.helperId]) await uow.tell(userId, (t) => t("chat-ended-closed"));
    return true;
  });
}
