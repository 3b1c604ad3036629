import { CompiledQuery, type Kysely, PostgresAdapter, type SqlBool, sql } from "kysely";
import { type Box, cellRangesForBox, type SpreadBound } from "../../src/domain/geo.js";
import type { Database } from "../schema.js";
import { sqliteStatement } from "../sqlite-fast-path.js";

/**
 * The SQL side of the nearby search (helper-search.ts): one statement per box, compiled once per
 * shape, and on SQLite run through a cached prepared statement.
 */
export interface NearestRow {
  user_id: number;
  latitude: number;
  longitude: number;
  radius_m: number;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  spread: number;
}

/** Keeps a very wide search under the bound-parameter limits; one chunk is the usual case. */
const CELLS_PER_STATEMENT = 400;

/** A cell number no helper is ever in (cells count up from 0). */
const NO_CELL = -1;

/**
 * On PostgreSQL, the box's cells padded with `NO_CELL` to one of a few counts (1, 2, 4, 8, 16, then
 * multiples of 16): each count is its own statement text, which PostgreSQL plans on first use per
 * connection, so a few texts, all planned early, keep first-time planning out of the searches that
 * follow. A padded cell costs one index seek that finds nothing; SQLite, which prepares a text in
 * microseconds, is not padded.
 */
function padded(cells: number[]): number[] {
  const size = cells.length <= 16 ? 2 ** Math.ceil(Math.log2(Math.max(1, cells.length))) : Math.ceil(cells.length / 16) * 16;
  return cells.length === size ? cells : [...cells, ...new Array<number>(size - cells.length).fill(NO_CELL)];
}

/**
 * One statement text for SQLite and PostgreSQL.
 * - The box's cells are a VALUES list CROSS JOINed to helpers, which SQLite always runs
 *   cells-first: one seek per cell on the covering index to the box's latitude band. (With a
 *   plain `cell IN (…)`, SQLite without statistics prefers the status index from four cells on
 *   and reads every approved helper.) The first cast types the VALUES column for PostgreSQL.
 * - status/available are literals, not parameters: only then do both planners see that the
 *   partial index applies.
 * - The spread lower bound drops helpers outside the circle this step can prove (the box's
 *   corners) or beyond their own radius, and ORDER BY with LIMIT keeps the rows handed to
 *   JavaScript near `take` however dense the box is.
 */
export async function selectNearest(
  db: Kysely<Database>,
  query: { latitude: number; longitude: number; excludeUserIds?: ReadonlySet<number>; awakeAtMinute?: number },
  box: Box,
  circleRadius: number,
  bound: SpreadBound,
  take: number,
): Promise<NearestRow[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const cells: number[] = [];
  for (const [first, last] of cellRangesForBox(box)) for (let c = first; c <= last; c++) cells.push(c);
  const excluded = [...(query.excludeUserIds ?? [])];
  const perRootSpread = bound.metersPerRootSpread;
  const rows: NearestRow[] = [];
  for (let from = 0; from < cells.length; from += CELLS_PER_STATEMENT) {
    const values: StatementValues = {
      latitude: query.latitude,
      longitude: query.longitude,
      lonWeight: bound.lonWeight,
      cells: postgres ? padded(cells.slice(from, from + CELLS_PER_STATEMENT)) : cells.slice(from, from + CELLS_PER_STATEMENT),
      minLat: box.minLat,
      maxLat: box.maxLat,
      minLon: box.minLon,
      maxLon: box.maxLon,
      maxSpread: perRootSpread > 0 ? ((circleRadius + 1) / perRootSpread) ** 2 : Number.MAX_VALUE,
      radiusFactor: perRootSpread * perRootSpread,
      excluded,
      awakeAt: query.awakeAtMinute ?? 0,
      take,
    };
    const shape = { wraps: box.minLon > box.maxLon, awake: query.awakeAtMinute !== undefined, packed: postgres };
    rows.push(...(await run(db, compileStatement(db, values, shape), postgres ? values : undefined)));
  }
  // Several chunks each kept `take`: keep the overall `take` smallest so the cut stays one line.
  return rows.length > take ? rows.sort((a, b) => a.spread - b.spread).slice(0, take) : rows;
}

/** Everything a box statement is parameterised by. */
interface StatementValues {
  latitude: number;
  longitude: number;
  lonWeight: number;
  cells: number[];
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
  maxSpread: number;
  /** metersPerRootSpread², to compare a spread with the helper's own radius in metres². */
  radiusFactor: number;
  excluded: number[];
  /** Minute of the day at which the helpers must not be in their quiet hours (when `awake`). */
  awakeAt: number;
  take: number;
}

