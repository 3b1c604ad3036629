import { describe, expect, it } from "vitest";
import { defineAction, id, oneOf, optional, whole } from "../../src/telegram/callback-data.js";

describe("callback data", () => {
  const approve = defineAction("approve", [id]);
  const lang = defineAction("lang", [oneOf(["en", "ko"])]);

  it("round-trips an action and its arguments, typed", () => {
    expect(approve.parse(approve.data(123456789))).toEqual([123456789]);
    expect(lang.parse(lang.data("ko"))).toEqual(["ko"]);
  });

  it("does not confuse an action with another that shares its prefix", () => {
    const language = defineAction("language", [oneOf(["en"])]);
    expect(lang.pattern.test(language.data("en"))).toBe(false);
    expect(lang.parse(language.data("en"))).toBeUndefined();
  });

  it("rejects forged or old-version data and arguments of the wrong shape", () => {
    for (const forged of ["0:lang:en", "lang:en", "1:lang:fr", "1:lang", "1:lang:en:extra", "1:lang:"]) {
      expect(lang.parse(forged), forged).toBeUndefined();
    }
    for (const forged of ["1:approve:0", "1:approve:-1", "1:approve:x", "1:approve:1.5", "1:approve:1e3", "1:approve:9999999999999999"]) {
      expect(approve.parse(forged), forged).toBeUndefined();
    }
    expect(lang.parse(undefined)).toBeUndefined();
  });

  it("allows a trailing optional argument to be left out, and nothing else", () => {
    const review = defineAction("rev", [oneOf(["edit", "submit"]), optional(oneOf(["alias"]))]);
    expect(review.parse(review.data("submit", undefined))).toEqual(["submit", undefined]);
    expect(review.parse(review.data("edit", "alias"))).toEqual(["edit", "alias"]);
    expect(review.parse("1:rev")).toBeUndefined();
    expect(review.parse("1:rev:edit:radius")).toBeUndefined();
  });

  it("reads whole numbers from 0 without leading zeros", () => {
    const page = defineAction("nb", [whole]);
    expect(page.parse("1:nb:0")).toEqual([0]);
    expect(page.parse("1:nb:007")).toBeUndefined();
    expect(page.parse("1:nb:x")).toBeUndefined();
  });

  it("refuses to build data over Telegram's 64 bytes", () => {
    const big = defineAction("x", [oneOf(["가".repeat(30)])]);
    expect(() => big.data("가".repeat(30))).toThrow(/64 bytes/);
  });
});
