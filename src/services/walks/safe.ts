import { chatOfRequest } from "../../../db/repositories/chats.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { clearPrompt, findPrompt, setPrompt } from "../../../db/repositories/safety-pins.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { countWrongPin, findWalk, transitionWalk } from "../../../db/repositories/walks.js";
import { OutboxPriority } from "../../../db/schema.js";
import { type Walk, walkIsOpen, WRONG_PINS_BEFORE_ALERT } from "../../domain/walks.js";
import { walkQuietAlertText, walkSafeAfterAlarmText } from "../../ui/walk-cards.js";
import { finishCompletion } from "../chats/completion.js";
import type { ServiceDeps } from "../deps.js";
import { cancelWithin } from "../requests/closing.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";
import { alertWithLocation, watchersOf } from "./alarms.js";
import { checkPin } from "./pins.js";

/** "I'm safe" on the requester's own open walk: the next thing they type is read as the PIN. */
export function askToConfirmSafe(deps: ServiceDeps, userId: number, requestId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const walk = await findWalk(uow.trx, requestId);
    if (walk?.requesterId !== userId || !walkIsOpen(walk)) return false;
    await setPrompt(uow.trx, userId, { purpose: "safe", subjectId: requestId }, uow.now);
    return true;
  });
}

export type SafeResult =
  | { kind: "safe"; rateChat?: { chatId: number; partnerAlias: string } }
  | { kind: "wrong" }
  // The walk closed meanwhile (another device, a double send): nothing to confirm.
  | { kind: "gone" };

/** Every admin but the walker, with the last known place; the walker and the helper see nothing of it. */
async function alertAdminsQuietly(
  deps: ServiceDeps,
  uow: UnitOfWork,
  walk: Walk,
  helperId: number | null,
  reason: "duress" | { wrongPins: number },
) {
  const admins = new Map(deps.config.adminIds.filter((id) => id !== walk.requesterId).map((id) => [id, "admin" as const]));
  const alias = await aliasOf(uow.trx, walk.requesterId);
  const helperAlias = helperId === null ? null : await aliasOf(uow.trx, helperId);
  const { timeZone } = deps.config;
  const { emergencyNumber } = deps.config.walkHome;
  await alertWithLocation(uow, walk, admins, (t) =>
    walkQuietAlertText(t, {
      reason,
      alias,
      requestId: walk.requestId,
      requesterId: walk.requesterId,
      helperAlias,
      lastSeenAt: walk.lastSeenAt,
      timeZone,
      emergencyNumber,
    }),
  );
}

/**
 * The PIN typed after "I'm safe". The right PIN and the duress PIN close the walk alike for the
 * requester and the helper (the chat completes as any chat does); the duress PIN also alerts every
 * admin with the last known place, and nobody else learns of it. A wrong PIN is counted and
 * changes nothing else, but the third of a walk tells the admins the same quiet way.
 */
export async function confirmSafe(deps: ServiceDeps, userId: number, pin: string): Promise<SafeResult> {
  // Hashing takes a moment: done before the transaction, which then decides on the walk's state.
  const check = await checkPin(deps, userId, pin);
  return inUnitOfWork(deps, async (uow): Promise<SafeResult> => {
    const prompt = await findPrompt(uow.trx, userId);
    if (prompt?.purpose !== "safe") return { kind: "gone" };
    const request = await lockRequest(uow.trx, prompt.subjectId);
    const walk = await findWalk(uow.trx, prompt.subjectId);
    if (!request || walk?.requesterId !== userId || !walkIsOpen(walk)) {
      await clearPrompt(uow.trx, userId);
      return { kind: "gone" };
    }
    if (check === "wrong") {
      await countWrongPin(uow.trx, walk.requestId);
      const wrongPins = walk.wrongPins + 1;
      if (wrongPins === WRONG_PINS_BEFORE_ALERT) await alertAdminsQuietly(deps, uow, walk, request.helperId, { wrongPins });
      return { kind: "wrong" };
    }
    const duress = check === "duress";
    const watchers = await watchersOf(deps, uow, walk);
    await transitionWalk(uow.trx, { requestId: walk.requestId, from: ["active", "overdue", "alerted"], to: "safe", now: uow.now, duress });
    await clearPrompt(uow.trx, userId);
    await uow.cancelTimers("walk-check-in", walk.requestId);
    await uow.cancelTimers("walk-alarm", walk.requestId);

    const alias = await aliasOf(uow.trx, userId);
    const { emergencyNumber } = deps.config.walkHome;
    if (duress) await alertAdminsQuietly(deps, uow, walk, request.helperId, "duress");
    // Those an alarm reached hear it is over; after the duress PIN the admins already know better.
    if (walk.status === "alerted") {
      const relieved = [...watchers].filter(([, reader]) => !(duress && reader === "admin")).map(([id]) => id);
      await uow.tellEach(relieved, (t, id) => [
        {
          chatId: id,
          priority: OutboxPriority.notice,
          method: "sendMessage",
          params: { text: walkSafeAfterAlarmText(t, { alias, emergencyNumber }), parse_mode: "HTML" },
        },
      ]);
    }

    const chat = await chatOfRequest(uow.trx, request.id);
    if (chat?.status === "open" && request.status === "matched") {
      await finishCompletion(deps, uow, chat, request, { actorId: userId, reason: "both" });
      return { kind: "safe", rateChat: { chatId: chat.id, partnerAlias: await aliasOf(uow.trx, chat.helperId) } };
    }
    if (request.status === "open") await cancelWithin(deps, uow, userId, request.id);
    return { kind: "safe" };
  });
}
