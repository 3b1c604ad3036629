import { Composer } from "grammy";
import { SCENES } from "../../../scenes/ids.js";
import type { BotContext } from "../context.js";

export const languageFeature = new Composer<BotContext>();

languageFeature.chatType("private").command("language", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.language);
});
