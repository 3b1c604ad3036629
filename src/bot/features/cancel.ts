import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const cancelFeature = new Composer<BotContext>();

cancelFeature.chatType("private").command("cancel", async (ctx) => {
  const inScene = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  // A reply keyboard left by the scene (e.g. "send my location") would be a dead end.
  await ctx.reply(ctx.t(inScene ? "cancel-done" : "cancel-nothing"), { reply_markup: { remove_keyboard: true } });
});
