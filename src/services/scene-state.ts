import { conversationStateStore } from "../../db/repositories/conversation-state.js";
import type { ServiceDeps } from "./deps.js";

/** Scenes are kept per chat under this key. */
export const sceneKeyOf = (chatId: number): string => `scene:${chatId}`;

/** Where scenes in progress are kept, so they survive restarts. */
export function sceneStateStore(deps: Pick<ServiceDeps, "db" | "clock">) {
  return conversationStateStore(deps.db, () => deps.clock.now());
}
