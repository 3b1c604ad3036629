import { setReachable } from "../../db/repositories/users.js";
import type { ServiceDeps } from "./deps.js";

/**
 * A recipient blocked the bot. They stop being offered anything; what waits on them is wound
 * up as the features that create such waits arrive (requests, relay chats).
 */
export async function markUnreachable(deps: ServiceDeps, userId: number): Promise<void> {
  if (await setReachable(deps.db, userId, false)) deps.logger.info({ userId }, "user is unreachable (blocked the bot)");
}
