import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Installed last: whatever no feature took gets a clear answer instead of silence. */
export const unhandledFeature = new Composer<BotContext>();
const privateChats = unhandledFeature.chatType("private");

privateChats.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  // The keyboard that carried the stale button would keep inviting taps; take it away.
  if (ctx.callbackQuery.message?.reply_markup) await ctx.editMessageReplyMarkup().catch(() => undefined);
});

privateChats.on("message::bot_command", async (ctx) => {
  await ctx.reply(ctx.t("unknown-command"));
});

privateChats.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled"));
});
