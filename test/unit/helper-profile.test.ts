import { describe, expect, it } from "vitest";
import {
  aliasProblem,
  contactIn,
  formatMinuteOfDay,
  minuteOfDay,
  nextDraftStep,
  normaliseAlias,
  parseQuietHours,
  sameDraft,
  stepsToRedo,
  withoutAnswers,
  type CompleteHelperDraft,
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

  it("finds handles, links and phone numbers in profile text and says what it found", () => {
    expect(contactIn("Carpenter, 10 years. Happy to help <neighbours> & friends.")).toBeUndefined();
    expect(contactIn("Call me on 010-1234-5678 any time")).toEqual({ problem: "phone", found: "010-1234-5678" });
    expect(contactIn("전화 ０１０ １２３４ ５６７８")).toEqual({ problem: "phone", found: "010 1234 5678" });
    expect(contactIn("Write to @ann_lee")).toEqual({ problem: "handle", found: "@ann_lee" });
    expect(contactIn("My work: https://example.com/me")).toEqual({ problem: "link", found: "https://example.com/me" });
    expect(contactIn("see blog.naver.com")).toEqual({ problem: "link", found: "blog.naver.com" });
    // Careers are told in years and dates; those are not phone numbers.
    expect(contactIn("Electrician 2012-2020, licensed since 2019.03.15")).toBeUndefined();
    expect(contactIn("Worked 1998 - 2005 and 2010 - 2024")).toBeUndefined();
    expect(contactIn("Hotline 1588-1234")).toEqual({ problem: "phone", found: "1588-1234" });
  });

  it("sends answers from before the rules back to be asked again", () => {
    const draft: CompleteHelperDraft = {
      alias: "Kind Otter",
      categories: ["repairs"],
      categoriesNote: null,
      profile: "Call 010-1234-5678",
      photoFileId: null,
      proofs: [],
      careerNote: "t.me/otter",
      location: { latitude: 37.5, longitude: 127 },
      radiusKm: 3,
    };
    expect(stepsToRedo(draft)).toEqual(["profile", "proofs"]);
    expect(stepsToRedo({ ...draft, alias: "Admin" })).toEqual(["alias", "profile", "proofs"]);
    const cleared = withoutAnswers(draft, stepsToRedo(draft));
    expect(cleared).not.toHaveProperty("profile");
    expect(cleared).not.toHaveProperty("careerNote");
    expect(nextDraftStep(cleared)).toBe("profile");
    expect(sameDraft(draft, { ...draft, location: { longitude: 127, latitude: 37.5 } })).toBe(true);
    expect(sameDraft(draft, { ...draft, radiusKm: 5 })).toBe(false);
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
