import type { CallbackQueryContext, Composer } from "grammy";
import type { ArgType, ArgsOf } from "../telegram/callback-data.js";
import type { Action } from "../ui/actions.js";
import type { BotContext } from "./context.js";
import { isAdmin } from "./filters.js";

/**
 * The one way to refuse a button that cannot be honoured: forged or malformed data, an admin
 * action pressed by someone else, a button from a question no longer asked. The keyboard that
 * carried it would keep inviting taps, so it goes too.
 */
export async function refuseButton(ctx: BotContext, key = "button-stale"): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key) });
  // Already gone (a second tap, or the message was edited meanwhile): nothing left to remove.
  if (ctx.callbackQuery?.message?.reply_markup) await ctx.editMessageReplyMarkup().catch(() => undefined);
}

/**
 * Handles one registered action: the presser must be allowed and its data must parse as exactly
 * the action's arguments, or the press is refused here, before the handler runs. An admin action
 * pressed by anyone else is "not allowed", whatever data it carries.
 */
export function onAction<const A extends readonly ArgType<unknown>[]>(
  composer: Composer<BotContext>,
  action: Action<A>,
  handler: (ctx: CallbackQueryContext<BotContext>, ...args: ArgsOf<A>) => Promise<void>,
): void {
  composer.callbackQuery(action.pattern, async (ctx) => {
    if (action.who === "admin" && !isAdmin(ctx)) return refuseButton(ctx, "button-not-allowed");
    const args = action.parse(ctx.callbackQuery.data);
    if (!args) return refuseButton(ctx);
    await handler(ctx, ...args);
  });
}
