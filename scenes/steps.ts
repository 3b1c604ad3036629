import type { Scene, SceneContext } from "../src/bot/context.js";
import { isValidCoordinate } from "../src/domain/geo.js";
import type { ArgType, ArgsOf } from "../src/telegram/callback-data.js";
import type { Action } from "../src/ui/actions.js";

/**
 * What a step makes of one update: an answer, a hint to re-ask with, or `handled` when the
 * step already reacted itself (e.g. a toggle it answered) and keeps waiting.
 */
export type StepInput<T> = { value: T } | { hint: string; alert?: boolean } | { handled: true };

/**
 * Waits until the user gives a valid answer. Wrong input gets its hint and the step goes on;
 * buttons from other steps are answered as stale so no tap is ever left spinning.
 */
export async function waitForAnswer<T>(
  conversation: Scene,
  parse: (ctx: SceneContext) => StepInput<T> | Promise<StepInput<T>>,
): Promise<{ value: T; ctx: SceneContext }> {
  for (;;) {
    const ctx = await conversation.wait();
    if (ctx.editedMessage || ctx.myChatMember) continue;
    const input = await parse(ctx);
    if ("value" in input) return { value: input.value, ctx };
    if ("handled" in input) continue;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: input.hint, show_alert: input.alert ?? false });
    else await ctx.reply(input.hint, { parse_mode: "HTML" });
  }
}

/** A message's text, or the hint every text step gives for stickers, photos and the like. */
export function textAnswer(ctx: SceneContext, maxLength: number, hintKey: string): StepInput<string> {
  if (ctx.callbackQuery) return { hint: ctx.t("button-stale") };
  const text = ctx.message?.text?.trim();
  if (text === undefined) return { hint: ctx.t("scene-expected-text", { hint: ctx.t(hintKey) }) };
  const length = [...text].length;
  if (length === 0) return { hint: ctx.t(hintKey) };
  if (length > maxLength) return { hint: ctx.t("scene-too-long", { length: String(length), max: String(maxLength) }) };
  return { value: text };
}

export interface SharedPlace {
  latitude: number;
  longitude: number;
  /** Seconds a live location keeps updating; undefined for a one-off pin or venue. */
  livePeriod?: number;
}

/** A location from the "send my location" button, a pin, a venue or a live location. */
export function placeAnswer(ctx: SceneContext, hintKey: string): StepInput<SharedPlace> {
  if (ctx.callbackQuery) return { hint: ctx.t("button-stale") };
  const message = ctx.message;
  const location = message?.venue?.location ?? message?.location;
  if (!location) return { hint: ctx.t(hintKey) };
  if (!isValidCoordinate(location.latitude, location.longitude)) return { hint: ctx.t("location-invalid") };
  return {
    value: {
      latitude: location.latitude,
      longitude: location.longitude,
      ...(message?.location?.live_period ? { livePeriod: message.location.live_period } : {}),
    },
  };
}

/** A press of this question's buttons, as the action's arguments; anything else gets the hint or "stale". */
export function buttonAnswer<const A extends readonly ArgType<unknown>[]>(
  ctx: SceneContext,
  action: Action<A>,
  hintKey: string,
): StepInput<ArgsOf<A>> {
  const data = ctx.callbackQuery?.data;
  if (data === undefined) return { hint: ctx.t(hintKey) };
  const args = action.parse(data);
  return args ? { value: args } : { hint: ctx.t("button-stale") };
}
