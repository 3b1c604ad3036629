import { describe, expect, it } from "vitest";
import { RateLimiter, TELEGRAM_LIMITS } from "../../src/outbox/rate-limiter.js";
import { DEFAULT_LIMITS, RateLimiter as TelegramFloodControl } from "../support/fake-telegram/rate-limit.js";

describe("outbox rate limiter", () => {
  it("allows a burst per chat, then one a second, and caps the global rate", () => {
    let now = 0;
    const limiter = new RateLimiter({ globalPerSecond: 4, globalBurst: 4, perChatPerSecond: 1, perChatBurst: 2 }, () => now);
    // Long after the start, every bucket has filled up.
    now = 10_000;
    limiter.take(1);
    limiter.take(1);
    expect(limiter.waitFor(1)).toBe(1000);
    expect(limiter.waitFor(2)).toBe(0);
    limiter.take(2);
    limiter.take(3);
    // Four sent in no time: the global bucket is empty for every chat.
    expect(limiter.waitFor(4)).toBe(250);
    now = 11_000;
    expect(limiter.waitFor(1)).toBe(0);
  });

  it("starts at the steady rate: one message per chat at once, no burst in the first second after a (re)start", () => {
    let now = 5_000;
    const limiter = new RateLimiter({ globalPerSecond: 4, globalBurst: 4, perChatPerSecond: 1, perChatBurst: 2 }, () => now);
    // The global bucket starts empty; a chat's one message goes as soon as the global bucket allows.
    expect(limiter.waitFor(1)).toBe(250);
    now += 250;
    expect(limiter.waitFor(1)).toBe(0);
    limiter.take(1);
    // Then the chat's steady pace (a second after its start), not its burst of two.
    expect(limiter.waitFor(1)).toBe(750);
    // A chat first written to later starts as if emptied at the start too, so it is full by now.
    now += 3_000;
    limiter.take(7);
    expect(limiter.waitFor(7)).toBe(0);
  });

  /**
   * A fan-out at full speed, a restart, and the rest of it: Telegram's flood control (the fake's
   * rule, by the same clock) counts the old process's last second together with the new one's.
   */
  function fanOutAcrossRestart(restartAt: number): number {
    let now = 0;
    const telegram = new TelegramFloodControl(DEFAULT_LIMITS, () => now);
    let refused = 0;
    let chat = 0;
    const send = (limiter: RateLimiter, until: number) => {
      while (now < until) {
        const target = 1_000 + (chat % 300);
        const wait = limiter.waitFor(target);
        if (wait > 0) {
          now += wait;
          continue;
        }
        limiter.take(target);
        if (!telegram.consume(target).ok) refused++;
        chat++;
      }
    };
    send(new RateLimiter(TELEGRAM_LIMITS, () => now), restartAt);
    send(new RateLimiter(TELEGRAM_LIMITS, () => now), restartAt + 10_000);
    return refused;
  }

  it("a fan-out that goes on after a restart gets no 429s", () => {
    for (const restartAt of [300, 1_000, 3_000, 10_000]) expect(fanOutAcrossRestart(restartAt), `restart at ${restartAt} ms`).toBe(0);
  });
});
