import { InlineKeyboard } from "grammy";
import { deleteDraft, loadDraft, saveDraft } from "../db/repositories/helper-drafts.js";
import { findHelper } from "../db/repositories/helpers.js";
import { callbackArgs, callbackData, callbackPattern } from "../src/bot/callback-data.js";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { escapeHtml } from "../src/bot/html.js";
import { DRAFT_STEPS, nextDraftStep, type CompleteHelperDraft, type DraftStep, type HelperDraft } from "../src/domain/helper-profile.js";
import { submitApplication } from "../src/services/helper-applications.js";
import { approximateArea, categoryLabels } from "../src/services/helper-cards.js";
import { draftFromHelper, saveProfileEdit } from "../src/services/helper-settings.js";
import { askStep } from "./helper-steps.js";
import { buttonAnswer, waitForAnswer } from "./steps.js";

export type HelperSceneMode = "register" | "edit";

/**
 * "Become a helper" and "Edit profile": the same questions, then a review card. A registration
 * draft is saved after every answer, so leaving and coming back (or a restart) loses nothing.
 */
export function helperProfileScene(deps: BotDeps) {
  return async function helperProfile(conversation: Scene, ctx: SceneContext, mode: HelperSceneMode = "register"): Promise<void> {
    const userId = ctx.from!.id;
    const save = (draft: HelperDraft) => conversation.external(() => saveDraft(deps.db, userId, draft, deps.clock.now()));
    let draft: HelperDraft;

    if (mode === "edit") {
      const current = await conversation.external(() => draftFromHelper(deps, userId));
      if (!current) {
        await ctx.reply(ctx.t("helper-not-registered"));
        return;
      }
      draft = current;
    } else {
      const status = await conversation.external(async () => (await findHelper(deps.db, userId))?.status);
      if (status === "pending") {
        await ctx.reply(ctx.t("reg-already-pending"));
        return;
      }
      if (status === "approved" || status === "suspended") {
        await ctx.reply(ctx.t("reg-already-helper"));
        return;
      }
      draft = (await conversation.external(() => loadDraft(deps.db, userId))) ?? {};
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
      const complete = draft as CompleteHelperDraft;
      await ctx.reply(reviewCard(ctx, complete, mode), { parse_mode: "HTML", reply_markup: reviewKeyboard(ctx, mode) });
      const { value, ctx: answered } = await waitForAnswer(conversation, (c) =>
        buttonAnswer(c, callbackPattern("rev"), "scene-expected-button"),
      );
      const [action, field] = callbackArgs(value, "rev") ?? [];
      await answered.answerCallbackQuery();
      await answered.editMessageReplyMarkup({ reply_markup: undefined });

      if (action === "edit" && DRAFT_STEPS.includes(field as DraftStep)) {
        draft = await askStep(deps, conversation, ctx, field as DraftStep, draft, userId);
        if (mode === "register") await save(draft);
        continue;
      }
      if (action === "cancel") {
        if (mode === "register") await conversation.external(() => deleteDraft(deps.db, userId));
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
  await ctx.reply(ctx.t("reg-resume-prompt"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("reg-resume-continue"), callbackData("regres", "resume"))
      .text(ctx.t("reg-resume-restart"), callbackData("regres", "restart")),
  });
  const { value, ctx: answered } = await waitForAnswer(conversation, (c) =>
    buttonAnswer(c, callbackPattern("regres"), "scene-expected-button"),
  );
  await answered.answerCallbackQuery();
  await answered.editMessageReplyMarkup({ reply_markup: undefined });
  return callbackArgs(value, "regres")?.[0] === "restart" ? "restart" : "resume";
}

function reviewCard(ctx: SceneContext, draft: CompleteHelperDraft, mode: HelperSceneMode): string {
  const lines = [
    ctx.t(mode === "register" ? "reg-review-title" : "edit-review-title"),
    ctx.t("field-alias", { value: escapeHtml(draft.alias) }),
    ctx.t("field-categories", { value: escapeHtml(categoryLabels(ctx.t, draft.categories)) }),
  ];
  if (draft.categoriesNote) lines.push(ctx.t("field-categories-note", { value: escapeHtml(draft.categoriesNote) }));
  lines.push(ctx.t("field-profile", { value: escapeHtml(draft.profile) }));
  lines.push(ctx.t("field-photo", { value: ctx.t(draft.photoFileId ? "yes" : "no") }));
  lines.push(ctx.t("field-proofs", { count: draft.proofs.length }));
  if (draft.careerNote) lines.push(ctx.t("field-career", { value: escapeHtml(draft.careerNote) }));
  lines.push(ctx.t("field-location", { value: approximateArea(draft.location.latitude, draft.location.longitude) }));
  lines.push(ctx.t("field-radius", { km: draft.radiusKm }));
  if (mode === "register") lines.push("", ctx.t("reg-review-privacy"));
  return lines.join("\n");
}

function reviewKeyboard(ctx: SceneContext, mode: HelperSceneMode): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  DRAFT_STEPS.forEach((step, i) => {
    keyboard.text(ctx.t(`edit-field-${step}`), callbackData("rev", "edit", step));
    if (i % 3 === 2) keyboard.row();
  });
  return keyboard
    .row()
    .text(ctx.t(mode === "register" ? "reg-submit" : "edit-save"), callbackData("rev", "submit"))
    .text(ctx.t("cancel"), callbackData("rev", "cancel"));
}
