import type { Scene, SceneContext } from "../src/bot/context.js";
import type { Logger } from "../src/logger.js";

type Checkpoint = ReturnType<Scene["checkpoint"]>;

// Per replay: each replay builds a new conversation object, and a failure is caught in the same one.
const stepStarts = new WeakMap<Scene, Checkpoint>();

/** Marks the start of a step (before its question): a failure inside the step goes back here. */
export function beginStep(conversation: Scene): void {
  stepStarts.set(conversation, conversation.checkpoint());
}

type SceneBuilder<A extends unknown[]> = (conversation: Scene, ctx: SceneContext, ...args: A) => Promise<void>;

/**
 * A scene that survives a failed call: instead of the plugin throwing the scene away (and the
 * draft with it), the user is told and the current step is asked again from its start. What the
 * failed update did is dropped from the scene's log, so the scene is never behind what the user
 * was last shown: the question is shown again.
 */
export function resilient<A extends unknown[]>(logger: Logger, builder: SceneBuilder<A>): SceneBuilder<A> {
  return async (conversation, ctx, ...args) => {
    try {
      await builder(conversation, ctx, ...args);
    } catch (error) {
      const start = stepStarts.get(conversation);
      if (!start) throw error;
      // Live only: once rewound, the failure is no longer in the log to be replayed.
      logger.warn({ err: error }, "scene step failed; asking it again");
      await ctx.reply(ctx.t("scene-step-failed")).catch(() => undefined);
      await conversation.rewind(start);
    }
  };
}
