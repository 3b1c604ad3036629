import { findChat, lockChat, markCompletedBy } from "../../../db/repositories/chats.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { type Chat, partnerOf, sideOf } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { chatActionsKeyboard, ratingCard } from "../../ui/chat-closing-cards.js";
import { durationLabel } from "../../ui/request-cards.js";
import { escapeHtml } from "../../telegram/html.js";
import { awardHelpBadge } from "../badges.js";
import type { ServiceDeps } from "../deps.js";
import type { Settled } from "../fee-escrow.js";
import { placeEnded, stopTakingPlaces } from "../requests/places.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { closeChatWithin } from "./lifecycle.js";
import { setPrompt } from "../../../db/repositories/safety-pins.js";
import { isWalk } from "../../domain/walks.js";
import { safeKeyboard, withEmergency } from "../../ui/walk-cards.js";

const MINUTE = 60_000;

export type CompleteResult =
  | { ok: false; reason: "stale" }
  | { ok: true; state: "already"; partnerAlias: string }
  | { ok: true; state: "waiting"; partnerAlias: string; reminderMinutes: number; timeoutMinutes: number }
  | {
      ok: true;
      state: "completed";
      partnerAlias: string;
      fee: number;
      share: number;
      later: boolean;
      side: "requester" | "helper";
      chatId: number;
    }
  // A walk home: the helper's word is noted, and only the requester's PIN ends it.
  | { ok: true; state: "walk-arrived"; partnerAlias: string }
  | { ok: true; state: "walk-pin"; partnerAlias: string };

/**
 * The chat and its request, locked in the order every use case takes them (request first), so a
 * tap, a timer and the other side's tap take turns.
 */
export async function lockChatAndRequest(uow: UnitOfWork, chatId: number): Promise<{ chat: Chat; request: HelpRequest } | undefined> {
  const seen = await findChat(uow.trx, chatId);
  if (!seen) return undefined;
  const request = await lockRequest(uow.trx, seen.requestId);
  const chat = await lockChat(uow.trx, chatId);
  return chat && request ? { chat, request } : undefined;
}

/**
 * One side presses Complete. The first tap is recorded and arms the reminder and the timeout;
 * the other side's tap completes the chat; a second tap of the same side changes nothing.
 */
export function completeChat(deps: ServiceDeps, userId: number, chatId: number): Promise<CompleteResult> {
  return inUnitOfWork(deps, async (uow): Promise<CompleteResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    const side = locked && sideOf(locked.chat, userId);
    if (!locked || !side || locked.chat.status !== "open") return { ok: false, reason: "stale" };
    const { chat, request } = locked;
    const partnerAlias = await aliasOf(uow.trx, partnerOf(chat, userId));
    if (isWalk(request)) return walkCompletion(deps, uow, chat, side, partnerAlias);
    if (!(await markCompletedBy(uow.trx, { id: chat.id, side, now: uow.now }))) return { ok: true, state: "already", partnerAlias };
    const otherDone = side === "requester" ? chat.helperCompletedAt !== null : chat.requesterCompletedAt !== null;
    if (otherDone) {
      const paid = await finishCompletion(deps, uow, chat, request, { actorId: userId, reason: "both" });
      return {
        ok: true,
        state: "completed",
        partnerAlias,
        ...(paid ? placeFee(paid) : { fee: 0, share: 0, later: false }),
        side,
        chatId: chat.id,
      };
    }
    const { completionReminderMinutes, completionTimeoutMinutes } = deps.config.limits;
    await uow.schedule("completion-reminder", chat.id, uow.now + completionReminderMinutes * MINUTE);
    await uow.schedule("completion-timeout", chat.id, uow.now + completionTimeoutMinutes * MINUTE);
    return {
      ok: true,
      state: "waiting",
      partnerAlias,
      reminderMinutes: completionReminderMinutes,
      timeoutMinutes: completionTimeoutMinutes,
    };
  });
}

/**
 * Complete on a walk home. The helper's "arrived" is recorded and the requester is asked for the
 * PIN; the requester's own Complete asks for it at once. Neither closes the walk.
 */
async function walkCompletion(
  deps: ServiceDeps,
  uow: UnitOfWork,
  chat: Chat,
  side: "requester" | "helper",
  partnerAlias: string,
): Promise<CompleteResult> {
  if (side === "requester") {
    await setPrompt(uow.trx, chat.requesterId, { purpose: "safe", subjectId: chat.requestId }, uow.now);
    return { ok: true, state: "walk-pin", partnerAlias };
  }
  if (await markCompletedBy(uow.trx, { id: chat.id, side, now: uow.now })) {
    const alias = escapeHtml(await aliasOf(uow.trx, chat.helperId));
    const { emergencyNumber } = deps.config.walkHome;
    await uow.tell(chat.requesterId, (t) => ({
      text: withEmergency(t, emergencyNumber, t("walk-helper-arrived", { alias })),
      keyboard: safeKeyboard(t, chat.requestId),
    }));
  }
  return { ok: true, state: "walk-arrived", partnerAlias };
}

