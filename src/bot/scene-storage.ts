import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { sceneKeyOf, sceneStateStore } from "../services/scene-state.js";
import type { BotContext, BotDeps } from "./context.js";

/**
 * Scenes in progress, kept per chat: read with the user when loadUser could (one statement less on
 * every update), written together with the update's "handled" mark.
 */
export function sceneStorage(deps: BotDeps): ConversationStorage<BotContext, ConversationData> {
  const store = sceneStateStore<VersionedState<ConversationData>>(deps);
  return {
    type: "context",
    // A scene in progress is a log its code replays; when the code stops replaying old logs
    // the same way, raise the version so such scenes are dropped instead of misread.
    // 1: rejected answers and category toggles no longer stay in the log.
    version: 1,
    adapter: {
      read(ctx) {
        const situation = ctx.situation;
        if (situation?.sceneState !== undefined) {
          const stored = situation.sceneState;
          // Read once: a second read in the same update must see what was written since.
          situation.sceneState = undefined;
          return stored === null ? undefined : (JSON.parse(stored) as VersionedState<ConversationData>);
        }
        return ctx.chatId === undefined ? undefined : store.read(sceneKeyOf(ctx.chatId));
      },
      async write(ctx, state) {
        if (ctx.chatId !== undefined) await store.write(sceneKeyOf(ctx.chatId), state, ctx.deps.update?.updateId);
      },
      async delete(ctx) {
        if (ctx.chatId !== undefined) await store.delete(sceneKeyOf(ctx.chatId), ctx.deps.update?.updateId);
      },
    },
  };
}
