import { moveWalk } from "../../../db/repositories/walks.js";
import type { ServiceDeps } from "../deps.js";

/**
 * An edit of the requester's walk live location: the last known place, which alarms send. (The
 * helper's copy follows the same edit through the relay chat.)
 */
export function followWalk(
  deps: ServiceDeps,
  userId: number,
  move: { messageId: number; latitude: number; longitude: number },
): Promise<boolean> {
  return moveWalk(deps.db, { requesterId: userId, ...move, now: deps.clock.now() });
}
