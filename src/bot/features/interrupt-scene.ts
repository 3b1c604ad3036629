import { SCENES } from "../../../scenes/ids.js";
import { loadRegistrationDraft } from "../../services/helpers/drafts.js";
import { loadRequestDraft } from "../../services/requests/drafts.js";
import { actionOf } from "../../ui/actions.js";
import { keptDraftNote, type DraftScene } from "../../ui/menus.js";
import type { BotContext } from "../context.js";
import { Feature } from "../feature.js";

/** Whether the user has a saved draft of that scene worth going back to. */
async function hasDraft(ctx: BotContext, scene: DraftScene): Promise<boolean> {
  const userId = ctx.from!.id;
  const draft = scene === "ask" ? await loadRequestDraft(ctx.deps, userId) : await loadRegistrationDraft(ctx.deps, userId);
  return draft !== undefined && Object.keys(draft).length > 0;
}

/** A command, or a button whose action starts something new. */
function startsElsewhere(ctx: BotContext): boolean {
  const isCommand = ctx.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  return isCommand || (actionOf(ctx.callbackQuery?.data)?.startsSomething ?? false);
}

/**
 * A command (other than /help and /cancel, handled before this) or a button that starts
 * something new (its action says so) leaves the scene in progress instead of being read as an
 * answer. Nothing is lost: a request being written and a registration keep their drafts, and
 * once the command is answered the user is told so, with buttons to continue or discard —
 * unless what they did went straight back to that scene.
 */
export const interruptSceneFeature = new Feature({
  when: (ctx) => startsElsewhere(ctx) && Object.keys(ctx.conversation.active()).length > 0,
});

interruptSceneFeature.use(async (ctx, next) => {
  const left = Object.keys(ctx.conversation.active());
  await ctx.conversation.exitAll();
  await next();
  const back = ctx.conversation.active();
  for (const scene of [SCENES.ask, SCENES.helper] as const) {
    if (!left.includes(scene) || back[scene] || !(await hasDraft(ctx, scene))) continue;
    const note = keptDraftNote(ctx.t, scene);
    await ctx.reply(note.text, { reply_markup: note.keyboard });
  }
});
