import { type ConversationControls, conversations } from "@grammyjs/conversations";
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "./context.js";
import { type Reactions, reactionsOf } from "./feature.js";
import { sceneStorage } from "./scene-storage.js";

/**
 * The controls of a chat that has no scene stored, for an update that cannot enter one: nothing is
 * active, leaving is already done, and entering is refused (scenes are entered only from the
 * updates the scenes react to, which never get these controls).
 */
const NO_SCENE: ConversationControls = {
  active: ((name?: string) => (name === undefined ? {} : 0)) as ConversationControls["active"],
  enter: (name: string) => Promise.reject(new Error(`The scene ${name} can only be entered from its commands and buttons`)),
  exit: () => Promise.resolve(),
  exitAll: () => Promise.resolve(),
  exitOne: () => Promise.resolve(),
};

/**
 * The conversations plugin, set up only where a scene may be touched: when the chat has a scene
 * stored (loadUser read it with the user), or the update is one that enters scenes (`entrances`).
 * Any other update gets controls that say no scene is active, and nothing is read or written for
 * it: setting the plugin up for every plain message was a sixth of its time and most of its garbage.
 */
export function sceneMachinery(deps: BotDeps, entrances: Reactions): MiddlewareFn<BotContext> {
  const plugin = conversations<BotContext, BotContext>({ storage: sceneStorage(deps) });
  const entersScene = reactionsOf(entrances);
  return (ctx, next) => {
    if (ctx.situation?.sceneState === null && !entersScene(ctx)) {
      ctx.conversation = NO_SCENE;
      return next();
    }
    return plugin(ctx, next);
  };
}
