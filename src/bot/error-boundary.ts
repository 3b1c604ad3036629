import { type Bot, type Composer, GrammyError, HttpError, type MiddlewareFn, type NextFunction } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext, BotDeps } from "./context.js";
import { Feature } from "./feature.js";

// Under a symbol only this file holds, so handlers cannot come to depend on it (a property, not a
// WeakMap: it is set and cleared by every feature an update passes through).
const RUNNING_FEATURE = Symbol("running feature");
type Named = { [RUNNING_FEATURE]?: string | undefined };

/**
 * Each feature records its name as an update enters it, so a failure says where it happened. A
 * feature that says which updates it reacts to is passed by for any other (every handler it holds
 * would only have passed it on, at a cost that added up to most of a plain message's time).
 */
export function named(features: Record<string, Composer<BotContext>>): MiddlewareFn<BotContext> {
  const entries = Object.entries(features).map(([name, feature]) => ({
    name,
    run: feature.middleware(),
    reacts: feature instanceof Feature ? feature.reacts : () => true,
  }));
  // One middleware for the whole list: features that do not react cost a check, not a layer.
  const runFrom = (start: number, ctx: BotContext, next: NextFunction): Promise<void> => {
    let i = start;
    while (i < entries.length && !entries[i]!.reacts(ctx)) i++;
    const entry = entries[i];
    if (!entry) return next();
    (ctx as Named)[RUNNING_FEATURE] = entry.name;
    return entry.run(ctx, () => {
      // Passed on: whatever fails from here on is not this feature's doing.
      (ctx as Named)[RUNNING_FEATURE] = undefined;
      return runFrom(i + 1, ctx, next);
    }) as Promise<void>;
  };
  return (ctx, next) => runFrom(0, ctx, next);
}

// A venue message carries a location too, so venue is looked for first.
const CONTENT_KINDS = ["text", "venue", "location", "contact", "photo", "video", "animation", "audio", "document", "sticker", "voice"];

/** e.g. "message:location" or "callback_query": what kind of update it was, never what it said. */
function updateType(update: Update): string {
  const kind = Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
  const payload: unknown = update[kind as keyof Update];
  if (typeof payload !== "object" || payload === null || !("message_id" in payload)) return kind;
  const content = CONTENT_KINDS.find((key) => key in payload);
  return content ? `${kind}:${content}` : kind;
}

/**
 * The one place a failed update ends: logged by kind, chat and feature (never by what the user
 * sent), the button's spinner stopped, and the user told something went wrong.
 */
export function installErrorBoundary(bot: Bot<BotContext>, deps: BotDeps): void {
  bot.catch(async (err) => {
    const ctx = err.ctx;
    // Never the update itself: it holds names, usernames, message text and coordinates.
    deps.logger.error(
      {
        err: err.error,
        updateId: ctx.update.update_id,
        updateType: updateType(ctx.update),
        chatId: ctx.chat?.id,
        handler: (ctx as Named)[RUNNING_FEATURE] ?? "middleware",
      },
      "update failed",
    );
    if (err.error instanceof GrammyError || err.error instanceof HttpError) {
      // A failed reply is what broke; replying again would most likely fail the same way.
      if (err.error instanceof GrammyError && err.error.error_code === 403) return;
    }
    if (ctx.callbackQuery && !ctx.callbackAnswered) {
      await ctx.answerCallbackQuery().catch(() => undefined);
    }
    if (ctx.chat?.type === "private") {
      await ctx.reply(ctx.t ? ctx.t("error-generic") : "Something went wrong.").catch((replyError: unknown) => {
        deps.logger.warn({ err: replyError }, "could not tell the user about the error");
      });
    }
  });
}
