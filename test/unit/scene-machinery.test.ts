import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { BUTTONS } from "../../src/bot/feature.js";
import { sceneMachinery } from "../../src/bot/scene-machinery.js";
import type { BotContext, BotDeps } from "../../src/bot/context.js";

const chat = { id: 7, type: "private" as const, first_name: "A" };
const from = { id: 7, is_bot: false, first_name: "A" };
const message = (text: string, command = false) => ({
  message: {
    message_id: 1,
    date: 0,
    chat,
    from,
    text,
    ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] } : {}),
  },
});
/** A context as loadUser leaves it: `sceneState` null when the chat has no scene stored. */
const contextOf = (update: Omit<Update, "update_id">, sceneState: string | null) =>
  ({ update: { update_id: 1, ...update }, chatId: chat.id, situation: { sceneState }, deps: {} }) as unknown as BotContext;

const machinery = sceneMachinery({} as BotDeps, { commands: ["ask"], on: [BUTTONS] });
/** What a handler after the machinery sees: the scenes active, and what entering "ask" does. */
const through = async (ctx: BotContext) => {
  let active: Record<string, number> | undefined;
  let entering: unknown;
  await machinery(ctx, async () => {
    active = ctx.conversation.active();
    entering = await ctx.conversation.enter("ask").catch((error: unknown) => error);
  });
  return { active, entering: String(entering) };
};

describe("the scene machinery", () => {
  it("gives a plain message in a chat without a scene controls that say none is active and refuse to enter one", async () => {
    const ctx = contextOf(message("hello"), null);
    const seen = await through(ctx);
    expect(seen.active).toEqual({});
    expect(seen.entering).toMatch(/only be entered from its commands and buttons/);
    await expect(ctx.conversation.exitAll()).resolves.toBeUndefined();
  });

  it("sets the plugin up for a command that enters a scene, and for any update in a chat with a scene stored", async () => {
    // The plugin's own controls: they look the scene up by name (none is registered here).
    const entering = await through(contextOf(message("/ask", true), null));
    expect(entering).toEqual({ active: {}, entering: expect.stringMatching(/'ask' has not been registered/) });

    const stored = JSON.stringify({ version: [0, 1], state: { ask: [{ args: [], interrupts: [], replay: { send: [], receive: [] } }] } });
    expect((await through(contextOf(message("hello"), stored))).active).toEqual({ ask: 1 });
  });
});
