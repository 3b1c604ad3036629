import { SCENES } from "../../../scenes/ids.js";
import { COMMANDS, Feature } from "../feature.js";

export const languageFeature = new Feature([COMMANDS]);

languageFeature.chatType("private").command("language", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.language);
});
