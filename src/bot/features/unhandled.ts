import { Composer, type NextFunction } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { recentlyEndedPartner } from "../../services/chats/ended.js";
import { escapeHtml } from "../../telegram/html.js";
import { refuseButton } from "../actions.js";
import { mainMenu } from "../../ui/menus.js";
import type { BotContext } from "../context.js";

/** A command anywhere in the message, as grammY's "message::bot_command" finds it. */
function hasCommand(message: Message): boolean {
  const isCommand = (e: MessageEntity) => e.type === "bot_command";
  return (message.entities?.some(isCommand) ?? false) || (message.caption_entities?.some(isCommand) ?? false);
}

/**
 * Whatever no feature took, in a private chat, gets a clear answer instead of silence: a stale or
 * unknown button, an unknown command, any other message. One middleware rather than a filter per
 * kind: most plain messages end here, and grammY's filter layers were a tenth of their time.
 */
async function answerUnhandled(ctx: BotContext, next: NextFunction): Promise<void> {
  if (ctx.chat?.type !== "private") return next();
  // A scene's button pressed after the scene ended, or data no action knows.
  if (ctx.callbackQuery) return refuseButton(ctx);
  const message = ctx.message;
  if (!message) return next();
  if (hasCommand(message)) return void (await ctx.reply(ctx.t("unknown-command")));
  // Written to a chat that just ended: say so, rather than "I did not understand".
  const partner = ctx.situation?.chatEndedSince ? await recentlyEndedPartner(ctx.deps, message.from!.id) : undefined;
  const text = partner === undefined ? ctx.t("unhandled") : ctx.t("chat-ended-not-relayed", { alias: escapeHtml(partner) });
  // The answer points at the menu, so the menu comes with it.
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenu(ctx.t) });
}

/** Installed last. */
export const unhandledFeature = new Composer<BotContext>(answerUnhandled);
