import { afterEach, describe, expect, it } from "vitest";
import { fanOutWithRelays, type FanOutWithRelays } from "../support/fan-out-with-relays.js";

/** Each is sent a notice and its map pin: 600 messages. */
const HELPERS = 300;
const RELAYED = 16;

/**
 * Replies and the outbox share Telegram's budget (the fake enforces ~30 msg/s and ~1 msg/s per
 * chat; the bot runs with its production limits): a big fan-out goes at nearly the whole rate,
 * and a matched pair chatting meanwhile is not kept waiting behind it.
 */
describe("one send budget for replies and the outbox", () => {
  let story: FanOutWithRelays | undefined;
  afterEach(async () => {
    await story?.bot.stop();
    await story?.fake.close();
  });

  it(
    `a ${2 * HELPERS}-message fan-out runs at ≥ 28 msg/s with no 429, and relayed messages meanwhile arrive within 100 ms`,
    { timeout: 180_000 },
    async () => {
      story = await fanOutWithRelays({ helpers: HELPERS, relayed: RELAYED });
      // Sora, a helper too, is told as well.
      expect(story.posted).toContain(`${HELPERS + 1} helpers nearby were told`);
      expect(story.notified).toBe(HELPERS);
      expect(story.delivered).toBe(2 * HELPERS);
      expect(story.rate, `${story.rate.toFixed(1)} msg/s`).toBeGreaterThanOrEqual(28);
      // Each relayed copy reached Telegram within 100 ms of Sora sending it, fan-out or not.
      expect(story.relayWaits).toHaveLength(RELAYED);
      expect(story.relayWaits.at(-1), `waits ${story.relayWaits.join(", ")} ms`).toBeLessThanOrEqual(100);
      expect(story.relayedReceived).toBe(RELAYED);
      expect(story.rateViolations).toEqual([]);
      story.fake.assertNoViolations();
    },
  );
});
