import { earthRadius } from "geolib";

/**
 * Positions, distances and the grid the helper search is indexed on. Everything here is pure so
 * that the same numbers come out in the bot, in SQL parameters and in tests.
 */
export interface LatLon {
  latitude: number;
  longitude: number;
}

const RAD = Math.PI / 180;
/** On geolib's sphere (radius 6378137 m), so grid and box maths agree with `distanceMeters`. */
const METERS_PER_DEGREE = earthRadius * RAD;

/**
 * Great-circle distance in whole metres on geolib's sphere: the spherical law of cosines,
 * rounded, with the same operations in the same order as geolib's getDistance, so the results
 * are identical (test/unit/geo.test.ts checks). Written out because geolib first parses each
 * point (key lookup, a decimal-string check), which cost more than the maths in the search.
 * Chosen over getPreciseDistance (Vincenty, ellipsoid): the ellipsoid changes a 3 km distance
 * by at most ~15 m, far below the hundreds of metres a request is fuzzed by, and the search's
 * bounding boxes and lower bounds are exact on the very same sphere, which is what lets it
 * prove that a helper is among the nearest.
 */
export function distanceMeters(from: LatLon, to: LatLon): number {
  return distanceFrom(from)(to.latitude, to.longitude);
}

/** `distanceMeters` from one point to many, with the point's sine and cosine computed once. */
export function distanceFrom(from: LatLon): (latitude: number, longitude: number) => number {
  const fromLat = from.latitude * RAD;
  const sinFrom = Math.sin(fromLat);
  const cosFrom = Math.cos(fromLat);
  const fromLon = from.longitude;
  return (latitude, longitude) => {
    const toLat = latitude * RAD;
    const cosine = Math.sin(toLat) * sinFrom + Math.cos(toLat) * cosFrom * Math.cos((fromLon - longitude) * RAD);
    return Math.round(Math.acos(cosine > 1 ? 1 : cosine < -1 ? -1 : cosine) * earthRadius);
  };
}

/**
 * A cheap lower bound of `distanceMeters` (haversine on the same sphere, less a metre for
 * geolib's rounding), so candidates can be ranked and discarded without calling geolib on each.
 */
export function distanceLowerBoundMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const sinLat = Math.sin((lat2 - lat1) * RAD * 0.5);
  const sinLon = Math.sin((lon2 - lon1) * RAD * 0.5);
  const h = sinLat * sinLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinLon * sinLon;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h))) - 1;
}

export function isValidCoordinate(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** Inclusive latitude/longitude bounds; `minLon > maxLon` means the box crosses the antimeridian. */
export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/**
 * The smallest latitude/longitude box that holds every point within `meters` of the centre
 * (a spherical cap, whose widest longitude is not at the centre's latitude). A small relative
 * margin absorbs floating-point error, so "inside the circle" always implies "inside the box".
 */
export function boxAround(lat: number, lon: number, meters: number): Box {
  const angle = (meters / earthRadius) * (1 + 1e-9) + 1e-12;
  const minLat = lat - angle / RAD;
  const maxLat = lat + angle / RAD;
  const sinAngle = Math.sin(angle);
  const cosLat = Math.cos(lat * RAD);
  if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2 || sinAngle >= cosLat) {
    return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), minLon: -180, maxLon: 180 };
  }
  const halfWidth = Math.asin(sinAngle / cosLat) / RAD;
  if (halfWidth >= 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  let minLon = lon - halfWidth;
  let maxLon = lon + halfWidth;
  if (minLon < -180) minLon += 360;
  if (maxLon > 180) maxLon -= 360;
  return { minLat, maxLat, minLon, maxLon };
}

/**
 * A lower bound of `distanceMeters` that SQL can compute with + and * only, for points inside
 * `box` (built around the centre): `spread` = Δlat² + lonWeight × Δlon² in degrees², and
 * distanceMeters ≥ metersPerRootSpread × √spread − 1.
 *
 * Why it holds: the great-circle angle is at least twice the square root of the haversine, and
 * 2·sin(x/2) ≥ x·(1 − x²/24); lonWeight uses the smallest cosine of latitude in the box. A box
 * that wraps in longitude gets lonWeight 0 (latitude alone still bounds the distance).
 */
export interface SpreadBound {
  lonWeight: number;
  metersPerRootSpread: number;
}

export function spreadBound(box: Box): SpreadBound {
  const wraps = box.minLon > box.maxLon || box.maxLon - box.minLon >= 180;
  const widest = Math.max(box.maxLat - box.minLat, wraps ? 0 : box.maxLon - box.minLon) * RAD;
  const shrink = Math.max(0, 1 - (widest * widest) / 24) * (1 - 1e-9);
  const cosMin = Math.cos(Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) * RAD);
  return { lonWeight: wraps ? 0 : cosMin * cosMin, metersPerRootSpread: METERS_PER_DEGREE * shrink };
}

/**
 * Row-major grid over latitude/longitude: cell = row * columns + column, so the cells of one
 * latitude row that a box spans form one contiguous integer range. Steps are in degrees so a
 * cell id depends on nothing but the position.
 */
export interface CellGrid {
  readonly latStep: number;
  readonly lonStep: number;
  readonly rows: number;
  readonly columns: number;
}

