import { InlineKeyboard, Keyboard } from "grammy";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { escapeHtml } from "../src/telegram/html.js";
import { Actions } from "../src/ui/actions.js";
import { aliasAvailable } from "../src/services/helpers/settings.js";
import { userById } from "../src/services/users.js";
import {
  ALIAS_MAX,
  MAX_PROOFS,
  NOTE_MAX,
  PROFILE_MAX,
  aliasProblem,
  contactIn,
  normaliseAlias,
  type DraftStep,
  type HelperDraft,
} from "../src/domain/helper-profile.js";
import { formatTime } from "../src/ui/time.js";
import { beginStep } from "./resilient.js";
import { buttonAnswer, placeAnswer, textAnswer, waitForAnswer, waitForAnswerWithState, type StepInput } from "./steps.js";

/**
 * The registration questions, one function each. The edit scene runs the same ones, so a
 * helper changing a field sees the same question and the same rules as when registering.
 */
export async function askStep(
  deps: BotDeps,
  conversation: Scene,
  ctx: SceneContext,
  step: DraftStep,
  draft: HelperDraft,
  userId: number,
): Promise<HelperDraft> {
  beginStep(conversation);
  switch (step) {
    case "alias":
      return { ...draft, alias: await askAlias(deps, conversation, ctx, draft, userId) };
    case "categories":
      return { ...draft, ...(await askCategories(deps, conversation, ctx, draft)) };
    case "profile":
      return { ...draft, profile: await askProfile(conversation, ctx) };
    case "photo":
      return { ...draft, photoFileId: await askPhoto(conversation, ctx) };
    case "proofs":
      return { ...draft, ...(await askProofs(conversation, ctx)) };
    case "location":
      return { ...draft, location: await askLocation(deps, conversation, ctx) };
    case "radius":
      return { ...draft, radiusKm: await askRadius(deps, conversation, ctx) };
  }
}

async function askAlias(deps: BotDeps, conversation: Scene, ctx: SceneContext, draft: HelperDraft, userId: number): Promise<string> {
  const current = draft.alias ?? (await conversation.external(async (outside) => (await userById(outside.deps, userId))?.alias ?? ""));
  await ctx.reply(ctx.t("reg-alias-prompt", { alias: escapeHtml(current), max: ALIAS_MAX }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("reg-alias-keep", { alias: current }), Actions.registration.data("keep")),
  });
  const { value } = await waitForAnswer(conversation, async (c) => {
    if (c.callbackQuery) {
      if (Actions.registration.parse(c.callbackQuery.data)?.[0] !== "keep") return { hint: c.t("button-stale") };
      // An alias from before today's rules may not be kept as it is.
      const problem = aliasProblem(current);
      if (problem) return { hint: c.t(`alias-problem-${problem}`, { max: ALIAS_MAX }), alert: true };
      await c.answerCallbackQuery();
      return { value: current };
    }
    const text = textAnswer(c, 200, "reg-alias-hint");
    if (!("value" in text)) return text;
    const alias = normaliseAlias(text.value);
    const problem = aliasProblem(alias);
    if (problem) return { hint: c.t(`alias-problem-${problem}`, { max: ALIAS_MAX }) };
    if (!(await conversation.external((outside) => aliasAvailable(outside.deps, alias, userId)))) return { hint: c.t("alias-taken") };
    return { value: alias };
  });
  return value;
}

/**
 * Text requesters will read about a helper: like an alias, it must not lead to them outside the
 * bot. The hint quotes what was found, so it is clear what to take out.
 */
function contactFreeText(c: SceneContext, maxLength: number, hintKey: string): StepInput<string> {
  const text = textAnswer(c, maxLength, hintKey);
  if (!("value" in text)) return text;
  const contact = contactIn(text.value);
  return contact ? { hint: c.t(`text-problem-${contact.problem}`, { found: escapeHtml(contact.found) }) } : text;
}

function categoryKeyboard(ctx: SceneContext, categories: readonly string[], chosen: ReadonlySet<string>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  categories.forEach((code, i) => {
    keyboard.text(`${chosen.has(code) ? "✅ " : ""}${ctx.t(`category-${code}`)}`, Actions.registrationCategory.data(code));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(ctx.t("reg-categories-done"), Actions.registrationCategory.data("done"));
}

async function askCategories(
  deps: BotDeps,
  conversation: Scene,
  ctx: SceneContext,
  draft: HelperDraft,
): Promise<Pick<HelperDraft, "categories" | "categoriesNote">> {
  const all = deps.config.categories;
  const initial = (draft.categories ?? []).filter((c) => all.includes(c));
  const question = await ctx.reply(ctx.t("reg-categories-prompt"), { reply_markup: categoryKeyboard(ctx, all, new Set(initial)) });
  const { value: categories } = await waitForAnswerWithState(conversation, initial, async (c, chosen) => {
    const answer = buttonAnswer(c, Actions.registrationCategory, "reg-categories-hint");
    if (!("value" in answer)) return answer;
    const [code] = answer.value;
    if (code === "done") {
      if (chosen.length === 0) return { hint: c.t("reg-categories-empty"), alert: true };
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: undefined });
      return { value: all.filter((a) => chosen.includes(a)) };
    }
    if (!all.includes(code) || c.callbackQuery?.message?.message_id !== question.message_id) {
      return { hint: c.t("button-stale") };
    }
    const toggled = chosen.includes(code) ? chosen.filter((x) => x !== code) : [...chosen, code];
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: categoryKeyboard(c, all, new Set(toggled)) });
    return { state: toggled };
  });
  await ctx.reply(ctx.t("reg-categories-note-prompt", { max: NOTE_MAX }), {
    reply_markup: new InlineKeyboard().text(ctx.t("skip"), Actions.registration.data("skipnote")),
  });
  const { value: note } = await waitForAnswer<string | null>(conversation, async (c) => {
    if (Actions.registration.parse(c.callbackQuery?.data)?.[0] === "skipnote") {
      await c.answerCallbackQuery();
      return { value: null };
    }
    return contactFreeText(c, NOTE_MAX, "reg-categories-note-hint");
  });
  return { categories, categoriesNote: note };
}

