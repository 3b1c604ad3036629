import { randomUUID } from "node:crypto";
import { Keyboard } from "grammy";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { REQUEST_FIELDS, type ReviewField } from "../src/domain/requests.js";
import { discardRequestDraft, loadRequestDraft, saveRequestDraft } from "../src/services/requests/drafts.js";
import { postingBlocker, postRequest, rememberPostedMessage, type RequestDraft } from "../src/services/requests/posting.js";
import { escapeHtml } from "../src/telegram/html.js";
import { Actions } from "../src/ui/actions.js";
import { ownRequest } from "../src/services/requests/mine.js";
import { postedCard } from "../src/ui/my-requests.js";
import { confirmationCard } from "../src/ui/request-cards.js";
import { beginStep } from "./resilient.js";
import { askToResume } from "./resume.js";
import { buttonAnswer, placeAnswer, waitForAnswer } from "./steps.js";
import { askCategory, askDescription, askFee, askHelpersWanted, askValidity, feeShortText } from "./request-steps.js";

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
    const blocker = await conversation.external((outside) => postingBlocker(outside.deps, userId));
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
    const save = (next: Draft) => conversation.external((outside) => saveRequestDraft(outside.deps, userId, next));
    const discard = () => conversation.external((outside) => discardRequestDraft(outside.deps, userId));
    const saved = await conversation.external((outside) => loadRequestDraft(outside.deps, userId));
    if (typeof againFrom === "number") {
      const old = await conversation.external((outside) => ownRequest(outside.deps, userId, againFrom));
      if (old) {
        draft = {
          category: old.category,
          description: old.description,
          place: { latitude: old.latitude, longitude: old.longitude },
          fee: old.fee,
          helpersWanted: old.helpersWanted,
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
      const result = await conversation.external((outside) => postRequest(outside.deps, userId, complete, postKey));
      if (result.ok) {
        // Run again after a crash, the post returns its recorded result and this runs again too.
        await discard();
        // The answer to the tap goes out at once; its id is remembered so the request's changes edit it.
        const card = postedCard(ctx.t, { id: result.requestId, category: complete.category }, result.notified);
        const params = { parse_mode: "HTML" as const, reply_markup: card.keyboard };
        const sent = await ctx.reply(card.text, params);
        const posted = { requestId: result.requestId, messageId: sent.message_id, params: { text: card.text, ...params } };
        await conversation.external((outside) => rememberPostedMessage(outside.deps, userId, posted));
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

function missing(draft: Draft, field: (typeof REQUEST_FIELDS)[number]): boolean {
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
  field: ReviewField,
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
    case "helpers":
      return { ...draft, helpersWanted: await askHelpersWanted(conversation, ctx) };
  }
}
