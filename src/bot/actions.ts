import type { CallbackQueryContext, Composer } from "grammy";
import type { ArgType, ArgsOf } from "../telegram/callback-data.js";
import type { Action } from "../ui/actions.js";
import type { BotContext } from "./context.js";
import { isAdmin } from "./filters.js";

/**
 * The one answer to a button that cannot be honoured: forged or malformed data, an admin
 * action pressed by someone else, a button from a question no longer asked. The keyboard that
 * carried it would keep inviting taps, so it goes too.
 */
export async function refuseButton(ctx: BotContext, key = "button-stale"): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key) });
  // Already gone (a second tap, or the message was edited meanwhile): nothing left to remove.
  if (ctx.callbackQuery?.message?.reply_markup) await ctx.editMessageReplyMarkup().catch(() => undefined);
}

/**
 * Handles one registered action: its data must parse as exactly the action's arguments and the
 * presser must be allowed, or the press is refused here, before the handler runs.
 */
export function onAction<const A extends readonly ArgType<unknown>[]>(
  composer: Composer<BotContext>,
  action: Action<A>,
  handler: (ctx: CallbackQueryContext<BotContext>, ...args: ArgsOf<A>) => Promise<void>,
): void {
  composer.callbackQuery(action.pattern, async (ctx) => {
    const args = action.parse(ctx.callbackQuery.data);
    if (!args || (action.who === "admin" && !isAdmin(ctx))) return refuseButton(ctx);
    await handler(ctx, ...args);
  });
}