export function cellGrid(latStep: number, lonStep: number): CellGrid {
  return { latStep, lonStep, rows: Math.ceil(180 / latStep), columns: Math.ceil(360 / lonStep) };
}

/**
 * The grid behind `helpers.cell`: 0.01° × 0.0125°, about 1.1 km × 1.1 km in Korea (a longitude
 * degree is ~0.8 of a latitude degree there). The search seeks once per cell, to the box's
 * latitude band, and reads up to a cell's width too much on each side. Cells of 0.005° and
 * 0.02° measured within noise at the median, because sorting and returning rows cost more than
 * seeks; this size keeps a 3 km search to ~40 cells (short SQL, better tail) while a 300 m search
 * stays at 1–4 cells. The search's helpers-per-cell counts are on this grid too. Changing it means
 * recomputing every helper's cell.
 */
export const HELPER_GRID: CellGrid = cellGrid(0.01, 0.0125);

/** The area of a cell at this latitude, in m² (cells narrow towards the poles). */
export function cellAreaSquareMeters(lat: number, grid: CellGrid = HELPER_GRID): number {
  return grid.latStep * METERS_PER_DEGREE * grid.lonStep * METERS_PER_DEGREE * Math.cos(lat * RAD);
}

function rowOf(lat: number, grid: CellGrid): number {
  return Math.min(grid.rows - 1, Math.max(0, Math.floor((lat + 90) / grid.latStep)));
}

function columnOf(lon: number, grid: CellGrid): number {
  return Math.min(grid.columns - 1, Math.max(0, Math.floor((lon + 180) / grid.lonStep)));
}

export function cellOf(lat: number, lon: number, grid: CellGrid = HELPER_GRID): number {
  return rowOf(lat, grid) * grid.columns + columnOf(lon, grid);
}

/**
 * Inclusive [first, last] cell ranges, one per latitude row (two when the box crosses the
 * antimeridian), that together contain every cell a point inside the box can have. Rows and
 * columns come from the same monotonic arithmetic as `cellOf`, so no boundary point is lost.
 */
export function cellRangesForBox(box: Box, grid: CellGrid = HELPER_GRID): Array<[number, number]> {
  const firstRow = rowOf(box.minLat, grid);
  const lastRow = rowOf(box.maxLat, grid);
  const west = columnOf(box.minLon, grid);
  const east = columnOf(box.maxLon, grid);
  const ranges: Array<[number, number]> = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const base = row * grid.columns;
    if (box.minLon <= box.maxLon) {
      ranges.push([base + west, base + east]);
    } else {
      ranges.push([base + west, base + grid.columns - 1], [base, base + east]);
    }
  }
  return ranges;
}

/**
 * Where a request is shown before a helper is chosen: the centre of the grid square of side
 * `gridMeters` that holds the point. The same point always lands on the same centre, so a
 * request does not jitter between views (which would let an observer average it out).
 */
export function fuzzLocation(lat: number, lon: number, gridMeters: number): LatLon {
  if (!(gridMeters >= 300)) throw new RangeError(`Fuzzing grid must be at least 300 m, got ${gridMeters}`);
  if (!isValidCoordinate(lat, lon)) throw new RangeError(`Not a coordinate: ${lat}, ${lon}`);
  const latStep = gridMeters / METERS_PER_DEGREE;
  const row = Math.floor(lat / latStep);
  const latitude = Math.max(-90, Math.min(90, (row + 0.5) * latStep));
  // Squares keep their width in metres, so they get wider in degrees away from the equator.
  const lonStep = Math.min(360, latStep / Math.max(Math.cos(latitude * RAD), 1e-6));
  let column = Math.floor(lon / lonStep);
  // A point exactly on a centre would be revealed as is; show it at the neighbouring centre.
  if ((column + 0.5) * lonStep === lon && latitude === lat) column += 1;
  return { latitude, longitude: normalizeLongitude((column + 0.5) * lonStep) };
}

function normalizeLongitude(lon: number): number {
  return lon > 180 || lon < -180 ? ((((lon + 180) % 360) + 360) % 360) - 180 : lon;
}

/** How far something is, as shown: "under 1 km", or "about N km". */
export type DistanceBand = { under: 1 } | { aboutKm: number };

/**
 * Distances are shown in whole-kilometre bands. They are only ever measured to a fuzzed point
 * (a grid centre), so they tell nothing finer than the grid anyway; the bands keep a helper's
 * own position, which the distance is also measured from, as coarse as the request's place.
 */
export function distanceBand(meters: number): DistanceBand {
  return meters < 1000 ? { under: 1 } : { aboutKm: Math.round(meters / 1000) };
}

/**
 * Whether a minute of the day (0–1439) falls in a helper's quiet hours [start, end). A window
 * whose start is after its end wraps midnight (23:00–07:00); null or an empty window means none.
 */
export function isInQuietHours(minuteOfDay: number, startMinute: number | null, endMinute: number | null): boolean {
  if (startMinute === null || endMinute === null || startMinute === endMinute) return false;
  return startMinute < endMinute
    ? minuteOfDay >= startMinute && minuteOfDay < endMinute
    : minuteOfDay >= startMinute || minuteOfDay < endMinute;
}
