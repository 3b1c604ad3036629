import { describe, expect, it } from "vitest";
import { generateAlias } from "../../src/domain/alias.js";

describe("generated alias", () => {
  it("is an adjective, an animal and a number, the same for the same randomness", () => {
    const values = [0, 0.999, 0.5];
    let i = 0;
    const alias = generateAlias(() => values[i++ % values.length]!);
    expect(alias).toBe("Brave Whale 505");
    i = 0;
    expect(generateAlias(() => values[i++ % values.length]!)).toBe(alias);
  });

  it("stays within 2–32 characters and uses no characters that need escaping", () => {
    for (let seed = 0; seed < 200; seed++) {
      const alias = generateAlias(() => ((seed * 7919 + 17) % 1000) / 1000);
      expect(alias.length).toBeGreaterThanOrEqual(2);
      expect(alias.length).toBeLessThanOrEqual(32);
      expect(alias).toMatch(/^[A-Za-z0-9 ]+$/);
    }
  });
});
