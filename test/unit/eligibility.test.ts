import { describe, expect, it } from "vitest";
import { distanceForRequester, distanceToShownPlace, offerIneligibility } from "../../src/domain/eligibility.js";
import { distanceMeters, fuzzLocation } from "../../src/domain/geo.js";

describe("who may offer for a request", () => {
  const helper = { status: "approved" as const, restricted: false, radiusM: 5000, categories: ["repairs", "moving"], urgent: false };
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

  it("a walk home: helpers who opted in to urgent requests, whatever their categories, in range both ways", () => {
    const walk = { radiusM: 10_000, category: "walkhome" };
    expect(offerIneligibility(helper, walk, 100)).toBe("not-urgent");
    expect(offerIneligibility({ ...helper, urgent: true, categories: ["pets"] }, walk, 100)).toBeUndefined();
    expect(offerIneligibility({ ...helper, urgent: true }, walk, 5001)).toBe("out-of-range");
    expect(offerIneligibility({ ...helper, urgent: true, restricted: true }, walk, 100)).toBe("restricted");
  });
});

describe("distances before a match depend on grid squares only", () => {
  const GRID = 500;
  const shown = fuzzLocation(37.5663, 126.9779, GRID);
  const request = { fuzzedLatitude: shown.latitude, fuzzedLongitude: shown.longitude };
  const square = (lat: number, lon: number) => fuzzLocation(lat, lon, GRID);

  it("a helper's distance is measured to the shown place, whatever the exact one", () => {
    const helper = { latitude: 37.59, longitude: 126.99 };
    expect(distanceToShownPlace(helper, request)).toBe(distanceMeters(helper, shown));
  });

  it("the requester reads the same distance for every helper position in one square", () => {
    const seen = new Map<string, Set<number>>();
    for (let i = 0; i < 400; i++) {
      const helper = { latitude: 37.58 + (i % 20) * 0.0007, longitude: 126.99 + Math.floor(i / 20) * 0.0009 };
      const key = JSON.stringify(square(helper.latitude, helper.longitude));
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(distanceForRequester(helper, request, GRID));
    }
    expect(seen.size).toBeGreaterThan(4);
    for (const distances of seen.values()) expect(distances.size).toBe(1);
  });
});
