import { describe, expect, it } from "vitest";
import { aliasKey, hasInvisible, isReservedAlias, RESERVED_ALIASES } from "../../src/domain/alias-key.js";
import { generateAlias } from "../../src/domain/alias.js";
import { aliasProblem } from "../../src/domain/helper-profile.js";

describe("alias comparison key", () => {
  it("folds the look-alikes of the issue onto the original", () => {
    const original = aliasKey("Victim Helper");
    expect(aliasKey("Victim Helper\u200B")).toBe(original);
    expect(aliasKey("V\u0456ctim Helper")).toBe(original); // Cyrillic і
    expect(aliasKey("victim helper")).toBe(original);
    expect(aliasKey("  Victim \u00A0 Helper ")).toBe(original);
  });

  it("removes every kind of character that draws nothing", () => {
    const original = aliasKey("Kind Otter");
    for (const hidden of [
      "\u200B",
      "\u200C",
      "\u200D",
      "\u2060",
      "\uFEFF",
      "\u00AD",
      "\u200E",
      "\u202E",
      "\u2066",
      "\uFE0F",
      "\u{E0041}",
    ]) {
      expect(aliasKey(`Kind Ot${hidden}ter`), `U+${hidden.codePointAt(0)!.toString(16)}`).toBe(original);
    }
  });

  it("unifies fullwidth and styled letters by NFKC", () => {
    expect(aliasKey("Ｖｉｃｔｉｍ Ｈｅｌｐｅｒ")).toBe(aliasKey("Victim Helper"));
    expect(aliasKey("𝐕𝐢𝐜𝐭𝐢𝐦 Helper")).toBe(aliasKey("Victim Helper"));
  });

  it("folds Cyrillic and Greek letters drawn like Latin ones, in words of mixed scripts", () => {
    // Cyrillic К, о, е, р and Greek Ο, τ, ε, ρ, α mixed into Latin words.
    expect(aliasKey("\u041Aind \u043Ett\u0435r")).toBe(aliasKey("Kind Otter"));
    expect(aliasKey("Ha\u0440\u0440y")).toBe(aliasKey("Happy"));
    expect(aliasKey("\u039Fn \u03C4h\u03B5 \u03C1\u03B1th")).toBe(aliasKey("On the path"));
    expect(aliasKey("Ηelper")).toBe(aliasKey("Helper")); // Greek capital eta
    expect(aliasKey("Вова")).toBe(aliasKey("вова")); // case still does not matter in Cyrillic
  });

  it("merges shapes that pass for each other and drops accents on Latin letters", () => {
    expect(aliasKey("Victim HeIper")).toBe(aliasKey("Victim Helper")); // capital I for l
    expect(aliasKey("Kind 0tter")).toBe(aliasKey("Kind Otter"));
    expect(aliasKey("Mr Rnorning")).toBe(aliasKey("Mr Morning"));
    expect(aliasKey("José")).toBe(aliasKey("Jose"));
    expect(aliasKey("Kind ❤️")).toBe(aliasKey("Kind ❤"));
  });

  it("keeps Korean aliases as they are, and different ones different", () => {
    expect(aliasKey("민지 이웃")).toBe("민지 이웃");
    expect(aliasKey("민지  이웃")).toBe(aliasKey("민지 이웃"));
    expect(aliasKey("민주 이웃")).not.toBe(aliasKey("민지 이웃"));
    expect(aliasKey("민지 이웃2")).not.toBe(aliasKey("민지 이웃"));
    expect(aliasKey("친절한 수달")).not.toBe(aliasKey("친절한 수달이"));
    expect(aliasProblem("민지 이웃")).toBeUndefined();
    expect(aliasProblem("밤길 지킴이")).toBeUndefined();
  });

  it("keeps distinct aliases distinct", () => {
    expect(aliasKey("Kind Otter")).not.toBe(aliasKey("Kind Otters"));
    expect(aliasKey("Calm Fox 12")).not.toBe(aliasKey("Calm Fox 13"));
    expect(aliasKey("Victim Helper")).not.toBe(aliasKey("VictimHelper"));
  });
});

describe("invisible characters", () => {
  it("are found outside emoji, where joiners and variation selectors belong", () => {
    expect(hasInvisible("Victim Helper\u200B")).toBe(true);
    expect(hasInvisible("\u3164")).toBe(true); // Hangul filler, the classic "blank name"
    expect(hasInvisible("Kind\u2060Otter")).toBe(true);
    expect(hasInvisible("Kind Otter ❤️")).toBe(false);
    expect(hasInvisible("Family 👨‍👩‍👧")).toBe(false);
    expect(hasInvisible("Victim Helper")).toBe(false);
    expect(aliasProblem("Victim Helper\u200B")).toBe("invisible");
  });
});

describe("reserved names", () => {
  it("refuses them whole, as a word, and run together, after folding", () => {
    for (const alias of [
      "Admin",
      "ADMIN",
      "doum",
      "Doum",
      "도움",
      "관리자",
      "Ad Min",
      "Аdmіn",
      "ａｄｍｉｎ",
      "Doum Support",
      "Kind Bot",
      "Help Desk",
      "telegram-staff",
    ]) {
      expect(isReservedAlias(alias), alias).toBe(true);
      expect(aliasProblem(alias), alias).toBe("reserved");
    }
    for (const reserved of RESERVED_ALIASES) expect(isReservedAlias(reserved), reserved).toBe(true);
  });

  it("allows words that merely contain one", () => {
    for (const alias of ["Helpful Otter", "Robotics Fan", "Victim Helper", "Supportive Sam", "도움이 필요해", "Doumi"]) {
      expect(isReservedAlias(alias), alias).toBe(false);
    }
  });

  it("never refuses a generated alias, in either language", () => {
    for (let seed = 0; seed < 400; seed++) {
      for (const language of ["en", "ko"] as const) {
        const alias = generateAlias(() => ((seed * 7919 + 17) % 1000) / 1000, language);
        expect(aliasProblem(alias), alias).toBeUndefined();
      }
    }
  });
});
