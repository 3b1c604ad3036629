import { SCENES } from "../../../scenes/ids.js";
import { Feature } from "../feature.js";

export const languageFeature = new Feature({ commands: ["language"] });

languageFeature.chatType("private").command("language", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.language);
});
