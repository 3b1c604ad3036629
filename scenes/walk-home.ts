import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import {
  DESTINATION_MAX,
  CHECK_IN_PRESETS_MINUTES,
  CHECK_IN_MAX_MINUTES,
  CHECK_IN_MIN_MINUTES,
  parseCheckInMinutes,
} from "../src/domain/walks.js";
import { startWalk, walkBlocker, type WalkBlocker } from "../src/services/walks/starting.js";
import { Actions } from "../src/ui/actions.js";
import { durationLabel } from "../src/ui/request-cards.js";
import {
  safeKeyboard,
  setPinKeyboard,
  withEmergency,
  walkCheckInPrompt,
  walkDestinationPrompt,
  walkLivePrompt,
  walkStartedCard,
} from "../src/ui/walk-cards.js";
import { beginStep } from "./resilient.js";
import { placeAnswer, type StepInput, textAnswer, waitForAnswer } from "./steps.js";

const BOUNDS = { min: String(CHECK_IN_MIN_MINUTES), max: String(CHECK_IN_MAX_MINUTES) };

/** Why no walk starts now, said with the way on: set a PIN, or end the walk already going. */
async function explainBlocker(ctx: SceneContext, blocker: WalkBlocker, emergencyNumber: string): Promise<void> {
  const html = (key: string) => withEmergency(ctx.t, emergencyNumber, ctx.t(key));
  if (blocker.reason === "walking") {
    await ctx.reply(html("walk-already"), { parse_mode: "HTML", reply_markup: safeKeyboard(ctx.t, blocker.requestId) });
    return;
  }
  if (blocker.reason === "restricted") {
    await ctx.reply(html("walk-restricted"), { parse_mode: "HTML" });
    return;
  }
  await ctx.reply(html("walk-needs-pin"), {
    parse_mode: "HTML",
    reply_markup: setPinKeyboard(ctx.t),
  });
}

/**
 * "Walk me home": a live location (a plain pin is not enough: the helper follows it), where to
 * (optional), when the user expects to be there (the check-in), then every opted-in helper near is
 * told at once. Nothing here is a draft: a walk is started in one go or not at all.
 */
export function walkHomeScene(deps: BotDeps) {
  return async function walk(conversation: Scene, ctx: SceneContext): Promise<void> {
    const userId = ctx.from!.id;
    const { emergencyNumber } = deps.config.walkHome;
    const blocker = await conversation.external((outside) => walkBlocker(outside.deps, userId));
    if (blocker) return explainBlocker(ctx, blocker, emergencyNumber);

    beginStep(conversation);
    await ctx.reply(walkLivePrompt(ctx.t, emergencyNumber), { parse_mode: "HTML" });
    const live = await waitForAnswer(conversation, (c): StepInput<{ latitude: number; longitude: number; livePeriod: number }> => {
      const place = placeAnswer(c, "walk-live-hint");
      if (!("value" in place)) return place;
      const { livePeriod } = place.value;
      return livePeriod === undefined ? { hint: c.t("walk-live-needed") } : { value: { ...place.value, livePeriod } };
    });
    const liveMessageId = live.ctx.message!.message_id;

    beginStep(conversation);
    const destinationPrompt = walkDestinationPrompt(ctx.t);
    await ctx.reply(destinationPrompt.text, { reply_markup: destinationPrompt.keyboard });
    const destination = await waitForAnswer<string | null>(conversation, (c) => {
      if (c.callbackQuery) {
        const [step] = Actions.walkStep.parse(c.callbackQuery.data) ?? [];
        return step === "skip" ? { value: null } : { hint: c.t("button-stale") };
      }
      return textAnswer(c, DESTINATION_MAX, "walk-destination-hint");
    });
    if (destination.ctx.callbackQuery) {
      await destination.ctx.answerCallbackQuery();
      await destination.ctx.editMessageReplyMarkup({ reply_markup: undefined });
    }

    beginStep(conversation);
    const checkInPrompt = walkCheckInPrompt(ctx.t);
    await ctx.reply(checkInPrompt.text, { reply_markup: checkInPrompt.keyboard });
    const checkIn = await waitForAnswer<number>(conversation, (c) => {
      if (c.callbackQuery) {
        const [step, minutes] = Actions.walkStep.parse(c.callbackQuery.data) ?? [];
        const preset = CHECK_IN_PRESETS_MINUTES.find((m) => m === minutes);
        return step === "checkin" && preset !== undefined ? { value: preset } : { hint: c.t("button-stale") };
      }
      const text = textAnswer(c, 20, "walk-checkin-hint");
      if (!("value" in text)) return text;
      const minutes = parseCheckInMinutes(text.value);
      return minutes === undefined ? { hint: c.t("walk-checkin-bounds", BOUNDS) } : { value: minutes };
    });
    if (checkIn.ctx.callbackQuery) {
      await checkIn.ctx.answerCallbackQuery();
      await checkIn.ctx.editMessageText(ctx.t("walk-checkin-chosen", { duration: durationLabel(ctx.t, checkIn.value) }));
    }

    const result = await conversation.external((outside) =>
      startWalk(outside.deps, userId, {
        place: { latitude: live.value.latitude, longitude: live.value.longitude },
        liveMessageId,
        livePeriodSeconds: live.value.livePeriod,
        destination: destination.value,
        checkInMinutes: checkIn.value,
      }),
    );
    if (!result.ok) return explainBlocker(ctx, result, emergencyNumber);
    const card = walkStartedCard(ctx.t, { ...result, timeZone: deps.config.timeZone, emergencyNumber });
    await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
  };
}