async function askProfile(conversation: Scene, ctx: SceneContext): Promise<string> {
  await ctx.reply(ctx.t("reg-profile-prompt", { max: PROFILE_MAX }));
  const { value } = await waitForAnswer(conversation, (c) => contactFreeText(c, PROFILE_MAX, "reg-profile-hint"));
  return value;
}

async function askPhoto(conversation: Scene, ctx: SceneContext): Promise<string | null> {
  await ctx.reply(ctx.t("reg-photo-prompt"), {
    reply_markup: new InlineKeyboard().text(ctx.t("skip"), Actions.registration.data("skipphoto")),
  });
  const { value } = await waitForAnswer<string | null>(conversation, async (c) => {
    if (Actions.registration.parse(c.callbackQuery?.data)?.[0] === "skipphoto") {
      await c.answerCallbackQuery();
      return { value: null };
    }
    if (c.callbackQuery) return { hint: c.t("button-stale") };
    const sizes = c.message?.photo;
    // The largest size is last; admins should see the clearest one.
    if (sizes && sizes.length > 0) return { value: sizes[sizes.length - 1]!.file_id };
    return { hint: c.t("reg-photo-hint") };
  });
  return value;
}

async function askProofs(conversation: Scene, ctx: SceneContext): Promise<Pick<HelperDraft, "proofs" | "careerNote">> {
  const doneButton = () => new InlineKeyboard().text(ctx.t("reg-proofs-done"), Actions.registration.data("proofsdone"));
  await ctx.reply(ctx.t("reg-proofs-prompt", { max: MAX_PROOFS }), { reply_markup: doneButton() });
  const proofs: NonNullable<HelperDraft["proofs"]> = [];
  for (;;) {
    const { value } = await waitForAnswer<"done" | "added">(conversation, async (c) => {
      if (Actions.registration.parse(c.callbackQuery?.data)?.[0] === "proofsdone") {
        await c.answerCallbackQuery();
        return { value: "done" };
      }
      if (c.callbackQuery) return { hint: c.t("button-stale") };
      const photo = c.message?.photo?.at(-1);
      const document = c.message?.document;
      if (!photo && !document) return { hint: c.t("reg-proofs-hint") };
      proofs.push(photo ? { kind: "photo", fileId: photo.file_id } : { kind: "document", fileId: document!.file_id });
      return { value: "added" };
    });
    if (value === "done" || proofs.length >= MAX_PROOFS) break;
    await ctx.reply(ctx.t("reg-proofs-added", { count: proofs.length, max: MAX_PROOFS }), { reply_markup: doneButton() });
  }
  await ctx.reply(ctx.t("reg-career-prompt", { max: NOTE_MAX }), {
    reply_markup: new InlineKeyboard().text(ctx.t("skip"), Actions.registration.data("skipcareer")),
  });
  const { value: careerNote } = await waitForAnswer<string | null>(conversation, async (c) => {
    if (Actions.registration.parse(c.callbackQuery?.data)?.[0] === "skipcareer") {
      await c.answerCallbackQuery();
      return { value: null };
    }
    return contactFreeText(c, NOTE_MAX, "reg-career-hint");
  });
  return { proofs, careerNote };
}

async function askLocation(deps: BotDeps, conversation: Scene, ctx: SceneContext): Promise<NonNullable<HelperDraft["location"]>> {
  await ctx.reply(ctx.t("reg-location-prompt"), {
    reply_markup: new Keyboard().requestLocation(ctx.t("send-my-location")).resized().oneTime(),
  });
  const { value, ctx: answered } = await waitForAnswer(conversation, (c) => placeAnswer(c, "reg-location-hint"));
  const place = { latitude: value.latitude, longitude: value.longitude };
  if (!value.livePeriod) {
    await answered.reply(ctx.t("reg-location-saved"), { reply_markup: { remove_keyboard: true } });
    return place;
  }
  // A live location is followed from the start, exactly like one shared later.
  const liveUntil = (await conversation.external((outside) => outside.deps.clock.now())) + value.livePeriod * 1000;
  const until = formatTime(liveUntil, deps.config.timeZone);
  await answered.reply(ctx.t("reg-location-live-saved", { until }), { reply_markup: { remove_keyboard: true } });
  return { ...place, liveUntil };
}

async function askRadius(deps: BotDeps, conversation: Scene, ctx: SceneContext): Promise<number> {
  const presets = deps.config.limits.radiusPresetsKm;
  const keyboard = new InlineKeyboard();
  for (const km of presets) keyboard.text(`${km} km`, Actions.registrationRadius.data(km));
  await ctx.reply(ctx.t("reg-radius-prompt"), { reply_markup: keyboard });
  const { value } = await waitForAnswer(conversation, async (c) => {
    const answer = buttonAnswer(c, Actions.registrationRadius, "reg-radius-hint");
    if (!("value" in answer)) return answer;
    const [km] = answer.value;
    if (!presets.includes(km)) return { hint: c.t("button-stale") };
    await c.answerCallbackQuery();
    await c.editMessageText(c.t("reg-radius-chosen", { km }));
    return { value: km };
  });
  return value;
}
