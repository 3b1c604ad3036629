import type { Kysely } from "kysely";
import { boxAround, cellAreaSquareMeters, cellOf, distanceFrom, distanceLowerBoundMeters, spreadBound } from "../../src/domain/geo.js";
import type { Database } from "../schema.js";
import { type HelpersPerCell, helpersPerCell } from "./helpers-per-cell.js";
import { type NearestRow, selectNearest } from "./helper-search-statement.js";

export interface NearbyHelperQuery {
  latitude: number;
  longitude: number;
  radiusM: number;
  limit: number;
  /** Sent as SQL parameters, so a few thousand at most. */
  excludeUserIds?: ReadonlySet<number>;
  /**
   * A minute of the day in the configured time zone: helpers in their quiet hours then are left
   * out in SQL, so a search fills up with awake helpers however many sleep nearer.
   */
  awakeAtMinute?: number;
}

export interface NearbyHelper {
  userId: number;
  distanceM: number;
  /** The helper's own travel radius. */
  radiusM: number;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
}

/** What every writer of a helper's position must store together, so `cell` never goes stale. */
export function helperPositionColumns(latitude: number, longitude: number): { latitude: number; longitude: number; cell: number } {
  return { latitude, longitude, cell: cellOf(latitude, longitude) };
}

/**
 * The first box is sized so that its inscribed circle should hold this many times the helpers
 * wanted, at the density of the query's cell: enough that about 99 searches in 100 finish in
 * one statement in the benchmark's million helpers, where a fixed 300 m box left a third
 * needing a second (a round trip each on PostgreSQL) and read three times the rows it needed in
 * city centres. A bigger margin reads more rows in every search.
 */
const FIRST_BOX_SLACK = 1.6;
/** Below this, a box holds too few helpers for the density of one cell to say much. */
const MIN_FIRST_HALF_SIDE_M = 25;
/** Aim a little past `limit` when widening so a second widening is rare. */
const WIDEN_SLACK = 1.3;

/**
 * Approved, available, reachable, unrestricted helpers (awake at `awakeAtMinute`, if given)
 * within `radiusM` of the point whose own radius also reaches it, nearest first (ties by user id), at most `limit`.
 *
 * Each step reads the helpers in a box around the point from the `helpers_nearby` covering
 * index, cut in SQL to the `take` smallest by a lower bound of the distance. A helper at exact
 * distance d is final once the box holds the whole circle of radius d (no helper outside can be
 * nearer) and d is below the lower bound of every helper the cut left out. Until `limit`
 * helpers are final, the box widens or the cut grows. Reachability and restriction are mirrored
 * onto helpers and stored in the index, so no other table is read. The first box is sized
 * from the number of helpers per cell (helpers-per-cell.ts).
 */
export async function findNearbyHelpers(db: Kysely<Database>, query: NearbyHelperQuery): Promise<NearbyHelper[]> {
  const { radiusM, limit } = query;
  if (!(limit > 0) || !(radiusM >= 0)) return [];
  let halfSide = firstHalfSide(query, await helpersPerCell(db));
  // A few spare rows so that near-ties at the cut rarely force a second statement.
  let take = limit + Math.ceil(limit / 20) + 2;
  for (;;) {
    const whole = halfSide >= radiusM;
    const boxRadius = whole ? radiusM : halfSide;
    // geolib rounds to whole metres: a helper at a rounded d ≤ boxRadius is within boxRadius + 1.
    const box = boxAround(query.latitude, query.longitude, boxRadius + 1);
    const bound = spreadBound(box);
    const rows = await selectNearest(db, query, box, boxRadius, bound, take);
    const cut = rows.length >= take;
    // Integer distances: d below the left-out helpers' lower bound means d ≤ ceil(bound) − 1.
    const cutRadius = cut ? Math.ceil(bound.metersPerRootSpread * Math.sqrt(largestSpread(rows)) - 1) - 1 : Infinity;
    const provenRadius = Math.min(boxRadius, cutRadius);
    const last = whole && provenRadius === boxRadius;
    const found = firstOf(nearestFirst(rows, query, provenRadius), limit);
    if (found.length >= limit || last) return found;
    if (cutRadius < boxRadius) take *= 2;
    else halfSide = widen(halfSide, rows.length, cut, limit, radiusM);
  }
}