/**
 * Completes the chat once: it closes, the helper earns a help badge, and both sides are told their
 * place's share of the fee and asked for a rating — the actor, if any, by its handler. The request
 * leaves "matched" and its held fee is paid out (minus the platform share) in the same transaction
 * when this was its last open chat; a group's other chats go on. False when it had ended.
 */
export async function finishCompletion(
  deps: ServiceDeps,
  uow: UnitOfWork,
  chat: Chat,
  request: HelpRequest,
  how: { actorId: number | null; reason: "both" | "one-side" | "came" },
): Promise<Settled | false> {
  if (!(await closeChatWithin(uow, chat.id, "completed", how.reason))) return false;
  // Help given is the group's start: places still free close, so every share is final now.
  if (request.status === "open") await stopTakingPlaces(deps, uow, request);
  await cancelChatTimers(uow, chat.id);
  const paid = await placeEnded(deps, uow, request, chat.id);
  await awardHelpBadge(deps, uow, chat.helperId, chat.id);
  for (const userId of [chat.requesterId, chat.helperId]) {
    if (userId === how.actorId) continue;
    const partnerAlias = await aliasOf(uow.trx, partnerOf(chat, userId));
    const side = userId === chat.helperId ? "helper" : "requester";
    await uow.tell(userId, (t) => completedText(t, { side, partnerAlias, ...placeFee(paid), reason: how.reason }));
    await uow.tell(userId, (t) => ratingCard(t, chat.id, partnerAlias));
  }
  return paid;
}

/** A place's part of the fee as the completion texts show it: what the helper's share was, and the platform's part of it. */
export function placeFee(paid: Settled): { fee: number; share: number; later: boolean } {
  return { fee: paid.toHelper + paid.share, share: paid.share, later: paid.later === true };
}

/** What each side reads when the chat completed. */
export function completedText(
  t: (key: string, variables?: Record<string, string | number>) => string,
  done: {
    side: "requester" | "helper";
    partnerAlias: string;
    fee: number;
    share: number;
    reason: "both" | "one-side" | "came";
    later?: boolean;
  },
): string {
  const alias = escapeHtml(done.partnerAlias);
  const lines = [t(done.reason === "one-side" ? "chat-completed-timeout" : "chat-completed", { alias })];
  if (done.side === "helper") lines.push(t("chat-completed-badge"));
  if (done.fee > 0) {
    const received = done.fee - done.share;
    // In a group the fee moves when the whole group has ended, so its lines speak of what will happen.
    const keys = done.later
      ? { received: "group-fee-received-later", paid: "group-fee-paid-later", share: "group-fee-share-later" }
      : { received: "chat-completed-fee-received", paid: "chat-completed-fee-paid", share: "chat-completed-fee-share" };
    lines.push(t(done.side === "helper" ? keys.received : keys.paid, { fee: done.fee, received }));
    if (done.share > 0) lines.push(t(keys.share, { share: done.share }));
  }
  return lines.join("\n");
}

export async function cancelChatTimers(uow: UnitOfWork, chatId: number): Promise<void> {
  await uow.cancelTimers("completion-reminder", chatId);
  await uow.cancelTimers("completion-timeout", chatId);
  await uow.cancelTimers("no-show-check", chatId);
}

/** The side that has not pressed Complete yet, reminded once; the reminder says what happens next. */
export async function remindToComplete(deps: ServiceDeps, uow: UnitOfWork, chatId: number): Promise<void> {
  const chat = await lockChat(uow.trx, chatId);
  if (chat?.status !== "open") return;
  const waiting = chat.requesterCompletedAt === null ? chat.requesterId : chat.helperCompletedAt === null ? chat.helperId : undefined;
  if (waiting === undefined) return;
  const { completionTimeoutMinutes, completionReminderMinutes } = deps.config.limits;
  // Fired late (the bot was down) with the timeout due too: the completion itself says it all.
  const confirmedAt = chat.requesterCompletedAt ?? chat.helperCompletedAt ?? uow.now;
  if (uow.now >= confirmedAt + completionTimeoutMinutes * MINUTE) return;
  const partnerAlias = await aliasOf(uow.trx, partnerOf(chat, waiting));
  const minutes = completionTimeoutMinutes - completionReminderMinutes;
  await uow.tell(waiting, (t) => ({
    text: t("chat-complete-reminder", { alias: escapeHtml(partnerAlias), left: durationLabel(t, minutes) }),
    keyboard: chatActionsKeyboard(t, chat),
  }));
}

/** Silence past the timeout: the chat completes on the word of the side that confirmed. */
export async function completeOnOneSide(deps: ServiceDeps, uow: UnitOfWork, chatId: number): Promise<void> {
  const locked = await lockChatAndRequest(uow, chatId);
  if (!locked || locked.chat.status !== "open") return;
  if (locked.chat.requesterCompletedAt === null && locked.chat.helperCompletedAt === null) return;
  await finishCompletion(deps, uow, locked.chat, locked.request, { actorId: null, reason: "one-side" });
}
