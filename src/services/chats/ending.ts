import { aliasOf } from "../../../db/repositories/users.js";
import { type Chat, partnerOf, sideOf } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import { endedFeeLines, helperCameCard } from "../../ui/chat-closing-cards.js";
import { escapeHtml } from "../../telegram/html.js";
import { givePenalty } from "../badges.js";
import type { ServiceDeps } from "../deps.js";
import type { Settled } from "../fee-escrow.js";
import { cancelCostsPenalty, placeEnded } from "../requests/places.js";
import { lateCancelSplit } from "../../domain/credits.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { cancelChatTimers, finishCompletion, lockChatAndRequest, placeFee } from "./completion.js";
import { closeChatWithin, tellGroupLeft } from "./lifecycle.js";

const MINUTE = 60_000;

/**
 * Ends a chat that did not complete: the chat closes with its timers, and when it was the
 * request's last, the request leaves "matched" and its fee's hold is settled — this place's share
 * returned to the requester, except that a requester who cancels after the grace period pays the
 * helper the configured part. Returns this place's figures; false when it had ended.
 */
export async function endWithoutCompletion(
  deps: ServiceDeps,
  uow: UnitOfWork,
  chat: Chat,
  request: HelpRequest,
  to: "cancelled" | "closed",
  reason: string,
): Promise<Settled | false> {
  if (!(await closeChatWithin(uow, chat.id, to, reason))) return false;
  await cancelChatTimers(uow, chat.id);
  return placeEnded(deps, uow, request, chat.id);
}

/** What pressing Cancel would cost: a penalty, and for a late requester the part of the fee the helper gets. */
export type CancelCheck = { ok: false } | { ok: true; penalty: boolean; feePart: number };

/** What pressing Cancel would do, asked before confirming. */
export function checkCancel(deps: ServiceDeps, userId: number, chatId: number): Promise<CancelCheck> {
  return inUnitOfWork(deps, async (uow): Promise<CancelCheck> => {
    const locked = await lockChatAndRequest(uow, chatId);
    const side = locked && sideOf(locked.chat, userId);
    if (!locked || !side || locked.chat.status !== "open") return { ok: false };
    const penalty = cancelCostsPenalty(deps, locked.chat, side, uow.now);
    const late = side === "requester" && penalty;
    return { ok: true, penalty, feePart: late ? lateCancelSplit(locked.request.fee, deps.config.fees.lateCancelPercent).helper : 0 };
  });
}

export type CancelResult =
  { ok: false } | { ok: true; side: "requester" | "helper"; penalty: boolean; partnerAlias: string; settled: Settled };

/** One side ends the chat early; past the grace period it costs that side a penalty, and the other is told. */
export function cancelChat(deps: ServiceDeps, userId: number, chatId: number): Promise<CancelResult> {
  return inUnitOfWork(deps, async (uow): Promise<CancelResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    const side = locked && sideOf(locked.chat, userId);
    if (!locked || !side || locked.chat.status !== "open") return { ok: false };
    const { chat, request } = locked;
    const penalty = cancelCostsPenalty(deps, chat, side, uow.now);
    const reason = side === "helper" ? "helper-cancel" : "requester-cancel";
    const settled = await endWithoutCompletion(deps, uow, chat, request, "cancelled", reason);
    if (!settled) return { ok: false };
    await tellGroupLeft(uow, chat);
    const partner = partnerOf(chat, userId);
    const alias = await aliasOf(uow.trx, userId);
    await uow.tell(partner, (t) =>
      [
        t(side === "helper" ? "chat-cancelled-by-helper" : "chat-cancelled-by-requester", { alias: escapeHtml(alias) }),
        ...endedFeeLines(t, side === "helper" ? "requester" : "helper", settled),
      ].join("\n"),
    );
    if (penalty) await givePenalty(deps, uow, userId, reason, chat.id);
    return { ok: true, side, penalty, partnerAlias: await aliasOf(uow.trx, partner), settled };
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

export type CameResult =
  { ok: false } | { ok: true; came: boolean; helperAlias: string; fee: number; share: number; later: boolean; returned: number };

/** The requester's answer: "came" completes the chat; "did not come" closes it with a penalty for the helper. */
export function answerHelperCame(deps: ServiceDeps, requesterId: number, chatId: number, came: boolean): Promise<CameResult> {
  return inUnitOfWork(deps, async (uow): Promise<CameResult> => {
    const locked = await lockChatAndRequest(uow, chatId);
    if (!locked || locked.chat.requesterId !== requesterId || locked.chat.status !== "open") return { ok: false };
    const { chat, request } = locked;
    const helperAlias = await aliasOf(uow.trx, chat.helperId);
    if (came) {
      const paid = await finishCompletion(deps, uow, chat, request, { actorId: requesterId, reason: "came" });
      return { ok: true, came, helperAlias, ...(paid ? placeFee(paid) : { fee: 0, share: 0, later: false }), returned: 0 };
    }
    const settled = await endWithoutCompletion(deps, uow, chat, request, "closed", "no-show");
    await tellGroupLeft(uow, chat);
    await uow.tell(chat.helperId, (t) => t("no-show-helper-told"));
    await givePenalty(deps, uow, chat.helperId, "no-show", chat.id);
    return {
      ok: true,
      came,
      helperAlias,
      fee: request.fee,
      share: 0,
      later: settled ? settled.later === true : false,
      returned: settled ? settled.returned : 0,
    };
  });
}
