import type { CallbackQueryContext, Composer } from "grammy";
import type { ArgType, ArgsOf } from "../telegram/callback-data.js";
import type { Action } from "../ui/actions.js";
import type { BotContext } from "./context.js";
import { isAdmin } from "./filters.js";

/**
 * The one way to refuse a button that cannot be honoured: forged or malformed data, a button from
 * a question no longer asked. The keyboard that carried it would keep inviting taps, so it goes
 * too — before the answer, so a tap made after the answer never finds it again and asks for an
 * edit that changes nothing.
 */
export async function refuseButton(ctx: BotContext, key = "button-stale"): Promise<void> {
  // Already gone (a second tap, or the message was edited meanwhile): nothing left to remove.
  if (ctx.callbackQuery?.message?.reply_markup) await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.answerCallbackQuery({ text: ctx.t(key) });
}

/**
 * An admin action pressed by anyone else, forged data included: answered, nothing else. The
 * message it was pressed on is the presser's own, and its real buttons still work.
 */
async function refuseNotAllowed(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("button-not-allowed") });
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
    if (action.who === "admin" && !isAdmin(ctx)) return refuseNotAllowed(ctx);
    const args = action.parse(ctx.callbackQuery.data);
    if (!args) return refuseButton(ctx);
    await handler(ctx, ...args);
  });
}
