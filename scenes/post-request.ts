import { randomUUID } from "node:crypto";
import { InlineKeyboard, Keyboard } from "grammy";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import {
  DESCRIPTION_MAX,
  FEE_MAX,
  FEE_PRESETS,
  REQUEST_FIELDS,
  type RequestField,
  parseFee,
  parseValidityMinutes,
} from "../src/domain/requests.js";
import { personalDetailIn } from "../src/domain/personal-details.js";
import { discardRequestDraft, loadRequestDraft, saveRequestDraft } from "../src/services/requests/drafts.js";
import {
  postingBlocker,
  postRequest,
  rememberPostedMessage,
  spendableCredits,
  type RequestDraft,
} from "../src/services/requests/posting.js";
import { escapeHtml } from "../src/telegram/html.js";
import { Actions } from "../src/ui/actions.js";
import { ownRequest } from "../src/services/requests/mine.js";
import { postedCard } from "../src/ui/my-requests.js";
import { confirmationCard, durationLabel } from "../src/ui/request-cards.js";
import { beginStep } from "./resilient.js";
import { askToResume } from "./resume.js";
import { buttonAnswer, placeAnswer, textAnswer, waitForAnswer } from "./steps.js";

type Draft = Partial<RequestDraft>;

/**
 * "Ask for help": category, description, place, validity, fee, then a confirmation card. The
 * draft is saved after every answer; `resume` picks a saved one up without asking (the user
 * pressed Continue under "your draft is kept"), otherwise a saved one is offered.
 */
export function postRequestScene(deps: BotDeps) {
  return async function ask(conversation: Scene, ctx: SceneContext, againFrom?: number | null, resume = false): Promise<void> {
    const userId = ctx.from!.id;
    // Names this draft: asking "Post" again after a failed step finds the request already posted.
    const postKey = await conversation.external(() => randomUUID());
    const blocker = await conversation.external(() => postingBlocker(deps, userId));
    if (blocker) {
      await ctx.reply(
        blocker.reason === "restricted"
          ? ctx.t("ask-restricted", { reason: escapeHtml(blocker.because) })
          : blocker.reason === "penalties"
            ? ctx.t("ask-penalties", { penalties: blocker.penalties, limit: blocker.limit })
            : ctx.t("ask-too-many-open", { limit: String(deps.config.limits.maxOpenRequestsPerUser) }),
        { parse_mode: "HTML" },
      );
      return;
    }
    let draft: Draft = {};
    const save = (next: Draft) => conversation.external(() => saveRequestDraft(deps, userId, next));
    const discard = () => conversation.external(() => discardRequestDraft(deps, userId));
    const saved = await conversation.external(() => loadRequestDraft(deps, userId));
    if (typeof againFrom === "number") {
      const old = await conversation.external(() => ownRequest(deps, userId, againFrom));
      if (old) {
        draft = {
          category: old.category,
          description: old.description,
          place: { latitude: old.latitude, longitude: old.longitude },
          fee: old.fee,
        };
        await save(draft);
      }
    } else if (saved && Object.keys(saved).length > 0) {
      if (resume || (await askToResume(conversation, ctx, "ask-resume-prompt", Actions.askResume)) === "resume") draft = saved;
      else await discard();
    }
    if (Object.keys(draft).length === 0) await ctx.reply(ctx.t("ask-intro"));
    for (const field of REQUEST_FIELDS) {
      if (missing(draft, field)) {
        draft = await askField(deps, conversation, ctx, field, draft, userId);
        await save(draft);
      }
    }
    for (;;) {
      beginStep(conversation);
      const complete = draft as RequestDraft;
      const card = confirmationCard(ctx.t, complete);
      await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
      const { value, ctx: answered } = await waitForAnswer(conversation, (c) =>
        buttonAnswer(c, Actions.askReview, "scene-expected-button"),
      );
      const [action, field] = value;
      await answered.answerCallbackQuery();
      await answered.editMessageReplyMarkup({ reply_markup: undefined });
      if (action === "edit" && field !== undefined) {
        draft = await askField(deps, conversation, ctx, field, draft, userId);
        await save(draft);
        continue;
      }
      if (action === "cancel") {
        await discard();
        await ctx.reply(ctx.t("ask-cancelled"));
        return;
      }
      const result = await conversation.external(() => postRequest(deps, userId, complete, postKey));
      if (result.ok) {
        // Run again after a crash, the post returns its recorded result and this runs again too.
        await discard();
        // The answer to the tap goes out at once; its id is remembered so the request's changes edit it.
        const card = postedCard(ctx.t, { id: result.requestId, category: complete.category }, result.notified);
        const params = { parse_mode: "HTML" as const, reply_markup: card.keyboard };
        const sent = await ctx.reply(card.text, params);
        const posted = { requestId: result.requestId, messageId: sent.message_id, params: { text: card.text, ...params } };
        await conversation.external(() => rememberPostedMessage(deps, userId, posted));
        return;
      }
      if (result.reason === "too-many-open") {
        await ctx.reply(ctx.t("ask-too-many-open", { limit: String(result.limit) }), { parse_mode: "HTML" });
        return;
      }
      if (result.reason === "restricted") {
        await ctx.reply(ctx.t("ask-restricted", { reason: escapeHtml(result.because) }), { parse_mode: "HTML" });
        return;
      }
      if (result.reason === "penalties") {
        await ctx.reply(ctx.t("ask-penalties", { penalties: result.penalties, limit: result.limit }), { parse_mode: "HTML" });
        return;
      }
      await ctx.reply(feeShortText(deps, ctx, result.available, result.missing, userId), { parse_mode: "HTML" });
      draft = await askField(deps, conversation, ctx, "fee", draft, userId);
      await save(draft);
    }
  };
}

