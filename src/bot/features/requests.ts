import { Composer } from "grammy";
import { callbackArgs, callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { showNearby } from "./request-actions.js";

/** Entry points that open the "ask for help" scene, and the nearby list. */
export const requestsFeature = new Composer<BotContext>();
const privateChats = requestsFeature.chatType("private");

privateChats.command("ask", async (ctx) => {
  await ctx.conversation.enter("ask");
});

privateChats.callbackQuery(callbackPattern("again"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  await ctx.conversation.enter("ask", Number(callbackArgs(ctx.callbackQuery.data, "again")?.[0]));
});

privateChats.command("nearby", (ctx) => showNearby(ctx, 0));
