import { describe, expect, it } from "vitest";
import { minutesLeft, parseFee, parseValidityMinutes } from "../../src/domain/requests.js";

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
