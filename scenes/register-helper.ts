import { InlineKeyboard } from "grammy";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { nextDraftStep, type CompleteHelperDraft, type HelperDraft } from "../src/domain/helper-profile.js";
import { submitApplication } from "../src/services/helpers/applications.js";
import { discardRegistrationDraft, loadRegistrationDraft, saveRegistrationDraft } from "../src/services/helpers/drafts.js";
import { draftFromHelper, ownHelper, saveProfileEdit } from "../src/services/helpers/settings.js";
import { Actions } from "../src/ui/actions.js";
import { reviewCard, reviewKeyboard } from "../src/ui/helper-cards.js";
import { askStep } from "./helper-steps.js";
import { beginStep } from "./resilient.js";
import { buttonAnswer, waitForAnswer } from "./steps.js";

export type HelperSceneMode = "register" | "edit";

/**
 * "Become a helper" and "Edit profile": the same questions, then a review card. A registration
 * draft is saved after every answer, so leaving and coming back (or a restart) loses nothing.
 */
export function helperProfileScene(deps: BotDeps) {
  return async function helperProfile(conversation: Scene, ctx: SceneContext, mode: HelperSceneMode = "register"): Promise<void> {
    const userId = ctx.from!.id;
    const save = (draft: HelperDraft) => conversation.external(() => saveRegistrationDraft(deps, userId, draft));
    let draft: HelperDraft;

    if (mode === "edit") {
      const current = await conversation.external(() => draftFromHelper(deps, userId));
      if (!current) {
        await ctx.reply(ctx.t("helper-not-registered"));
        return;
      }
      draft = current;
    } else {
      const status = await conversation.external(async () => (await ownHelper(deps, userId))?.status);
      if (status === "pending") {
        await ctx.reply(ctx.t("reg-already-pending"));
        return;
      }
      if (status === "approved" || status === "suspended") {
        await ctx.reply(ctx.t("reg-already-helper"));
        return;
      }
      draft = (await conversation.external(() => loadRegistrationDraft(deps, userId))) ?? {};
      if (Object.keys(draft).length > 0 && (await askResume(conversation, ctx)) === "restart") {
        draft = {};
        await save(draft);
      } else if (Object.keys(draft).length === 0) {
        await ctx.reply(ctx.t("reg-intro"));
      }
    }

    for (let step = nextDraftStep(draft); step; step = nextDraftStep(draft)) {
      draft = await askStep(deps, conversation, ctx, step, draft, userId);
      if (mode === "register") await save(draft);
    }

    for (;;) {
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
        if (mode === "register") await save(draft);
        continue;
      }
      if (action === "cancel") {
        if (mode === "register") await conversation.external(() => discardRegistrationDraft(deps, userId));
        await ctx.reply(ctx.t(mode === "register" ? "reg-cancelled" : "edit-cancelled"));
        return;
      }
      const result = await conversation.external(
        (): Promise<{ ok: true } | { ok: false; reason: "alias-taken" | "already-helper" | "not-helper" }> =>
          mode === "register" ? submitApplication(deps, userId, complete) : saveProfileEdit(deps, userId, complete),
      );
      if (result.ok) {
        await ctx.reply(ctx.t(mode === "register" ? "reg-submitted" : "edit-saved"));
        return;
      }
      if (result.reason === "alias-taken") {
        await ctx.reply(ctx.t("alias-taken"));
        draft = await askStep(deps, conversation, ctx, "alias", { ...draft, alias: undefined }, userId);
        continue;
      }
      await ctx.reply(ctx.t(result.reason === "already-helper" ? "reg-already-helper" : "helper-not-registered"));
      return;
    }
  };
}

async function askResume(conversation: Scene, ctx: SceneContext): Promise<"resume" | "restart"> {
  beginStep(conversation);
  await ctx.reply(ctx.t("reg-resume-prompt"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("reg-resume-continue"), Actions.registrationResume.data("resume"))
      .text(ctx.t("reg-resume-restart"), Actions.registrationResume.data("restart")),
  });
  const { value, ctx: answered } = await waitForAnswer(conversation, (c) =>
    buttonAnswer(c, Actions.registrationResume, "scene-expected-button"),
  );
  await answered.answerCallbackQuery();
  await answered.editMessageReplyMarkup({ reply_markup: undefined });
  return value[0];
}
