import type { BotContext, Scene, SceneContext } from "../src/bot/context.js";
import { isValidCoordinate } from "../src/domain/geo.js";
import type { ArgType, ArgsOf } from "../src/telegram/callback-data.js";
import type { Action } from "../src/ui/actions.js";

/**
 * What a step makes of one update: an answer, or a hint to re-ask with. A hint goes to a press
 * as a toast (or an `alert`), to anything else as a message; `asMessage` sends it to the chat
 * for a press too, when it is too long or too useful for a toast.
 */
export type StepInput<T> = { value: T } | { hint: string; alert?: boolean; asMessage?: boolean };

/**
 * Waits until the user gives a valid answer. Wrong input gets its hint and the step goes on;
 * buttons from other steps are answered as stale so no tap is ever left spinning.
 *
 * A scene replays every update it kept on each step, so what a step rejects is not kept: after
 * the hint, `skip` puts the replay log back as it was before the update arrived. The hint was
 * sent live and is never replayed, and a restart resumes at the same wait.
 */
export async function waitForAnswer<T>(
  conversation: Scene,
  parse: (ctx: SceneContext) => StepInput<T> | Promise<StepInput<T>>,
): Promise<{ value: T; ctx: SceneContext }> {
  const ctx = await conversation.wait();
  // An edit (a live location moving) answers nothing, but it still moves a helper: the features
  // after the scenes take it. A membership change answers nothing either.
  if (ctx.editedMessage) return await conversation.skip({ next: true });
  if (ctx.myChatMember) return await conversation.skip({ next: false });
  const input = await parse(ctx);
  if ("value" in input) return { value: input.value, ctx };
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery(input.asMessage ? undefined : { text: input.hint, show_alert: input.alert ?? false });
  if (!ctx.callbackQuery || input.asMessage) await ctx.reply(input.hint, { parse_mode: "HTML" });
  return await conversation.skip({ next: false });
}

/** Replacements of a step's state, handed from the update that made them to the replay after it. */
const carried = new WeakMap<BotContext, unknown>();

/**
 * For a step whose answer the user builds up while it keeps waiting (toggling categories):
 * `parse` may return a new `state` instead of an answer. The step then rewinds to before its
 * state was read and reads the new one, so the log holds the latest state, not every change.
 * The state must survive JSON: it is stored in the log.
 */
export async function waitForAnswerWithState<S, T>(
  conversation: Scene,
  initial: S,
  parse: (ctx: SceneContext, state: S) => StepInput<T> | { state: S } | Promise<StepInput<T> | { state: S }>,
): Promise<{ value: T; ctx: SceneContext }> {
  const checkpoint = conversation.checkpoint();
  // Runs live only on arriving at the step and right after a rewind; otherwise it is replayed.
  const state = await conversation.external((outer) => {
    const next = carried.has(outer) ? (carried.get(outer) as S) : initial;
    carried.delete(outer);
    return next;
  });
  return waitForAnswer(conversation, async (ctx) => {
    const input = await parse(ctx, state);
    if (!("state" in input)) return input;
    await conversation.external((outer) => void carried.set(outer, input.state));
    return await conversation.rewind(checkpoint);
  });
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
