import { computeDestinationPoint, getDistance, getPreciseDistance } from "geolib";
import { mulberry32 } from "../support/random.js";
import { describe, expect, it } from "vitest";
import {
  HELPER_GRID,
  boxAround,
  cellOf,
  cellRangesForBox,
  distanceBand,
  distanceLowerBoundMeters,
  distanceFrom,
  distanceMeters,
  fuzzLocation,
  isInQuietHours,
  isValidCoordinate,
  spreadBound,
} from "../../src/domain/geo.js";

const SEOUL_CITY_HALL = { latitude: 37.5663, longitude: 126.9779 };
const BUSAN_STATION = { latitude: 35.1152, longitude: 129.0422 };

describe("distanceMeters", () => {
  it("matches known city pairs", () => {
    // Great-circle distance; the ~325 km often quoted is a rounder figure than the 329.7 km here.
    expect(distanceMeters(SEOUL_CITY_HALL, BUSAN_STATION) / 1000).toBeCloseTo(329.7, 0);
    expect(distanceMeters({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 48.8566, longitude: 2.3522 }) / 1000).toBeCloseTo(
      343.9,
      0,
    );
    // Against the ellipsoid: the sphere is off by well under 1% in Korea.
    const precise = getPreciseDistance(SEOUL_CITY_HALL, BUSAN_STATION);
    expect(Math.abs(distanceMeters(SEOUL_CITY_HALL, BUSAN_STATION) - precise) / precise).toBeLessThan(0.005);
  });

  it("is whole metres, symmetric and zero for the same point", () => {
    const d = distanceMeters(SEOUL_CITY_HALL, BUSAN_STATION);
    expect(Number.isInteger(d)).toBe(true);
    expect(distanceMeters(BUSAN_STATION, SEOUL_CITY_HALL)).toBe(d);
    expect(distanceMeters(SEOUL_CITY_HALL, SEOUL_CITY_HALL)).toBe(0);
  });

  it("is exactly geolib's getDistance, at every scale and from one point to many", () => {
    const random = mulberry32(3);
    for (let i = 0; i < 20_000; i++) {
      const a = { latitude: -89 + random() * 178, longitude: -180 + random() * 360 };
      const b =
        i % 2 === 0
          ? computeDestinationPoint(a, random() * 5000, random() * 360)
          : { latitude: -90 + random() * 180, longitude: -180 + random() * 360 };
      expect(distanceMeters(a, b)).toBe(getDistance(a, b));
      expect(distanceFrom(a)(b.latitude, b.longitude)).toBe(getDistance(a, b));
    }
  });

  it("is never below the lower bound the search ranks by, and close to it", () => {
    const random = mulberry32(1);
    for (let i = 0; i < 5000; i++) {
      const a = { latitude: 33 + random() * 6, longitude: 125 + random() * 5 };
      const b = computeDestinationPoint(a, random() * 20_000, random() * 360);
      const d = distanceMeters(a, b);
      const bound = distanceLowerBoundMeters(a.latitude, a.longitude, b.latitude, b.longitude);
      expect(bound).toBeLessThanOrEqual(d);
      expect(d - bound).toBeLessThan(2);
    }
  });
});

