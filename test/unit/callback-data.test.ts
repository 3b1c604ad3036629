import { describe, expect, it } from "vitest";
import { callbackArgs, callbackData, callbackPattern } from "../../src/bot/callback-data.js";

describe("callback data", () => {
  it("round-trips an action and its arguments", () => {
    const data = callbackData("approve", 123456789);
    expect(callbackPattern("approve").test(data)).toBe(true);
    expect(callbackArgs(data, "approve")).toEqual(["123456789"]);
  });

  it("does not confuse an action with another that shares its prefix", () => {
    expect(callbackPattern("lang").test(callbackData("language", "en"))).toBe(false);
    expect(callbackArgs(callbackData("language", "en"), "lang")).toBeUndefined();
  });

  it("rejects forged or old-version data", () => {
    expect(callbackArgs("0:lang:en", "lang")).toBeUndefined();
    expect(callbackArgs("lang:en", "lang")).toBeUndefined();
    expect(callbackArgs(undefined, "lang")).toBeUndefined();
  });

  it("refuses to build data over Telegram's 64 bytes", () => {
    expect(() => callbackData("x", "가".repeat(30))).toThrow(/64 bytes/);
  });
});