/** What changes a statement's text besides its counts of cells and exclusions. */
interface Shape {
  /** The box crosses the antimeridian. */
  wraps: boolean;
  /** Helpers in their quiet hours at `awakeAt` are left out. */
  awake: boolean;
  /** The rows come back as one text (`packedRows`). */
  packed: boolean;
}

/**
 * Not in quiet hours [start, end) at minute m, as domain/geo.ts isInQuietHours says: no window,
 * an empty one, a plain one m is outside of, or one wrapping midnight m is between the ends of.
 * The quiet columns are in the covering index, so this adds no read.
 */
function awakeAt(m: number) {
  return sql<SqlBool>`(quiet_start_minute is null or quiet_end_minute is null or quiet_start_minute = quiet_end_minute
    or (quiet_start_minute < quiet_end_minute and (${m} < quiet_start_minute or ${m} >= quiet_end_minute))
    or (quiet_start_minute > quiet_end_minute and ${m} < quiet_start_minute and ${m} >= quiet_end_minute))`;
}

function buildStatement(db: Kysely<Database>, v: StatementValues, { wraps, awake }: Shape) {
  const spread = sql<number>`((latitude - ${v.latitude}) * (latitude - ${v.latitude}) + (longitude - ${v.longitude}) * (longitude - ${v.longitude}) * ${v.lonWeight})`;
  const cells = sql.join(v.cells.map((cell, i) => (i === 0 ? sql`(cast(${cell} as bigint))` : sql`(${cell})`)));
  return db
    .with("box_cells(cell)", () => sql<{ cell: number }>`(values ${cells})`)
    .selectFrom("box_cells")
    .crossJoin("helpers")
    .select([...NEAREST_COLUMNS, spread.as("spread")])
    .where((eb) =>
      eb.and([
        eb("helpers.cell", "=", eb.ref("box_cells.cell")),
        eb("status", "=", sql.lit("approved")),
        eb("available", "=", sql.lit(1)),
        eb("reachable", "=", 1),
        eb("restricted", "=", 0),
        eb("latitude", ">=", v.minLat),
        eb("latitude", "<=", v.maxLat),
        wraps
          ? eb.or([eb("longitude", ">=", v.minLon), eb("longitude", "<=", v.maxLon)])
          : eb.and([eb("longitude", ">=", v.minLon), eb("longitude", "<=", v.maxLon)]),
        eb(spread, "<=", v.maxSpread),
        // The helper's own radius, squared so that no sqrt is needed (SQLite may lack it).
        eb(sql`${spread} * ${v.radiusFactor}`, "<=", sql`cast(radius_m + 1 as double precision) * cast(radius_m + 1 as double precision)`),
        ...(v.excluded.length > 0 ? [eb("user_id", "not in", v.excluded)] : []),
        ...(awake ? [awakeAt(v.awakeAt)] : []),
      ]),
    )
    .orderBy("spread")
    .limit(v.take);
}

/**
 * On PostgreSQL the rows come back as one text, a row per `;` and a column per `,` (NULL as
 * nothing): pg builds a JavaScript object per row, value by value, which for the ~55 rows of a
 * search measured more than a tenth of its time; splitting one string costs a fraction of that.
 * The text of a float is PostgreSQL's shortest exact one, as in a row, so the numbers are the
 * same. The spread is left out and computed again in JavaScript (`spreadOf`), which saves the
 * server a tenth of its work. The rows' order is left to JavaScript, which never relied on it.
 */
function packedRows(db: Kysely<Database>, statement: ReturnType<typeof buildStatement>) {
  const comma = sql.lit(",");
  const row = sql.join(NEAREST_COLUMNS.map((column) => sql.ref(column)).flatMap((value, i) => (i === 0 ? [value] : [comma, value])));
  return db.selectFrom(statement.as("nearest")).select(sql<string | null>`string_agg(concat(${row}), ';')`.as("packed"));
}

/** The columns of a row besides `spread`, in the order the statement selects them. */
const NEAREST_COLUMNS = ["user_id", "latitude", "longitude", "radius_m", "quiet_start_minute", "quiet_end_minute"] as const;

function unpacked(text: string | null, values: StatementValues): NearestRow[] {
  if (text === null) return [];
  const orNull = (value: string | undefined) => (value ? Number(value) : null);
  return text.split(";").map((row) => {
    const [userId, latitude, longitude, radiusM, quietStart, quietEnd] = row.split(",");
    const found = { latitude: Number(latitude), longitude: Number(longitude) };
    return {
      user_id: Number(userId),
      ...found,
      radius_m: Number(radiusM),
      quiet_start_minute: orNull(quietStart),
      quiet_end_minute: orNull(quietEnd),
      spread: spreadOf(found, values),
    };
  });
}

