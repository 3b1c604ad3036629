import { confirmSafe, askToConfirmSafe } from "../../services/walks/safe.js";
import { followWalk } from "../../services/walks/location.js";
import { dropPrompt, pendingPrompt, setDuressPin, setSafetyPin, type SetPinResult } from "../../services/walks/pins.js";
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from "../../domain/walks.js";
import { Actions } from "../../ui/actions.js";
import { ratingCard } from "../../ui/chat-closing-cards.js";
import { mainMenu } from "../../ui/menus.js";
import { withEmergency } from "../../ui/walk-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";
import { showSafety } from "./walk-home.js";

/**
 * What must reach the walk-home code before anything else reads a message: a PIN the bot asked
 * for (never a scene's answer, never a chat message to relay, never kept: the message is deleted
 * and only its hash stored), "I'm safe", and the walk's live location moving.
 */
export const safetyFeature = new Feature({
  on: ["edited_message:location", BUTTONS],
  // A message may be a PIN only when the bot asked for one.
  when: (ctx) => ctx.message !== undefined && ctx.situation?.askedForPin === true,
});
const privateChats = safetyFeature.chatType("private");

const DIGITS = { min: String(PIN_MIN_DIGITS), max: String(PIN_MAX_DIGITS) };

/** The walk's live location moved: the last known place. The relay (after the scenes) moves the helper's copy. */
privateChats.on("edited_message:location", async (ctx, next) => {
  const { latitude, longitude } = ctx.editedMessage.location;
  await followWalk(ctx.deps, ctx.from.id, { messageId: ctx.editedMessage.message_id, latitude, longitude });
  await next();
});

onAction(safetyFeature, Actions.walkSafe, async (ctx, requestId) => {
  if (!(await askToConfirmSafe(ctx.deps, ctx.from.id, requestId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.reply(withEmergency(ctx.t, ctx.deps.config.walkHome.emergencyNumber, ctx.t("walk-pin-ask")), { parse_mode: "HTML" });
});

async function pinSetAnswer(ctx: BotContext, result: SetPinResult, purpose: "pin" | "duress"): Promise<void> {
  if (result === "not-a-pin") return void (await ctx.reply(ctx.t("safety-pin-shape", DIGITS)));
  if (result === "same-as-pin") return void (await ctx.reply(ctx.t("safety-duress-same")));
  if (result === "no-pin") return void (await ctx.reply(ctx.t("walk-needs-pin")));
  await ctx.reply(ctx.t(purpose === "pin" ? "safety-pin-saved" : "safety-duress-saved"));
  await showSafety(ctx);
}

privateChats.on("message", async (ctx, next) => {
  const prompt = await pendingPrompt(ctx.deps, ctx.from.id);
  if (!prompt) return next();
  const text = ctx.message.text;
  // A command leaves the question: the user went somewhere else.
  if (ctx.message.entities?.some((e) => e.type === "bot_command" && e.offset === 0)) {
    await dropPrompt(ctx.deps, ctx.from.id);
    return next();
  }
  if (text === undefined) return void (await ctx.reply(ctx.t("safety-pin-expected", DIGITS)));
  // Gone from the chat before anything else happens: nobody glancing at the phone reads it later.
  await ctx.deleteMessage().catch(() => undefined);
  const pin = text.trim();
  if (prompt.purpose === "pin") return pinSetAnswer(ctx, await setSafetyPin(ctx.deps, ctx.from.id, pin), "pin");
  if (prompt.purpose === "duress") return pinSetAnswer(ctx, await setDuressPin(ctx.deps, ctx.from.id, pin), "duress");
  const result = await confirmSafe(ctx.deps, ctx.from.id, pin);
  // Neutral: whoever watches the screen learns nothing from a refusal.
  if (result.kind === "wrong") return void (await ctx.reply(ctx.t("walk-pin-wrong")));
  if (result.kind === "gone") return void (await ctx.reply(ctx.t("walk-gone"), { reply_markup: mainMenu(ctx.t) }));
  await ctx.reply(withEmergency(ctx.t, ctx.deps.config.walkHome.emergencyNumber, ctx.t("walk-safe-done")), { parse_mode: "HTML" });
  if (result.rateChat) {
    const card = ratingCard(ctx.t, result.rateChat.chatId, result.rateChat.partnerAlias);
    await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
  }
});
