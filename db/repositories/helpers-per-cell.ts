import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

/**
 * How many helpers the nearby search could find in each cell of the grid (`helpers.cell`):
 * approved, available, reachable and unrestricted, as in its index. The search sizes its first
 * box from it (helper-search.ts). The counts are statistics, like a query planner's: counts
 * that are stale, or missing, cost a wider box or another statement, never a wrong answer.
 */
export type HelpersPerCell = ReadonlyMap<number, number>;

/**
 * Counts are read again when older than this. Helpers join, leave and move a few at a time,
 * while a reading scans the whole index (about 0.2 s for a million helpers), so a few minutes
 * of drift is the right trade.
 */
const REFRESH_MS = 10 * 60_000;

interface Reading {
  counts: HelpersPerCell;
  readAt: number;
}

/**
 * One reading per database, keyed by the adapter object a Kysely instance shares with its
 * transactions (like db/sqlite-fast-path.ts), so the searches the services run inside
 * transactions share it.
 */
const readings = new WeakMap<object, { reading?: Reading; pending?: Promise<Reading> }>();

/**
 * The counts for `db`'s database. The search that finds none, or finds them stale, reads them
 * through `db` (the transaction at hand, which may end right after the search, so it waits for
 * the reading); searches meanwhile use the reading before, or wait for this one when there is
 * none yet.
 */
export async function helpersPerCell(db: Kysely<Database>): Promise<HelpersPerCell> {
  const adapter = db.getExecutor().adapter;
  let state = readings.get(adapter);
  if (!state) readings.set(adapter, (state = {}));
  const { reading, pending } = state;
  if (reading && (pending || performance.now() - reading.readAt < REFRESH_MS)) return reading.counts;
  if (pending) {
    try {
      return (await pending).counts;
    } catch {
      // That reading ran in another search's transaction, which failed; this one reads its own.
    }
  }
  const mine = readCounts(db);
  state.pending = mine;
  try {
    state.reading = await mine;
  } finally {
    if (state.pending === mine) state.pending = undefined;
  }
  return state.reading.counts;
}

async function readCounts(db: Kysely<Database>): Promise<Reading> {
  // status/available as literals, so both planners see that the partial covering index applies.
  const rows = await db
    .selectFrom("helpers")
    .select(["cell", (eb) => eb.fn.countAll<number>().as("helpers")])
    .where("status", "=", sql.lit("approved"))
    .where("available", "=", sql.lit(1))
    .where("reachable", "=", 1)
    .where("restricted", "=", 0)
    .groupBy("cell")
    .execute();
  return { counts: new Map(rows.map((row) => [Number(row.cell), Number(row.helpers)])), readAt: performance.now() };
}
