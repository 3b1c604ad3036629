import { InlineKeyboard } from "grammy";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import {
  DESCRIPTION_MAX,
  FEE_MAX,
  FEE_PRESETS,
  HELPERS_WANTED_MAX,
  parseFee,
  parseHelpersWanted,
  parseValidityMinutes,
} from "../src/domain/requests.js";
import { personalDetailIn } from "../src/domain/personal-details.js";
import { spendableCredits } from "../src/services/requests/posting.js";
import { escapeHtml } from "../src/telegram/html.js";
import { Actions } from "../src/ui/actions.js";
import { durationLabel } from "../src/ui/request-cards.js";
import { buttonAnswer, type StepInput, textAnswer, waitForAnswer } from "./steps.js";

// The questions of the ask-for-help scene, one function each; scenes/post-request.ts puts them in order.

/**
 * The description, and a warning when it seems to hold a phone number, an address or the like:
 * everyone nearby reads it. The requester keeps it or writes it again (typing a new one will do).
 */
export async function askDescription(conversation: Scene, ctx: SceneContext): Promise<string> {
  await ctx.reply(ctx.t("ask-description-prompt", { max: String(DESCRIPTION_MAX) }));
  let { value: description } = await waitForAnswer(conversation, (c) => textAnswer(c, DESCRIPTION_MAX, "ask-description-hint"));
  for (;;) {
    const personal = personalDetailIn(description);
    if (!personal) return description;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("ask-description-keep"), Actions.askDescriptionWarning.data("keep"))
      .text(ctx.t("ask-description-rewrite"), Actions.askDescriptionWarning.data("rewrite"));
    const what = ctx.t(`personal-${personal.detail}`);
    const warning = await ctx.reply(ctx.t("ask-description-personal", { what, found: escapeHtml(personal.found) }), {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
    const { value: answer, ctx: answered } = await waitForAnswer<"keep" | "rewrite" | { text: string }>(conversation, (c) => {
      if (!c.callbackQuery) {
        const text = textAnswer(c, DESCRIPTION_MAX, "ask-description-choose");
        return "value" in text ? { value: { text: text.value } } : text;
      }
      const pressed = buttonAnswer(c, Actions.askDescriptionWarning, "ask-description-choose");
      return "value" in pressed ? { value: pressed.value[0] } : pressed;
    });
    // The warning is answered: its buttons go, so they cannot answer a later warning.
    await ctx.api.editMessageReplyMarkup(warning.chat.id, warning.message_id);
    if (typeof answer === "object") {
      description = answer.text;
      continue;
    }
    await answered.answerCallbackQuery();
    if (answer === "keep") {
      await ctx.reply(ctx.t("ask-description-kept"));
      return description;
    }
    await ctx.reply(ctx.t("ask-description-prompt", { max: String(DESCRIPTION_MAX) }));
    description = (await waitForAnswer(conversation, (c) => textAnswer(c, DESCRIPTION_MAX, "ask-description-hint"))).value;
  }
}

export async function askCategory(deps: BotDeps, conversation: Scene, ctx: SceneContext): Promise<string> {
  const keyboard = new InlineKeyboard();
  deps.config.categories.forEach((code, i) => {
    keyboard.text(ctx.t(`category-${code}`), Actions.askCategory.data(code));
    if (i % 2 === 1) keyboard.row();
  });
  // Any copy of this question answers it: after a restart the same question may have been asked twice.
  await ctx.reply(ctx.t("ask-category-prompt"), { reply_markup: keyboard });
  const { value, ctx: answered } = await waitForAnswer(conversation, (c) => {
    const answer = buttonAnswer(c, Actions.askCategory, "ask-category-hint");
    if (!("value" in answer)) return answer;
    const [code] = answer.value;
    return deps.config.categories.includes(code) ? { value: code } : { hint: c.t("button-stale") };
  });
  await answered.answerCallbackQuery();
  await answered.editMessageText(ctx.t("ask-category-chosen", { category: ctx.t(`category-${value}`) }));
  return value;
}

export async function askValidity(deps: BotDeps, conversation: Scene, ctx: SceneContext): Promise<number> {
  const { validityPresetsMinutes, validityMinMinutes, validityMaxMinutes } = deps.config.limits;
  const keyboard = new InlineKeyboard();
  for (const minutes of validityPresetsMinutes) keyboard.text(durationLabel(ctx.t, minutes), Actions.askValidity.data(String(minutes)));
  keyboard.row().text(ctx.t("ask-validity-other"), Actions.askValidity.data("other"));
  await ctx.reply(ctx.t("ask-validity-prompt"), { reply_markup: keyboard });
  const bounds = { min: String(validityMinMinutes), max: String(validityMaxMinutes) };
  /** A typed number of minutes within the bounds. */
  const typedMinutes = (c: SceneContext): StepInput<number> => {
    const text = textAnswer(c, 20, "ask-validity-hint");
    if (!("value" in text)) return text;
    const minutes = parseValidityMinutes(text.value);
    return minutes !== undefined && minutes >= validityMinMinutes && minutes <= validityMaxMinutes
      ? { value: minutes }
      : { hint: c.t("ask-validity-bounds", bounds) };
  };
  const { value, ctx: answered } = await waitForAnswer<number | "other">(conversation, (c) => {
    if (c.callbackQuery) {
      const [arg] = Actions.askValidity.parse(c.callbackQuery.data) ?? [];
      if (arg === "other") return { value: "other" };
      const minutes = Number(arg);
      return validityPresetsMinutes.includes(minutes) ? { value: minutes } : { hint: c.t("button-stale") };
    }
    // Typing a number right away is as good as pressing "Other" first.
    return typedMinutes(c);
  });
  if (answered.callbackQuery) await answered.answerCallbackQuery();
  if (value !== "other") {
    if (answered.callbackQuery) await answered.editMessageText(ctx.t("ask-validity-chosen", { duration: durationLabel(ctx.t, value) }));
    return value;
  }
  await ctx.reply(ctx.t("ask-validity-custom", bounds));
  const { value: custom } = await waitForAnswer(conversation, typedMinutes);
  return custom;
}

/** A fee above what is free to promise: how much is free, and how to top up (/topup, or config ADMIN_CONTACT). */
export function feeShortText(deps: BotDeps, ctx: SceneContext, available: number, missing: number, userId: number): string {
  const contact = deps.config.adminContact;
  const topUp = deps.config.payments.providerToken
    ? ctx.t("top-up-buy")
    : contact
      ? ctx.t("top-up-contact", { contact: escapeHtml(contact), id: String(userId) })
      : ctx.t("top-up-ask-admin", { id: String(userId) });
  return ctx.t("ask-fee-short", { available, missing, topUp });
}

export async function askFee(deps: BotDeps, conversation: Scene, ctx: SceneContext, userId: number): Promise<number> {
  // Credits already promised to other open requests are not offered again.
  const available = await conversation.external((outside) => spendableCredits(outside.deps, userId));
  const keyboard = new InlineKeyboard();
  for (const fee of FEE_PRESETS.filter((f) => f <= available)) {
    keyboard.text(fee === 0 ? ctx.t("ask-fee-none") : String(fee), Actions.askFee.data(fee));
  }
  await ctx.reply(ctx.t("ask-fee-prompt", { available }), { reply_markup: keyboard });
  const { value, ctx: answered } = await waitForAnswer<number>(conversation, async (c) => {
    let fee: number | undefined;
    if (c.callbackQuery) {
      fee = Actions.askFee.parse(c.callbackQuery.data)?.[0];
      if (fee === undefined || !(FEE_PRESETS as readonly number[]).includes(fee)) return { hint: c.t("button-stale") };
    } else {
      const text = textAnswer(c, 10, "ask-fee-hint");
      if (!("value" in text)) return text;
      fee = parseFee(text.value);
      if (fee === undefined || fee > FEE_MAX) return { hint: c.t("ask-fee-hint") };
    }
    if (fee <= available) return { value: fee };
    // Credits may have come in since the question (a /topup without leaving the scene): ask again.
    const availableNow = await conversation.external((outside) => spendableCredits(outside.deps, userId));
    if (fee <= availableNow) return { value: fee };
    // It names the account number to give an admin: a message keeps it, a toast would not.
    return { hint: feeShortText(deps, c, availableNow, fee - availableNow, userId), asMessage: true };
  });
  if (answered.callbackQuery) {
    await answered.answerCallbackQuery();
    // The question becomes its answer, so its buttons cannot be pressed again.
    await answered.editMessageText(value > 0 ? ctx.t("request-fee", { fee: value }) : ctx.t("request-no-fee"), {
      parse_mode: "HTML",
    });
  }
  return value;
}

/** How many helpers: asked only from the confirmation card, since most requests need one. */
export async function askHelpersWanted(conversation: Scene, ctx: SceneContext): Promise<number> {
  const keyboard = new InlineKeyboard();
  for (let n = 1; n <= HELPERS_WANTED_MAX; n++) keyboard.text(String(n), Actions.askHelpers.data(n));
  await ctx.reply(ctx.t("ask-helpers-prompt", { max: HELPERS_WANTED_MAX }), { reply_markup: keyboard });
  const { value, ctx: answered } = await waitForAnswer<number>(conversation, (c) => {
    const hint = { hint: c.t("ask-helpers-hint", { max: HELPERS_WANTED_MAX }) };
    let helpers: number | undefined;
    if (c.callbackQuery) {
      helpers = Actions.askHelpers.parse(c.callbackQuery.data)?.[0];
      if (helpers === undefined) return { hint: c.t("button-stale") };
    } else {
      const text = textAnswer(c, 10, "ask-helpers-hint");
      if (!("value" in text)) return text;
      helpers = parseHelpersWanted(text.value);
    }
    return helpers !== undefined && helpers >= 1 && helpers <= HELPERS_WANTED_MAX ? { value: helpers } : hint;
  });
  if (answered.callbackQuery) {
    await answered.answerCallbackQuery();
    await answered.editMessageText(ctx.t("ask-field-helpers", { helpers: value }));
  }
  return value;
}
