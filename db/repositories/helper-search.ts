import { type Kysely, sql } from "kysely";
import {
  type Box,
  type CellGrid,
  HELPER_GRID,
  boxAround,
  cellOf,
  cellRangesForBox,
  distanceLowerBoundMeters,
  distanceMeters,
} from "../../src/domain/geo.js";
import type { Database } from "../schema.js";

export interface NearbyHelperQuery {
  latitude: number;
  longitude: number;
  radiusM: number;
  limit: number;
  excludeUserIds?: ReadonlySet<number>;
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
 * The first box is about the size that already holds the nearest 50 in a dense city district;
 * elsewhere the candidate count of that box predicts how far to widen (see `nextHalfSide`).
 */
const FIRST_HALF_SIDE_M = 300;
/** Aim a little past `limit` when widening so a second widening is rare. */
const WIDEN_SLACK = 1.3;

/**
 * Approved, available, reachable helpers within `radiusM` of the point whose own radius also
 * reaches it, nearest first (ties by user id), at most `limit`.
 *
 * Searches a box around the point on the `helpers_nearby` covering index and widens it only
 * while fewer than `limit` helpers are proven nearest: a helper at distance d is final once the
 * box holds the whole circle of radius d, since no helper outside the box can then be nearer.
 * `grid` exists for the benchmark's cell-size comparison; stored cells use HELPER_GRID.
 */
export async function findNearbyHelpers(
  db: Kysely<Database>,
  query: NearbyHelperQuery,
  grid: CellGrid = HELPER_GRID,
): Promise<NearbyHelper[]> {
  const { latitude, longitude, radiusM, limit } = query;
  if (limit <= 0 || radiusM < 0) return [];
  const unreachable = new Set<number>();
  const checked = new Set<number>();
  let halfSide = Math.min(radiusM, FIRST_HALF_SIDE_M);
  for (;;) {
    const whole = halfSide >= radiusM;
    // geolib rounds to whole metres: a helper at a rounded d ≤ halfSide is within halfSide + 1.
    const rows = await selectBox(db, boxAround(latitude, longitude, halfSide + 1), grid); if (process.env.DEBUG_SEARCH) console.log("box", halfSide, rows.length, JSON.stringify(boxAround(latitude, longitude, halfSide + 1)));
    const candidates = rankByLowerBound(rows, query);
    const proven = provenNearest(candidates, latitude, longitude, whole ? radiusM : halfSide);
    const found: NearbyHelper[] = [];
    for (;;) {
      const batch: NearbyHelper[] = [];
      while (found.length + batch.length < limit) {
        const next = proven.next();
        if (!next) break;
        if (!unreachable.has(next.userId)) batch.push(next);
      }
      // Too few proven in this box: it will be widened, so asking about reachability is wasted.
      if (batch.length === 0 || (!whole && found.length + batch.length < limit)) break;
      await markUnreachable(db, batch, checked, unreachable);
      for (const helper of batch) if (!unreachable.has(helper.userId)) found.push(helper);
      if (found.length >= limit) return found;
    }
    if (whole) return found;
    halfSide = nextHalfSide(halfSide, candidates.length, limit, radiusM);
  }
}

interface CandidateRow {
  user_id: number;
  latitude: number;
  longitude: number;
  radius_m: number;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
}

/**
 * One statement text for SQLite and PostgreSQL. The status/available literals (not parameters)
 * let both planners match the partial index; `cell IN (…)` with a latitude range is one
 * index seek per cell that reads only the box's latitude band of that cell.
 */
function selectBox(db: Kysely<Database>, box: Box, grid: CellGrid): Promise<CandidateRow[]> {
  const cells: number[] = [];
  for (const [first, last] of cellRangesForBox(box, grid)) for (let c = first; c <= last; c++) cells.push(c);
  return db
    .selectFrom("helpers")
    .select(["user_id", "latitude", "longitude", "radius_m", "quiet_start_minute", "quiet_end_minute"])
    .where("status", "=", sql.lit("approved"))
    .where("available", "=", sql.lit(1))
    .where("cell", "in", cells)
    .where("latitude", ">=", box.minLat)
    .where("latitude", "<=", box.maxLat)
    .where((eb) =>
      box.minLon <= box.maxLon
        ? eb.and([eb("longitude", ">=", box.minLon), eb("longitude", "<=", box.maxLon)])
        : eb.or([eb("longitude", ">=", box.minLon), eb("longitude", "<=", box.maxLon)]),
    )
    .execute();
}

interface Candidate {
  row: CandidateRow;
  lowerBound: number;
}

/** Drops what can never qualify and orders the rest by a cheap lower bound of the distance. */
function rankByLowerBound(rows: CandidateRow[], query: NearbyHelperQuery): Candidate[] {
  const candidates: Candidate[] = [];
  for (const row of rows) {
    if (query.excludeUserIds?.has(row.user_id)) continue;
    const lowerBound = distanceLowerBoundMeters(query.latitude, query.longitude, row.latitude, row.longitude);
    if (lowerBound <= query.radiusM && lowerBound <= row.radius_m) candidates.push({ row, lowerBound });
  }
  return candidates.sort((a, b) => a.lowerBound - b.lowerBound);
}

/**
 * Yields qualifying candidates in exact (distance, user id) order up to `provenRadius`, calling
 * geolib only on those whose lower bound could still beat the best one not yet yielded.
 */
function provenNearest(
  candidates: Candidate[],
  latitude: number,
  longitude: number,
  provenRadius: number,
): { next(): NearbyHelper | undefined } {
  let index = 0;
  // Computed but not yet yielded, kept sorted descending so the nearest pops off the end.
  const pending: NearbyHelper[] = [];
  const before = (a: NearbyHelper, b: NearbyHelper) => a.distanceM < b.distanceM || (a.distanceM === b.distanceM && a.userId < b.userId);
  return {
    next() {
      for (;;) {
        const best = pending[pending.length - 1];
        const candidate = candidates[index];
        if (candidate && (!best || candidate.lowerBound <= best.distanceM)) {
          index++;
          const { row } = candidate;
          const distanceM = distanceMeters({ latitude, longitude }, row);
          if (distanceM > provenRadius || distanceM > row.radius_m) continue;
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
          continue;
        }
        return pending.pop();
      }
    },
  };
}

/**
 * Reachability lives on users, outside the covering index, so it is looked up only for helpers
 * about to be returned; asking for the unreachable ones keeps the usual answer empty.
 */
async function markUnreachable(
  db: Kysely<Database>,
  helpers: NearbyHelper[],
  checked: Set<number>,
  unreachable: Set<number>,
): Promise<void> {
  const ids = helpers.map((h) => h.userId).filter((id) => !checked.has(id));
  if (ids.length === 0) return;
  const rows = await db.selectFrom("users").select("id").where("id", "in", ids).where("reachable", "<>", 1).execute();
  for (const id of ids) checked.add(id);
  for (const row of rows) unreachable.add(row.id);
}

/**
 * Assumes the helpers seen so far are spread evenly over the box and widens to the circle that
 * should hold `limit` of them with some slack; at least by half, so sparse areas converge fast.
 */
function nextHalfSide(halfSide: number, candidatesInBox: number, limit: number, radiusM: number): number {
  const boxArea = 4 * halfSide * halfSide;
  const wanted = Math.sqrt((WIDEN_SLACK * limit * boxArea) / (Math.PI * Math.max(candidatesInBox, 1)));
  const widened = candidatesInBox === 0 ? halfSide * 4 : Math.max(halfSide * 1.5, wanted);
  return Math.min(radiusM, widened);
}