describe("boxAround and spreadBound", () => {
  it("hold every point within the distance, also across the antimeridian and near a pole", () => {
    const random = mulberry32(2);
    const centres = [
      { latitude: 37.5, longitude: 127 },
      { latitude: -33.9, longitude: 151.2 },
      { latitude: 10, longitude: 179.99 },
      { latitude: -10, longitude: -179.99 },
      { latitude: 89.99, longitude: 30 },
    ];
    for (const centre of centres) {
      for (let i = 0; i < 2000; i++) {
        const radius = 10 + random() * 5000;
        const point = computeDestinationPoint(centre, random() * radius, random() * 360);
        const box = boxAround(centre.latitude, centre.longitude, radius);
        expect(point.latitude).toBeGreaterThanOrEqual(box.minLat);
        expect(point.latitude).toBeLessThanOrEqual(box.maxLat);
        const inLon =
          box.minLon <= box.maxLon
            ? point.longitude >= box.minLon && point.longitude <= box.maxLon
            : point.longitude >= box.minLon || point.longitude <= box.maxLon;
        expect(inLon).toBe(true);

        const bound = spreadBound(box);
        const dLat = point.latitude - centre.latitude;
        const dLon = point.longitude - centre.longitude;
        const spread = dLat * dLat + dLon * dLon * bound.lonWeight;
        expect(bound.metersPerRootSpread * Math.sqrt(spread) - 1).toBeLessThanOrEqual(distanceMeters(centre, point));
      }
    }
  });

  it("is tight: a box of 1 km is about 2 km across in Korea", () => {
    const box = boxAround(37.5, 127, 1000);
    expect(distanceMeters({ latitude: box.minLat, longitude: 127 }, { latitude: box.maxLat, longitude: 127 })).toBe(2000);
    expect(distanceMeters({ latitude: 37.5, longitude: box.minLon }, { latitude: 37.5, longitude: box.maxLon })).toBeLessThan(2002);
  });
});

describe("cellOf and cellRangesForBox", () => {
  it("put every point of a box into one of the box's ranges, one range per latitude row", () => {
    const random = mulberry32(3);
    for (let i = 0; i < 300; i++) {
      const lat = 33 + random() * 6;
      const lon = 125 + random() * 5;
      const box = boxAround(lat, lon, 100 + random() * 4000);
      const ranges = cellRangesForBox(box);
      const rows = Math.floor((box.maxLat + 90) / HELPER_GRID.latStep) - Math.floor((box.minLat + 90) / HELPER_GRID.latStep) + 1;
      expect(ranges).toHaveLength(rows);
      for (let j = 0; j < 50; j++) {
        const pLat = box.minLat + random() * (box.maxLat - box.minLat);
        const pLon = box.minLon + random() * (box.maxLon - box.minLon);
        const cell = cellOf(pLat, pLon);
        expect(ranges.some(([first, last]) => cell >= first && cell <= last)).toBe(true);
      }
      for (const corner of [cellOf(box.minLat, box.minLon), cellOf(box.maxLat, box.maxLon)]) {
        expect(ranges.some(([first, last]) => corner >= first && corner <= last)).toBe(true);
      }
    }
  });

  it("numbers neighbouring cells of a row consecutively", () => {
    const west = cellOf(37.505, 127.005);
    expect(cellOf(37.505, 127.005 + HELPER_GRID.lonStep)).toBe(west + 1);
    expect(cellOf(37.505 + HELPER_GRID.latStep, 127.005)).toBe(west + HELPER_GRID.columns);
    expect(Number.isSafeInteger(cellOf(90, 180))).toBe(true);
    expect(cellOf(-90, -180)).toBe(0);
  });

  it("splits a box across the antimeridian into both ends of each row", () => {
    const box = boxAround(0, 179.999, 1000);
    expect(box.minLon).toBeGreaterThan(box.maxLon);
    const ranges = cellRangesForBox(box);
    expect(ranges.some(([first, last]) => cellOf(0, 179.9995) >= first && cellOf(0, 179.9995) <= last)).toBe(true);
    expect(ranges.some(([first, last]) => cellOf(0, -179.9995) >= first && cellOf(0, -179.9995) <= last)).toBe(true);
  });
});

