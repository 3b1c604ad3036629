import { describe, expect, it } from "vitest";
import { minutesLeft, parseFee, parseValidityMinutes } from "../../src/domain/requests.js";
import { RateLimiter } from "../../src/outbox/rate-limiter.js";

describe("request rules", () => {
  it("reads a custom validity in minutes or hours", () => {
    expect(parseValidityMinutes("45")).toBe(45);
    expect(parseValidityMinutes("90 min")).toBe(90);
    expect(parseValidityMinutes("2h")).toBe(120);
    expect(parseValidityMinutes("2시간")).toBe(120);
    expect(parseValidityMinutes("soon")).toBeUndefined();
    expect(parseValidityMinutes("-5")).toBeUndefined();
  });

  it("reads fees as whole credits only", () => {
    expect(parseFee("10")).toBe(10);
    expect(parseFee("ten")).toBeUndefined();
    expect(parseFee("1.5")).toBeUndefined();
  });

  it("never shows negative time left", () => {
    expect(minutesLeft(1_000_000, 1_000_000 - 90_000)).toBe(1);
    expect(minutesLeft(1_000_000, 2_000_000)).toBe(0);
  });
});

describe("outbox rate limiter", () => {
  it("allows a burst per chat, then one a second, and caps the global rate", () => {
    let now = 0;
    const limiter = new RateLimiter({ globalPerSecond: 4, globalBurst: 4, perChatPerSecond: 1, perChatBurst: 2 }, () => now);
    limiter.take(1);
    limiter.take(1);
    expect(limiter.waitFor(1)).toBe(1000);
    expect(limiter.waitFor(2)).toBe(0);
    limiter.take(2);
    limiter.take(3);
    // Four sent in no time: the global bucket is empty for every chat.
    expect(limiter.waitFor(4)).toBe(250);
    now = 1000;
    expect(limiter.waitFor(1)).toBe(0);
  });
});