/**
 * Half the side of a box that should hold `limit` helpers (and those excluded, who are most
 * often the nearest ones) with some slack, going by how many the query's cell holds; the whole
 * radius when it holds none.
 */
function firstHalfSide(query: NearbyHelperQuery, counts: HelpersPerCell): number {
  const perSquareMeter = (counts.get(cellOf(query.latitude, query.longitude)) ?? 0) / cellAreaSquareMeters(query.latitude);
  if (!(perSquareMeter > 0)) return query.radiusM;
  const wanted = FIRST_BOX_SLACK * (query.limit + (query.excludeUserIds?.size ?? 0));
  return Math.min(query.radiusM, Math.max(MIN_FIRST_HALF_SIDE_M, Math.sqrt(wanted / (Math.PI * perSquareMeter))));
}

function firstOf<T>(items: Iterator<T>, limit: number): T[] {
  const taken: T[] = [];
  for (let next = items.next(); !next.done && taken.length < limit; next = items.next()) taken.push(next.value);
  return taken;
}

function largestSpread(rows: NearestRow[]): number {
  let max = 0;
  for (const row of rows) if (row.spread > max) max = row.spread;
  return max;
}

/**
 * Qualifying rows in exact (distance, user id) order up to `provenRadius`. Rows are ranked by a
 * cheap lower bound first, so geolib runs only on those that could still beat the best one not
 * yet yielded.
 */
function* nearestFirst(rows: NearestRow[], query: NearbyHelperQuery, provenRadius: number): Generator<NearbyHelper> {
  const candidates = rows
    .map((row) => ({ row, lowerBound: distanceLowerBoundMeters(query.latitude, query.longitude, row.latitude, row.longitude) }))
    .filter((c) => c.lowerBound <= provenRadius)
    .sort((a, b) => a.lowerBound - b.lowerBound);
  // Computed but not yet yielded, kept sorted farthest first so the nearest pops off the end.
  const pending: NearbyHelper[] = [];
  const before = (a: NearbyHelper, b: NearbyHelper) => a.distanceM < b.distanceM || (a.distanceM === b.distanceM && a.userId < b.userId);
  const distanceTo = distanceFrom(query);
  let index = 0;
  for (;;) {
    const best = pending[pending.length - 1];
    const candidate = candidates[index];
    if (candidate && (!best || candidate.lowerBound <= best.distanceM)) {
      index++;
      const { row } = candidate;
      const distanceM = distanceTo(row.latitude, row.longitude);
      if (distanceM > provenRadius || distanceM > row.radius_m || distanceM > query.radiusM) continue;
      const helper: NearbyHelper = {
        userId: row.user_id,
        distanceM,
        radiusM: row.radius_m,
        quietStartMinute: row.quiet_start_minute,
        quietEndMinute: row.quiet_end_minute,
      };
      let at = pending.length;
      while (at > 0 && before(pending[at - 1]!, helper)) at--;
      pending.splice(at, 0, helper);
    } else if (best) {
      yield pending.pop()!;
    } else {
      return;
    }
  }
}

/**
 * Assumes the helpers seen so far are spread evenly over the circle just searched and widens
 * to the one that should hold `limit` of them with some slack; at least by half, so sparse
 * areas converge fast. A count of a few helpers says little about the density (a count's
 * spread is about its square root), so the density is taken one such step low and an empty box
 * as half a helper: a sparse area then goes to the whole radius in its second statement instead
 * of stopping at a box that again holds too few. A cut answer only says "at least this many",
 * hence the plain 1.5×.
 */
function widen(halfSide: number, seen: number, cut: boolean, limit: number, radiusM: number): number {
  if (cut) return Math.min(radiusM, halfSide * 1.5);
  const cautiousCount = Math.max(seen - Math.sqrt(seen), 0.5);
  const wanted = halfSide * Math.sqrt((WIDEN_SLACK * limit) / cautiousCount);
  return Math.min(radiusM, Math.max(halfSide * 1.5, wanted));
}
