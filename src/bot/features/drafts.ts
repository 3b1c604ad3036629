import { SCENES } from "../../../scenes/ids.js";
import { discardRegistrationDraft, loadRegistrationDraft } from "../../services/helpers/drafts.js";
import { discardRequestDraft, loadRequestDraft } from "../../services/requests/drafts.js";
import { Actions } from "../../ui/actions.js";
import { onAction, refuseButton } from "../actions.js";
import { BUTTONS, Feature } from "../feature.js";

/** The buttons under "your draft is kept": they work as long as the draft does, also after a restart. */
export const draftsFeature = new Feature({ on: [BUTTONS] });

onAction(draftsFeature, Actions.keptDraft, async (ctx, scene, choice) => {
  const userId = ctx.from.id;
  const draft = scene === "ask" ? await loadRequestDraft(ctx.deps, userId) : await loadRegistrationDraft(ctx.deps, userId);
  // Posted, discarded or picked up elsewhere meanwhile: nothing left to continue.
  if (!draft || Object.keys(draft).length === 0) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  if (choice === "discard") {
    await (scene === "ask" ? discardRequestDraft(ctx.deps, userId) : discardRegistrationDraft(ctx.deps, userId));
    await ctx.editMessageText(ctx.t(scene === "ask" ? "draft-discarded-ask" : "draft-discarded-helper"));
    return;
  }
  await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  await ctx.conversation.exitAll();
  if (scene === "ask") await ctx.conversation.enter(SCENES.ask, null, true);
  else await ctx.conversation.enter(SCENES.helper, "register", true);
});
