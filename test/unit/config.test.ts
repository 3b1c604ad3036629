import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, parseConfig } from "../../src/config.js";

const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
const exampleEntries = Object.fromEntries(
  example
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
);

describe("config", () => {
  it(".env.example lists exactly the variables the bot reads", () => {
    expect(Object.keys(exampleEntries).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("the example file parses and gives the documented defaults", () => {
    const config = parseConfig(exampleEntries);
    expect(config.botToken).toBeUndefined();
    expect(config.databaseUrl).toBe("sqlite:data/doum.sqlite");
    expect(config.timeZone).toBe("Asia/Seoul");
    expect(config.limits.validityPresetsMinutes).toEqual([15, 30, 60, 180]);
    expect(config.limits.helpBadgesPerPenaltyRemoval).toBe(5);
    expect(config.limits.prizeThreshold).toBe(100);
    expect(config.categories).toContain("accompany");
    expect(config.adminIds).toEqual([]);
  });

  it("names every bad variable at once", () => {
    let error: unknown;
    try {
      parseConfig({ BOT_TOKEN: "nope", ADMIN_IDS: "12,abc", LOCATION_FUZZ_METERS: "100", TZ: "Mars/Olympus" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split(":")[0]);
    expect(names.sort()).toEqual(["ADMIN_IDS", "BOT_TOKEN", "LOCATION_FUZZ_METERS", "TZ"]);
  });

  it("parses admin ids with their names and keeps presets inside their bounds", () => {
    const config = parseConfig({
      ADMIN_IDS: " 11:Mina Park, 22 ,33: 준 ",
      REQUEST_VALIDITY_PRESETS_MINUTES: "1,30,2000",
      HELPER_RADIUS_PRESETS_KM: "1,3,50",
    });
    expect(config.adminIds).toEqual([11, 22, 33]);
    for (const bad of ["12:", "12:<b>Boss</b>", "12:Mina:Park", `12:${"x".repeat(33)}`])
      expect(() => parseConfig({ ADMIN_IDS: bad }), bad).toThrow(/ADMIN_IDS/);
    expect([...config.adminNames]).toEqual([
      [11, "Mina Park"],
      [33, "준"],
    ]);
    expect(config.limits.validityPresetsMinutes).toEqual([30]);
    expect(config.limits.radiusPresetsKm).toEqual([1, 3]);
  });

  it("rejects a default radius above the maximum", () => {
    expect(() => parseConfig({ DEFAULT_RADIUS_KM: "20", MAX_RADIUS_KM: "10" })).toThrow(/DEFAULT_RADIUS_KM/);
  });
});
