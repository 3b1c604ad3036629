import { activeOfferIdsOf } from "../../db/repositories/offers.js";
import { openRequestIdsOf } from "../../db/repositories/requests.js";
import { setReachable } from "../../db/repositories/users.js";
import type { ServiceDeps } from "./deps.js";
import { cancelWithin } from "./requests/closing.js";
import { withdrawWithin } from "./requests/offers.js";
import { inUnitOfWork } from "./unit-of-work.js";

/** The user blocked the bot (`reachable` false) or came back; true when that changed anything. */
export async function setUserReachable(deps: ServiceDeps, userId: number, reachable: boolean): Promise<boolean> {
  const changed = await setReachable(deps.db, userId, reachable);
  if (changed) deps.logger.info({ userId, reachable }, "reachability changed");
  return changed;
}

/**
 * A recipient turned out to have blocked the bot. They stop being offered anything; a helper's
 * offers are withdrawn (they cannot come) and a requester's open requests close.
 */
export async function windUpUnreachable(deps: ServiceDeps, userId: number): Promise<void> {
  await setUserReachable(deps, userId, false);
  for (const offerId of await activeOfferIdsOf(deps.db, userId)) await inUnitOfWork(deps, (uow) => withdrawWithin(uow, userId, offerId));
  for (const requestId of await openRequestIdsOf(deps.db, userId)) await inUnitOfWork(deps, (uow) => cancelWithin(uow, userId, requestId));
}
