import { aliasOf } from "../../../db/repositories/users.js";
import { transitionRequest } from "../../../db/repositories/requests.js";
import { type Chat, partnerOf, sideOf } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { helperCameCard } from "../../ui/chat-closing-cards.js";
import { escapeHtml } from "../../telegram/html.js";
import { givePenalty } from "../badges.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { cancelChatTimers, finishCompletion, lockChatAndRequest } from "./completion.js";
import { closeChatWithin } from "./lifecycle.js";

const MINUTE = 60_000;

/**
 * Ends a chat that did not complete: the chat closes, the request leaves "matched" without moving
 * its fee (so the hold is released), and the chat's timers go.
 */
export async function endWithoutCompletion(uow: UnitOfWork, chat: Chat, request: HelpRequest, to: "cancelled" | "closed", reason: string) {
  if (!(await closeChatWithin(uow, chat.id, to, reason))) return false;
  await transitionRequest(uow.trx, { id: request.id, from: "matched", to: "cancelled", at: uow.now });
  await cancelChatTimers(uow, chat.id);
  return true;
}

/** Whether cancelling now costs this side a penalty: past its grace period after the match. */
export function cancelCostsPenalty(deps: ServiceDeps, chat: Chat, side: "requester" | "helper", now: number): boolean {
  const { helperCancelGraceMinutes, requesterCancelGraceMinutes } = deps.config.limits;
  const grace = side === "helper" ? helperCancelGraceMinutes : requesterCancelGraceMinutes;
  return now > chat.openedAt + grace * MINUTE;
}

export type CancelCheck = { ok: false } | { ok: true; penalty: boolean };

/** What pressing Cancel would do, asked before confirming. */
export function checkCancel(deps: ServiceDeps, userId: number, chatId: number): Promise<CancelCheck> {
  return inUnitOfWork(deps, async (uow): Promise<CancelCheck> => {
    const locked = await lockChatAndRequest(uow, chatId);
    const side = locked && sideOf(locked.chat, userId);
    if (!locked || !side || locked.chat.status !== "open") return { ok: false };
    return { ok: true, penalty: cancelCostsPenalty(deps, locked.chat, side, uow.now) };
  });
}

export type CancelResult = { ok: false } | { ok: true; penalty: boolean; partnerAlias: string };

/** One side ends the chat early; past the grace period it costs that side a penalty, and the other is told. */
export function cancelChat(deps: ServiceDeps, userId: number, chatId: number): Promise<CancelResult> {
  return inUnitOfWork(deps, async (uow): Promise<CancelResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    const side = locked && sideOf(locked.chat, userId);
    if (!locked || !side || locked.chat.status !== "open") return { ok: false };
    const { chat, request } = locked;
    const penalty = cancelCostsPenalty(deps, chat, side, uow.now);
    const reason = side === "helper" ? "helper-cancel" : "requester-cancel";
    if (!(await endWithoutCompletion(uow, chat, request, "cancelled", reason))) return { ok: false };
    const partner = partnerOf(chat, userId);
    const alias = await aliasOf(uow.trx, userId);
    await uow.tell(partner, (t) =>
      t(side === "helper" ? "chat-cancelled-by-helper" : "chat-cancelled-by-requester", { alias: escapeHtml(alias) }),
    );
    if (penalty) await givePenalty(deps, uow, userId, reason, chat.id);
    return { ok: true, penalty, partnerAlias: await aliasOf(uow.trx, partner) };
  });
}

/** When to ask whether the helper came: the later of the request's end and the helper's ETA, plus a grace. */
export function noShowCheckAt(deps: ServiceDeps, request: Pick<HelpRequest, "expiresAt">, matchedAt: number, etaMinutes: number): number {
  return Math.max(request.expiresAt, matchedAt + etaMinutes * MINUTE) + deps.config.limits.noShowGraceMinutes * MINUTE;
}

/** The no-show timer: nobody completed in time, so the requester is asked whether the helper came. */
export async function askWhetherHelperCame(uow: UnitOfWork, chatId: number): Promise<void> {
  const locked = await lockChatAndRequest(uow, chatId);
  if (!locked || locked.chat.status !== "open") return;
  const { chat } = locked;
  // One side confirmed: the completion timers decide instead.
  if (chat.requesterCompletedAt !== null || chat.helperCompletedAt !== null) return;
  const alias = await aliasOf(uow.trx, chat.helperId);
  await uow.tell(chat.requesterId, (t) => helperCameCard(t, chat.id, alias));
}

export type CameResult = { ok: false } | { ok: true; came: boolean; helperAlias: string; fee: number };

/** The requester's answer: "came" completes the chat; "did not come" closes it with a penalty for the helper. */
export function answerHelperCame(deps: ServiceDeps, requesterId: number, chatId: number, came: boolean): Promise<CameResult> {
  return inUnitOfWork(deps, async (uow): Promise<CameResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked || locked.chat.requesterId !== requesterId || locked.chat.status !== "open") return { ok: false };
    const { chat, request } = locked;
    const helperAlias = await aliasOf(uow.trx, chat.helperId);
    if (came) {
      await finishCompletion(deps, uow, chat, request, { actorId: requesterId, reason: "came" });
    } else {
      await endWithoutCompletion(uow, chat, request, "closed", "no-show");
      await uow.tell(chat.helperId, (t) => t("no-show-helper-told"));
      await givePenalty(deps, uow, chat.helperId, "no-show", chat.id);
    }
    return { ok: true, came, helperAlias, fee: request.fee };
  });
}
