import { Composer } from "grammy";
import { SCENES } from "../../../scenes/ids.js";
import { discardRegistrationDraft } from "../../services/helpers/drafts.js";
import type { BotContext } from "../context.js";

export const cancelFeature = new Composer<BotContext>();

cancelFeature.chatType("private").command("cancel", async (ctx) => {
  const active = ctx.conversation.active();
  const inScene = Object.keys(active).length > 0;
  await ctx.conversation.exitAll();
  // Cancelling a registration means it: its saved draft goes too. (Other commands keep it.)
  if (active[SCENES.helper]) await discardRegistrationDraft(ctx.deps, ctx.from.id);
  // A reply keyboard left by the scene (e.g. "send my location") would be a dead end.
  await ctx.reply(ctx.t(inScene ? "cancel-done" : "cancel-nothing"), { reply_markup: { remove_keyboard: true } });
});
