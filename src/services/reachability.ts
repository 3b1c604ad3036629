import { activeOfferIdsOf } from "../../db/repositories/offers.js";
import { openRequestIdsOf } from "../../db/repositories/requests.js";
import { setReachable } from "../../db/repositories/users.js";
import type { ServiceDeps } from "./deps.js";
import { catchUpHelper } from "./requests/catch-up.js";
import { cancelWithin } from "./requests/closing.js";
import { withdrawWithin } from "./requests/offers.js";
import { inUnitOfWork } from "./unit-of-work.js";
import { closeChatsOfUnreachable } from "./relay/undelivered.js";

/** The user blocked the bot (`reachable` false) or came back; true when that changed anything. */
async function setUserReachable(deps: ServiceDeps, userId: number, reachable: boolean): Promise<boolean> {
  const changed = await setReachable(deps.db, userId, reachable);
  if (changed) deps.logger.info({ userId, reachable }, "reachability changed");
  return changed;
}

/**
 * The user can no longer be reached: they blocked the bot. Telegram says so by `my_chat_member`
 * or, when that was lost, by a 403 to the next message; both end here, so both end the same.
 * They stop being offered anything; a helper's offers are withdrawn (they cannot come, and the
 * requester's card says so), a requester's open requests close (the helpers told are told), and
 * their open chats close, the other side told.
 * Running it again changes nothing.
 */
export async function windUpUnreachable(deps: ServiceDeps, userId: number): Promise<void> {
  await setUserReachable(deps, userId, false);
  for (const offerId of await activeOfferIdsOf(deps.db, userId)) await inUnitOfWork(deps, (uow) => withdrawWithin(uow, userId, offerId));
  for (const requestId of await openRequestIdsOf(deps.db, userId))
    await inUnitOfWork(deps, (uow) => cancelWithin(deps, uow, userId, requestId));
  await closeChatsOfUnreachable(deps, userId);
}

/** The user unblocked the bot: reachable again, and a helper hears of open requests near them. */
export async function reachableAgain(deps: ServiceDeps, userId: number): Promise<void> {
  if (await setUserReachable(deps, userId, true)) await catchUpHelper(deps, userId);
}
