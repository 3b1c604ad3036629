import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Buttons that start something new (main menu, profile settings, admin decisions) are
 * honoured even from inside a scene.
 */
const STARTS_SOMETHING = /^1:(menu|hset|hrej|happ|rad|again):/;

/**
 * A command (other than /help and /cancel, handled before this) or a "start something" button
 * leaves the scene in progress instead of being read as an answer. Nothing is lost: a
 * registration keeps its draft and offers to continue.
 */
export async function interruptScene(ctx: BotContext, next: NextFunction): Promise<void> {
  const isCommand = ctx.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  const startsSomething = STARTS_SOMETHING.test(ctx.callbackQuery?.data ?? "");
  if ((isCommand || startsSomething) && Object.keys(ctx.conversation.active()).length > 0) {
    await ctx.conversation.exitAll();
  }
  await next();
}