function missing(draft: Draft, field: RequestField): boolean {
  switch (field) {
    case "category":
      return draft.category === undefined;
    case "description":
      return draft.description === undefined;
    case "place":
      return draft.place === undefined;
    case "validity":
      return draft.validityMinutes === undefined;
    case "fee":
      return draft.fee === undefined;
  }
}

async function askField(
  deps: BotDeps,
  conversation: Scene,
  ctx: SceneContext,
  field: RequestField,
  draft: Draft,
  userId: number,
): Promise<Draft> {
  beginStep(conversation);
  switch (field) {
    case "category":
      return { ...draft, category: await askCategory(deps, conversation, ctx) };
    case "description":
      return { ...draft, description: await askDescription(conversation, ctx) };
    case "place": {
      await ctx.reply(ctx.t("ask-place-prompt"), {
        reply_markup: new Keyboard().requestLocation(ctx.t("send-my-location")).resized().oneTime(),
      });
      const { value, ctx: answered } = await waitForAnswer(conversation, (c) => placeAnswer(c, "ask-place-hint"));
      await answered.reply(ctx.t("ask-place-saved"), { reply_markup: { remove_keyboard: true } });
      return { ...draft, place: { latitude: value.latitude, longitude: value.longitude } };
    }
    case "validity":
      return { ...draft, validityMinutes: await askValidity(deps, conversation, ctx) };
    case "fee":
      return { ...draft, fee: await askFee(deps, conversation, ctx, userId) };
  }
}

/**
 * The description, and a warning when it seems to hold a phone number, an address or the like:
 * everyone nearby reads it. The requester keeps it or writes it again (typing a new one will do).
 */
async function askDescription(conversation: Scene, ctx: SceneContext): Promise<string> {
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

async function askCategory(deps: BotDeps, conversation: Scene, ctx: SceneContext): Promise<string> {
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

async function askValidity(deps: BotDeps, conversation: Scene, ctx: SceneContext): Promise<number> {
  const { validityPresetsMinutes, validityMinMinutes, validityMaxMinutes } = deps.config.limits;
  const keyboard = new InlineKeyboard();
  for (const minutes of validityPresetsMinutes) keyboard.text(durationLabel(ctx.t, minutes), Actions.askValidity.data(String(minutes)));
  keyboard.row().text(ctx.t("ask-validity-other"), Actions.askValidity.data("other"));
  await ctx.reply(ctx.t("ask-validity-prompt"), { reply_markup: keyboard });
  const bounds = { min: String(validityMinMinutes), max: String(validityMaxMinutes) };
  const { value, ctx: answered } = await waitForAnswer<number | "other">(conversation, (c) => {
    if (c.callbackQuery) {
      const [arg] = Actions.askValidity.parse(c.callbackQuery.data) ?? [];
      if (arg === "other") return { value: "other" };
      const minutes = Number(arg);
      return validityPresetsMinutes.includes(minutes) ? { value: minutes } : { hint: c.t("button-stale") };
    }
    // Typing a number right away is as good as pressing "Other" first.
    const text = textAnswer(c, 20, "ask-validity-hint");
    if (!("value" in text)) return text;
    const minutes = parseValidityMinutes(text.value);
    return minutes !== undefined && minutes >= validityMinMinutes && minutes <= validityMaxMinutes
      ? { value: minutes }
      : { hint: c.t("ask-validity-bounds", bounds) };
  });
  if (answered.callbackQuery) await answered.answerCallbackQuery();
  if (value !== "other") {
    if (answered.callbackQuery) await answered.editMessageText(ctx.t("ask-validity-chosen", { duration: durationLabel(ctx.t, value) }));
    return value;
  }
  await ctx.reply(ctx.t("ask-validity-custom", bounds));
  const { value: custom } = await waitForAnswer(conversation, (c) => {
    const text = textAnswer(c, 20, "ask-validity-hint");
    if (!("value" in text)) return text;
    const minutes = parseValidityMinutes(text.value);
    return minutes !== undefined && minutes >= validityMinMinutes && minutes <= validityMaxMinutes
      ? { value: minutes }
      : { hint: c.t("ask-validity-bounds", bounds) };
  });
  return custom;
}

/** A fee above what is free to promise: how much is free, and how to top up (config ADMIN_CONTACT). */
function feeShortText(deps: BotDeps, ctx: SceneContext, available: number, missing: number, userId: number): string {
  const contact = deps.config.adminContact;
  const topUp = contact
    ? ctx.t("top-up-contact", { contact: escapeHtml(contact), id: String(userId) })
    : ctx.t("top-up-ask-admin", { id: String(userId) });
  return ctx.t("ask-fee-short", { available, missing, topUp });
}

async function askFee(deps: BotDeps, conversation: Scene, ctx: SceneContext, userId: number): Promise<number> {
  // Credits already promised to other open requests are not offered again.
  const available = await conversation.external(() => spendableCredits(deps, userId));
  const keyboard = new InlineKeyboard();
  for (const fee of FEE_PRESETS.filter((f) => f <= available)) {
    keyboard.text(fee === 0 ? ctx.t("ask-fee-none") : String(fee), Actions.askFee.data(fee));
  }
  await ctx.reply(ctx.t("ask-fee-prompt", { available }), { reply_markup: keyboard });
  const { value, ctx: answered } = await waitForAnswer<number>(conversation, (c) => {
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
    // It names the account number to give an admin: a message keeps it, a toast would not.
    return { hint: feeShortText(deps, c, available, fee - available, userId), asMessage: true };
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
