import type { NextFunction } from "grammy";
import { actionOf } from "../../ui/actions.js";
import type { BotContext } from "../context.js";

/**
 * A command (other than /help and /cancel, handled before this) or a button that starts
 * something new (its action says so) leaves the scene in progress instead of being read as an
 * answer. Nothing is lost: a registration keeps its draft and offers to continue.
 */
export async function interruptScene(ctx: BotContext, next: NextFunction): Promise<void> {
  const isCommand = ctx.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  const startsSomething = actionOf(ctx.callbackQuery?.data)?.startsSomething ?? false;
  if ((isCommand || startsSomething) && Object.keys(ctx.conversation.active()).length > 0) {
    await ctx.conversation.exitAll();
  }
  await next();
}
