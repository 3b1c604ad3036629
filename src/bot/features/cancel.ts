import { Composer } from "grammy";
import { deleteDraft } from "../../../db/repositories/helper-drafts.js";
import type { BotContext } from "../context.js";

export const cancelFeature = new Composer<BotContext>();

cancelFeature.chatType("private").command("cancel", async (ctx) => {
  const active = ctx.conversation.active();
  const inScene = Object.keys(active).length > 0;
  await ctx.conversation.exitAll();
  // Cancelling a registration means it: its saved draft goes too. (Other commands keep it.)
  if (active.helper) await deleteDraft(ctx.deps.db, ctx.from.id);
  // A reply keyboard left by the scene (e.g. "send my location") would be a dead end.
  await ctx.reply(ctx.t(inScene ? "cancel-done" : "cancel-nothing"), { reply_markup: { remove_keyboard: true } });
});
