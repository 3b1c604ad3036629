import { describe, expect, it } from "vitest";
import {
  aliasProblem,
  formatMinuteOfDay,
  minuteOfDay,
  nextDraftStep,
  normaliseAlias,
  parseQuietHours,
} from "../../src/domain/helper-profile.js";

describe("helper profile rules", () => {
  it("refuses aliases that could identify or reach someone", () => {
    expect(aliasProblem("Kind Otter")).toBeUndefined();
    expect(aliasProblem("친절한 수달")).toBeUndefined();
    expect(aliasProblem("x")).toBe("length");
    expect(aliasProblem("a".repeat(33))).toBe("length");
    expect(aliasProblem("call 010-1234-5678")).toBe("phone");
    expect(aliasProblem("+82 10 1234 5678")).toBe("phone");
    expect(aliasProblem("me @ann_lee")).toBe("handle");
    expect(aliasProblem("t.me/ann")).toBe("link");
    expect(aliasProblem("see www.example.com")).toBe("link");
    expect(aliasProblem("two\nlines")).toBe("lines");
    expect(aliasProblem("Room 1004")).toBeUndefined();
    expect(normaliseAlias("  Kind   Otter ")).toBe("Kind Otter");
  });

  it("reads quiet hours, including windows over midnight", () => {
    expect(parseQuietHours("23:00-07:00")).toEqual({ start: 1380, end: 420 });
    expect(parseQuietHours(" 9:30 ~ 11:00 ")).toEqual({ start: 570, end: 660 });
    expect(parseQuietHours("25:00-07:00")).toBeUndefined();
    expect(parseQuietHours("07:00-07:00")).toBeUndefined();
    expect(parseQuietHours("late")).toBeUndefined();
    expect(formatMinuteOfDay(420)).toBe("07:00");
  });

  it("tells the minute of day in the configured time zone", () => {
    const at = Date.UTC(2026, 10, 23, 14, 30);
    expect(minuteOfDay(at, "Asia/Seoul")).toBe(23 * 60 + 30);
    expect(minuteOfDay(at, "UTC")).toBe(14 * 60 + 30);
  });

  it("walks a draft through its steps in order", () => {
    expect(nextDraftStep({})).toBe("alias");
    expect(nextDraftStep({ alias: "A b", categories: ["car"] })).toBe("categories");
    expect(
      nextDraftStep({
        alias: "A b",
        categories: ["car"],
        categoriesNote: null,
        profile: "p",
        photoFileId: null,
        proofs: [],
        careerNote: null,
      }),
    ).toBe("location");
  });
});
