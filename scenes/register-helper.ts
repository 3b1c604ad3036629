import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { nextDraftStep, stepsToRedo, withoutAnswers, type CompleteHelperDraft, type HelperDraft } from "../src/domain/helper-profile.js";
import { submitApplication, type SubmitResult } from "../src/services/helpers/applications.js";
import { discardRegistrationDraft, loadRegistrationDraft, saveRegistrationDraft } from "../src/services/helpers/drafts.js";
import { draftFromHelper, ownHelper, saveProfileEdit, type EditResult } from "../src/services/helpers/settings.js";
import { Actions } from "../src/ui/actions.js";
import { reviewCard, reviewKeyboard } from "../src/ui/helper-cards.js";
import { askStep } from "./helper-steps.js";
import { beginStep } from "./resilient.js";
import { askToResume } from "./resume.js";
import { buttonAnswer, waitForAnswer } from "./steps.js";

export type HelperSceneMode = "register" | "edit";

/**
 * "Become a helper" and "Edit profile": the same questions, then a review card. A registration
 * draft is saved after every answer, so leaving and coming back (or a restart) loses nothing.
 */
export function helperProfileScene(deps: BotDeps) {
  return async function helperProfile(
    conversation: Scene,
    ctx: SceneContext,
    mode: HelperSceneMode = "register",
    // The user pressed Continue under "your registration is kept": no need to ask again.
    resume = false,
  ): Promise<void> {
    const userId = ctx.from!.id;
    const save = async (draft: HelperDraft) => {
      if (mode === "register") await conversation.external((outside) => saveRegistrationDraft(outside.deps, userId, draft));
    };
    const status = await conversation.external(async (outside) => (await ownHelper(outside.deps, userId))?.status);
    let draft: HelperDraft;

    if (mode === "edit") {
      const current = await conversation.external((outside) => draftFromHelper(outside.deps, userId));
      if (!current) {
        await ctx.reply(ctx.t("helper-not-registered"));
        return;
      }
      if (status === "pending") await ctx.reply(ctx.t("edit-pending-note"));
      draft = current;
    } else {
      if (status === "pending") {
        await ctx.reply(ctx.t("reg-already-pending"));
        return;
      }
      if (status === "approved" || status === "suspended") {
        await ctx.reply(ctx.t(status === "approved" ? "reg-already-helper" : "reg-suspended"));
        return;
      }
      draft = (await conversation.external((outside) => loadRegistrationDraft(outside.deps, userId))) ?? {};
      if (
        Object.keys(draft).length > 0 &&
        !resume &&
        (await askToResume(conversation, ctx, "reg-resume-prompt", Actions.registrationResume)) === "restart"
      ) {
        draft = {};
        await save(draft);
      } else if (Object.keys(draft).length === 0 && status === "rejected") {
        // Applying again starts from the application the admin saw: change what they asked about.
        draft = (await conversation.external((outside) => draftFromHelper(outside.deps, userId))) ?? {};
        await save(draft);
        await ctx.reply(ctx.t("reg-apply-again"));
      } else if (Object.keys(draft).length === 0) {
        await ctx.reply(ctx.t("reg-intro"));
      }
    }

    for (;;) {
      // Answers given before today's rules (a saved draft, a stored profile) are asked again.
      const redo = stepsToRedo(draft);
      if (redo.length > 0) {
        draft = withoutAnswers(draft, redo);
        await ctx.reply(ctx.t("draft-redo"));
      }
      for (let step = nextDraftStep(draft); step; step = nextDraftStep(draft)) {
        draft = await askStep(deps, conversation, ctx, step, draft, userId);
        await save(draft);
      }

      beginStep(conversation);
      const complete = draft as CompleteHelperDraft;
      await ctx.reply(reviewCard(ctx.t, complete, mode), { parse_mode: "HTML", reply_markup: reviewKeyboard(ctx.t, mode) });
      const { value, ctx: answered } = await waitForAnswer(conversation, (c) =>
        buttonAnswer(c, Actions.registrationReview, "scene-expected-button"),
      );
      const [action, field] = value;
      await answered.answerCallbackQuery();
      await answered.editMessageReplyMarkup({ reply_markup: undefined });

      if (action === "edit" && field !== undefined) {
        draft = await askStep(deps, conversation, ctx, field, draft, userId);
        await save(draft);
        continue;
      }
      if (action === "cancel") {
        if (mode === "register") await conversation.external((outside) => discardRegistrationDraft(outside.deps, userId));
        await ctx.reply(ctx.t(mode === "register" ? "reg-cancelled" : "edit-cancelled"));
        return;
      }
      const result = await conversation.external((outside): Promise<SubmitResult | EditResult> =>
        mode === "register" ? submitApplication(outside.deps, userId, complete) : saveProfileEdit(outside.deps, userId, complete),
      );
      if (result.ok) {
        const outcome = "outcome" in result ? result.outcome : "submitted";
        await ctx.reply(ctx.t(OUTCOME_MESSAGES[outcome]));
        return;
      }
      if (result.reason === "alias-taken") {
        await ctx.reply(ctx.t("alias-taken"));
        draft = { ...draft, alias: undefined };
        continue;
      }
      if (result.reason === "invalid") continue;
      await ctx.reply(ctx.t(REFUSAL_MESSAGES[result.reason]));
      return;
    }
  };
}

const OUTCOME_MESSAGES = {
  submitted: "reg-submitted",
  saved: "edit-saved",
  resubmitted: "edit-resubmitted",
  unchanged: "edit-cancelled",
} as const;

const REFUSAL_MESSAGES = {
  "already-helper": "reg-already-helper",
  "not-helper": "helper-not-registered",
  decided: "edit-decided",
} as const;
