import { expect } from "vitest";
import type { Json } from "./fake-telegram/types.js";
import type { Persona } from "./fake-telegram/index.js";
import type { World } from "./e2e.js";

/** One answer of a scene, with how the bot's answer to it shows and which of its calls to cut. */
export interface FaultyStep {
  act(): Promise<unknown>;
  /** Resolves once the bot's answer to this step arrived. */
  answered(): Promise<unknown>;
  /** The bot's first call of this kind after the step is applied by Telegram, then its connection drops. */
  drop: string;
  dropMatch?: (params: Json) => boolean;
}

/**
 * Runs a step as bad luck would: the bot's call is applied but its answer lost (the bot retries),
 * and then Telegram delivers the user's update a second time. Afterwards nothing more may
 * happen: the second delivery is recognised and the scene stays where it is.
 */
export async function stepWithFaults(world: World, persona: Persona, step: FaultyStep): Promise<void> {
  const dropped = world.fake.dropResponse(step.drop, step.dropMatch);
  await step.act();
  await dropped;
  await step.answered();
  await world.settle();
  const seen = persona.inbox.length;
  const edits = JSON.stringify(persona.inbox.map((m) => [m.text, m.raw.reply_markup]));
  world.fake.redeliverLast();
  await world.settle();
  expect(persona.inbox.length, "a second delivery of the same update changes nothing").toBe(seen);
  expect(JSON.stringify(persona.inbox.map((m) => [m.text, m.raw.reply_markup]))).toBe(edits);
}

/**
 * A dropped answerCallbackQuery is retried, and Telegram refuses the second answer: the only
 * rule a bot cannot help breaking when its first answer's reply was lost.
 */
export function expectOnlyRepeatedAnswers(world: World): void {
  const violations = world.fake.takeViolations();
  const others = violations.filter((v) => v.rule !== "callback query answered twice");
  expect(others.map((v) => `${v.rule}: ${v.method} ${v.description}`)).toEqual([]);
}
