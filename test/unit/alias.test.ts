import { describe, expect, it } from "vitest";
import { generateAlias } from "../../src/domain/alias.js";

describe("generated alias", () => {
  it("is an adjective, an animal and a number, the same for the same randomness", () => {
    const values = [0, 0.999, 0.5];
    let i = 0;
    const alias = generateAlias(() => values[i++ % values.length]!, "en");
    expect(alias).toBe("Brave Whale 505");
    i = 0;
    expect(generateAlias(() => values[i++ % values.length]!, "en")).toBe(alias);
  });

  it("is in Hangul for Korean users", () => {
    const values = [0, 0.999, 0.5];
    let i = 0;
    expect(generateAlias(() => values[i++ % values.length]!, "ko")).toBe("용감한 펭귄 505");
  });

  it("stays within 2–32 characters, in its language's letters, needing no escaping", () => {
    for (let seed = 0; seed < 200; seed++) {
      const random = () => ((seed * 7919 + 17) % 1000) / 1000;
      for (const [language, letters] of [
        ["en", /^[A-Za-z]+ [A-Za-z]+ \d+$/],
        ["ko", /^[가-힣]+ [가-힣]+ \d+$/],
      ] as const) {
        const alias = generateAlias(random, language);
        expect(alias.length).toBeGreaterThanOrEqual(2);
        expect(alias.length).toBeLessThanOrEqual(32);
        expect(alias).toMatch(letters);
      }
    }
  });
});