/** The statement's `spread`, with the same operations in the same order, so the same double. */
function spreadOf({ latitude, longitude }: { latitude: number; longitude: number }, v: StatementValues): number {
  return (latitude - v.latitude) * (latitude - v.latitude) + (longitude - v.longitude) * (longitude - v.longitude) * v.lonWeight;
}

/** Where each compiled parameter comes from: a constant of the text, or a field of the values. */
type Slot = { constant: unknown } | { pick: (v: StatementValues) => unknown };

/**
 * The statement's SQL depends only on its shape (how many cells and exclusions, whether the box
 * crosses the antimeridian and whether quiet hours count), so it is built once per shape and
 * dialect: building and compiling through Kysely cost more than SQLite's own work for a small
 * box. The shape is compiled with a distinct marker in every value, which tells where each
 * parameter comes from.
 */
function compileStatement(db: Kysely<Database>, values: StatementValues, kind: Shape): CompiledQuery {
  const shape = `${values.cells.length}:${values.excluded.length}:${kind.wraps ? 1 : 0}:${kind.awake ? 1 : 0}:${kind.packed ? 1 : 0}`;
  const dialect = db.getExecutor().adapter;
  let byShape = compiledShapes.get(dialect);
  if (!byShape) compiledShapes.set(dialect, (byShape = new Map()));
  let template = byShape.get(shape);
  if (!template) {
    const slots = new Map<number, (v: StatementValues) => unknown>();
    let next = MARKER_BASE;
    const mark = (pick: (v: StatementValues) => unknown): number => {
      const marker = next++;
      slots.set(marker, pick);
      return marker;
    };
    const markers: StatementValues = {
      latitude: mark((v) => v.latitude),
      longitude: mark((v) => v.longitude),
      lonWeight: mark((v) => v.lonWeight),
      cells: values.cells.map((_, i) => mark((v) => v.cells[i])),
      minLat: mark((v) => v.minLat),
      maxLat: mark((v) => v.maxLat),
      minLon: mark((v) => v.minLon),
      maxLon: mark((v) => v.maxLon),
      maxSpread: mark((v) => v.maxSpread),
      radiusFactor: mark((v) => v.radiusFactor),
      excluded: values.excluded.map((_, i) => mark((v) => v.excluded[i])),
      awakeAt: mark((v) => v.awakeAt),
      take: mark((v) => v.take),
    };
    const statement = buildStatement(db, markers, kind);
    const compiled = (kind.packed ? packedRows(db, statement) : statement).compile();
    template = {
      sql: compiled.sql,
      slots: compiled.parameters.map((p): Slot => {
        const pick = typeof p === "number" ? slots.get(p) : undefined;
        return pick ? { pick } : { constant: p };
      }),
    };
    if (byShape.size >= MAX_CACHED_STATEMENTS) byShape.clear();
    byShape.set(shape, template);
  }
  return CompiledQuery.raw(
    template.sql,
    template.slots.map((slot) => ("pick" in slot ? slot.pick(values) : slot.constant)),
  );
}

/** Far above any coordinate, cell number, id or limit, so a marker can never be a real value. */
const MARKER_BASE = 4_000_000_000_000_000;
const compiledShapes = new WeakMap<object, Map<string, { sql: string; slots: Slot[] }>>();

/** Distinct texts are few (by cell count and exclusions); the cap only guards against drift. */
const MAX_CACHED_STATEMENTS = 256;

/**
 * Runs the compiled search; on PostgreSQL `packedFor` names the values its packed rows were
 * searched with. On SQLite the same text goes to a cached better-sqlite3 statement when
 * Kysely may be skipped (db/sqlite-fast-path.ts), and the rows come as arrays: an object per row
 * built by better-sqlite3 cost about as much as SQLite's own work here.
 */
async function run(db: Kysely<Database>, compiled: CompiledQuery, packedFor?: StatementValues): Promise<NearestRow[]> {
  if (packedFor) return unpacked((await db.executeQuery<{ packed: string | null }>(compiled)).rows[0]?.packed ?? null, packedFor);
  const prepared = sqliteStatement(db, compiled.sql);
  if (!prepared) return (await db.executeQuery<NearestRow>(compiled)).rows;
  const found = prepared.statement.all(compiled.parameters) as Array<
    [number, number, number, number, number | null, number | null, number]
  >;
  // Columns in the order the query selects them.
  return found.map(([user_id, latitude, longitude, radius_m, quiet_start_minute, quiet_end_minute, spread]) => ({
    user_id,
    latitude,
    longitude,
    radius_m,
    quiet_start_minute,
    quiet_end_minute,
    spread,
  }));
}
