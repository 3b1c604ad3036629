import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { sceneKeyOf, sceneStateStore } from "../services/scene-state.js";
import type { BotContext, BotDeps } from "./context.js";

type State = VersionedState<ConversationData>;

/**
 * Scenes in progress, kept per chat: read with the user when loadUser could (one statement less on
 * every update), written together with the update's "handled" mark, and not written at all when
 * the update left the scene as it was (a wrong answer is not kept in the scene's log).
 */
export function sceneStorage(deps: BotDeps): ConversationStorage<BotContext, ConversationData> {
  const store = sceneStateStore(deps);
  // What each update's read found, to tell whether its write changes anything.
  const stored = new WeakMap<BotContext, string | undefined>();
  const readJson = async (ctx: BotContext): Promise<string | undefined> => {
    const situation = ctx.situation;
    if (situation?.sceneState !== undefined) {
      const json = situation.sceneState ?? undefined;
      // Read once: a second read in the same update must see what was written since.
      situation.sceneState = undefined;
      return json;
    }
    return ctx.chatId === undefined ? undefined : store.read(sceneKeyOf(ctx.chatId));
  };
  return {
    type: "context",
    // A scene in progress is a log its code replays; when the code stops replaying old logs
    // the same way, raise the version so such scenes are dropped instead of misread.
    // 1: rejected answers and category toggles no longer stay in the log.
    version: 1,
    adapter: {
      async read(ctx) {
        const json = await readJson(ctx);
        stored.set(ctx, json);
        return json === undefined ? undefined : (JSON.parse(json) as State);
      },
      async write(ctx, state) {
        if (ctx.chatId === undefined) return;
        const json = JSON.stringify(state);
        if (stored.get(ctx) === json) return;
        await store.write(sceneKeyOf(ctx.chatId), json, ctx.deps.update?.updateId);
        stored.set(ctx, json);
      },
      async delete(ctx) {
        if (ctx.chatId === undefined) return;
        await store.delete(sceneKeyOf(ctx.chatId), ctx.deps.update?.updateId);
        stored.set(ctx, undefined);
      },
    },
  };
}
