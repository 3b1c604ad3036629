import { describe, expect, it } from "vitest";
import { offerIneligibility } from "../../src/domain/eligibility.js";

describe("who may offer for a request", () => {
  const helper = { status: "approved" as const, restricted: false, radiusM: 5000, categories: ["repairs", "moving"] };
  const request = { radiusM: 3000, category: "repairs" };

  it("an approved, unrestricted helper of the category, in range both ways", () => {
    expect(offerIneligibility(helper, request, 3000)).toBeUndefined();
    expect(offerIneligibility(helper, { ...request, category: "moving" }, 0)).toBeUndefined();
  });

  it("nobody beyond the request's search radius or the helper's own", () => {
    expect(offerIneligibility(helper, request, 3001)).toBe("out-of-range");
    expect(offerIneligibility({ ...helper, radiusM: 1000 }, request, 1001)).toBe("out-of-range");
    expect(offerIneligibility({ ...helper, radiusM: 10_000 }, request, 325_500)).toBe("out-of-range");
  });

  it("nobody of other categories, pending, suspended, rejected or restricted", () => {
    expect(offerIneligibility({ ...helper, categories: ["pets"] }, request, 100)).toBe("other-category");
    for (const status of ["pending", "suspended", "rejected"] as const) {
      expect(offerIneligibility({ ...helper, status }, request, 100)).toBe("not-helper");
    }
    expect(offerIneligibility({ ...helper, restricted: true }, request, 100)).toBe("restricted");
  });
});
