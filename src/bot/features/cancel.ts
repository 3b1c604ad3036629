import { Context } from "grammy";
import { SCENES } from "../../../scenes/ids.js";
import { discardRegistrationDraft } from "../../services/helpers/drafts.js";
import { discardRequestDraft } from "../../services/requests/drafts.js";
import type { BotContext } from "../context.js";
import { Feature } from "../feature.js";

/** "cancel" or "취소" typed on its own means what /cancel means, in a scene or not. */
const CANCEL_WORDS = /^\s*(?:cancel|취소)\s*[.!]?\s*$/i;

export const cancelFeature = new Feature({ commands: ["cancel"], when: Context.has.text(CANCEL_WORDS) });
const privateChats = cancelFeature.chatType("private");

async function cancel(ctx: BotContext): Promise<void> {
  const active = ctx.conversation.active();
  const inScene = Object.keys(active).length > 0;
  await ctx.conversation.exitAll();
  // Cancelling means it: the scene's saved draft goes too. (Other commands keep it.)
  if (active[SCENES.helper]) await discardRegistrationDraft(ctx.deps, ctx.from!.id);
  if (active[SCENES.ask]) await discardRequestDraft(ctx.deps, ctx.from!.id);
  // A reply keyboard left by the scene (e.g. "send my location") would be a dead end.
  await ctx.reply(ctx.t(inScene ? "cancel-done" : "cancel-nothing"), { reply_markup: { remove_keyboard: true } });
}

privateChats.command("cancel", cancel);
privateChats.hears(CANCEL_WORDS, cancel);