describe("fuzzLocation", () => {
  it("never shows the exact point and stays within the square's diagonal", () => {
    const random = mulberry32(4);
    for (let i = 0; i < 5000; i++) {
      const lat = 33 + random() * 6;
      const lon = 125 + random() * 5;
      const grid = 300 + random() * 1000;
      const fuzzed = fuzzLocation(lat, lon, grid);
      expect(fuzzed.latitude === lat && fuzzed.longitude === lon).toBe(false);
      // Inside its square, so at most half a diagonal from the centre shown.
      expect(distanceMeters({ latitude: lat, longitude: lon }, fuzzed)).toBeLessThanOrEqual((grid * Math.SQRT2) / 2 + 1);
    }
  });

  it("moves a point that sits exactly on a centre to the next centre", () => {
    const centre = fuzzLocation(37.5, 127, 500);
    const moved = fuzzLocation(centre.latitude, centre.longitude, 500);
    expect(moved).not.toEqual(centre);
    expect(distanceMeters(centre, moved)).toBeLessThanOrEqual(500 * Math.SQRT2);
  });

  it("is deterministic and the same for every point of a square", () => {
    const a = fuzzLocation(37.56631, 126.97791, 500);
    expect(fuzzLocation(37.56631, 126.97791, 500)).toEqual(a);
    expect(fuzzLocation(37.56641, 126.97801, 500)).toEqual(a);
  });

  it("refuses grids finer than 300 m and non-coordinates", () => {
    expect(() => fuzzLocation(37.5, 127, 299)).toThrow(RangeError);
    expect(() => fuzzLocation(91, 127, 500)).toThrow(RangeError);
  });

  it("keeps longitudes in range at the antimeridian", () => {
    const fuzzed = fuzzLocation(0, 179.999, 1000);
    expect(isValidCoordinate(fuzzed.latitude, fuzzed.longitude)).toBe(true);
  });
});

describe("distanceBand", () => {
  it("says under 1 km below a kilometre and whole kilometres above", () => {
    expect(distanceBand(0)).toEqual({ under: 1 });
    expect(distanceBand(999)).toEqual({ under: 1 });
    expect(distanceBand(1000)).toEqual({ aboutKm: 1 });
    expect(distanceBand(1499)).toEqual({ aboutKm: 1 });
    expect(distanceBand(1500)).toEqual({ aboutKm: 2 });
    expect(distanceBand(12_345)).toEqual({ aboutKm: 12 });
  });
});

describe("isValidCoordinate", () => {
  it("accepts the ranges of latitude and longitude, inclusive", () => {
    expect(isValidCoordinate(37.5, 127)).toBe(true);
    expect(isValidCoordinate(90, 180)).toBe(true);
    expect(isValidCoordinate(-90, -180)).toBe(true);
  });

  it("rejects out-of-range and non-finite values", () => {
    expect(isValidCoordinate(90.0001, 0)).toBe(false);
    expect(isValidCoordinate(0, -180.0001)).toBe(false);
    expect(isValidCoordinate(Number.NaN, 0)).toBe(false);
    expect(isValidCoordinate(0, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe("isInQuietHours", () => {
  const at = (h: number, m = 0) => h * 60 + m;

  it("handles a window that wraps midnight, start inclusive and end exclusive", () => {
    expect(isInQuietHours(at(23), at(23), at(7))).toBe(true);
    expect(isInQuietHours(at(23, 30), at(23), at(7))).toBe(true);
    expect(isInQuietHours(at(0), at(23), at(7))).toBe(true);
    expect(isInQuietHours(at(6, 59), at(23), at(7))).toBe(true);
    expect(isInQuietHours(at(7), at(23), at(7))).toBe(false);
    expect(isInQuietHours(at(22, 59), at(23), at(7))).toBe(false);
    expect(isInQuietHours(at(12), at(23), at(7))).toBe(false);
  });

  it("handles a window within one day", () => {
    expect(isInQuietHours(at(13, 30), at(13), at(14))).toBe(true);
    expect(isInQuietHours(at(14), at(13), at(14))).toBe(false);
    expect(isInQuietHours(at(12, 59), at(13), at(14))).toBe(false);
  });

  it("treats null or an empty window as no quiet hours", () => {
    expect(isInQuietHours(at(3), null, null)).toBe(false);
    expect(isInQuietHours(at(3), at(23), null)).toBe(false);
    expect(isInQuietHours(at(3), at(3), at(3))).toBe(false);
  });
});
