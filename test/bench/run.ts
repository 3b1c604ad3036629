/**
 * `npm run bench`: nearest-helper search at national scale. Compares our indexed search on
 * SQLite with a linear geolib scan and with Redis GEOSEARCH over the same helpers and queries.
 * Then the cost of a scene step after the 1st and after the 400th wrong answer (test/bench/scenes.ts).
 * Overrides for a quick run: BENCH_HELPERS, BENCH_QUERIES, BENCH_LINEAR_QUERIES, BENCH_GRIDS
 * ("" skips the cell-size comparison), REDIS_URL, BENCH_SCENE_ANSWERS, BENCH_SCENE_RUNS;
 * BENCH_ONLY=search or BENCH_ONLY=scenes runs one part.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { getDistance } from "geolib";
import { type Kysely, sql } from "kysely";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import type { Database } from "../../db/schema.js";
import { type CellGrid, HELPER_GRID, cellGrid, cellOf } from "../../src/domain/geo.js";
import { type HelperSet, generateHelpers, loadIntoSqlite } from "./fixture.js";
import { populationSampler } from "./korea.js";
import { mulberry32 } from "../support/random.js";
import { connectRedisGeo } from "./redis-geo.js";
import { benchSceneSteps, sceneRow } from "./scenes.js";
import { StatementTimer } from "./timing.js";

const HELPERS = Number(process.env.BENCH_HELPERS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 10_000);
const LINEAR_QUERIES = Math.min(QUERIES, Number(process.env.BENCH_LINEAR_QUERIES ?? 50));
const GRIDS = (process.env.BENCH_GRIDS ?? "0.005x0.00625,0.02x0.025").split(",").filter(Boolean);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ONLY = process.env.BENCH_ONLY ?? "";
const SCENE_ANSWERS = Number(process.env.BENCH_SCENE_ANSWERS ?? 400);
const SCENE_RUNS = Number(process.env.BENCH_SCENE_RUNS ?? 10);
const RADIUS_M = 3000;
const LIMIT = 50;
// Enough to reach steady state (JIT, SQLite page cache) before measuring, as a bot in service is.
const WARMUP = Math.min(2000, QUERIES);

type Point = [number, number];
interface Timing {
  p50: number;
  p99: number;
  mean: number;
  found: number;
}

async function time<T>(points: Point[], search: (p: Point) => Promise<T[]> | T[], answers?: T[][]): Promise<Timing> {
  const ms: number[] = [];
  let found = 0;
  for (const p of points) {
    const start = performance.now();
    const answer = await search(p);
    ms.push(performance.now() - start);
    found += answer.length;
    answers?.push(answer);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: ms.reduce((s, x) => s + x, 0) / ms.length, found: found / points.length };
}

/** What any correct nearest-first search must return, from every helper, with geolib. */
function linearScan(set: HelperSet, positions: Array<{ latitude: number; longitude: number }>, [lat, lon]: Point) {
  const from = { latitude: lat, longitude: lon };
  const hits: Array<{ userId: number; distanceM: number }> = [];
  for (let i = 0; i < set.count; i++) {
    if (set.searchable[i] !== 1) continue;
    const distanceM = getDistance(from, positions[i]!);
    if (distanceM <= RADIUS_M && distanceM <= set.radii[i]! && set.reachable[i] === 1) hits.push({ userId: set.userIds[i]!, distanceM });
  }
  return hits.sort((a, b) => a.distanceM - b.distanceM || a.userId - b.userId).slice(0, LIMIT);
}

const fmt = (ms: number) => ms.toFixed(3);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const gridName = (grid: CellGrid) => `${grid.latStep}°×${grid.lonStep}°`;
const row = (path: string, queries: number, t: Timing) => ({
  path,
  queries,
  "p50 ms": fmt(t.p50),
  "p99 ms": fmt(t.p99),
  "mean ms": fmt(t.mean),
  "avg found": t.found.toFixed(1),
});

async function searchBench(): Promise<void> {
  const setup: Record<string, string> = {};
  let started = performance.now();
  const set = generateHelpers(HELPERS, 20_240_601);
  const sampleQuery = populationSampler(mulberry32(99));
  const points: Point[] = Array.from({ length: QUERIES + WARMUP }, () => sampleQuery());
  const warmup = points.splice(0, WARMUP);
  setup["generate helpers and queries"] = seconds(started);

  const dir = mkdtempSync(join(tmpdir(), "doum-bench-"));
  const file = join(dir, "bench.sqlite");
  const db = createDb(`sqlite:${file}`);
  const rows: Array<ReturnType<typeof row>> = [];
  const notes: string[] = [];
  try {
    started = performance.now();
    await migrateToLatest(db.kysely);
    loadIntoSqlite(file, set);
    setup["SQLite load: migrations, bulk insert, indexes"] = seconds(started);
    setup["SQLite file"] = mb(statSync(file).size);

    // Exactly what the app calls: the instance createDb returns, so the SQLite fast path.
    const timer = new StatementTimer();
    timer.attach(db.sqlite!);
    const ours = (kysely: Kysely<Database>, grid: CellGrid) => (p: Point) =>
      findNearbyHelpers(kysely, { latitude: p[0], longitude: p[1], radiusM: RADIUS_M, limit: LIMIT }, grid);

    // A running bot has its index in the page cache; the file was only just written. One pass
    // over the whole nearby index brings it there, as hours of service would.
    started = performance.now();
    db.sqlite!.prepare(
      "select count(*), sum(latitude) from helpers indexed by helpers_nearby where status = 'approved' and available = 1",
    ).get();
    setup["warm the page cache: one pass over the nearby index"] = seconds(started);
    await time(warmup, ours(db.kysely, HELPER_GRID));
    timer.reset();
    const a = await time(points, ours(db.kysely, HELPER_GRID));
    rows.push(row(`(a) findNearbyHelpers, SQLite, cell ${gridName(HELPER_GRID)}`, points.length, a));
    const { box } = timer.totals;
    notes.push(
      `(a) per query on average: ${(box.count / points.length).toFixed(2)} box statements taking ${((box.ms * 1000) / points.length).toFixed(0)} µs in SQLite, ` +
        `${((a.mean - box.ms / points.length) * 1000).toFixed(0)} µs in JavaScript (building queries, ranking, geolib)`,
    );
    setup["RSS after (a)"] = mb(process.memoryUsage().rss);

    const positions = Array.from({ length: set.count }, (_, i) => ({ latitude: set.latitudes[i]!, longitude: set.longitudes[i]! }));
    const linearPoints = points.slice(0, LINEAR_QUERIES);
    const expected: Array<Array<{ userId: number; distanceM: number }>> = [];
    rows.push(
      row(
        "(b) linear geolib scan over all helpers",
        linearPoints.length,
        await time(linearPoints, (p) => linearScan(set, positions, p), expected),
      ),
    );
    let agree = 0;
    for (const [i, p] of linearPoints.entries()) {
      const got = (await ours(db.kysely, HELPER_GRID)(p)).map((h) => ({ userId: h.userId, distanceM: h.distanceM }));
      if (JSON.stringify(got) === JSON.stringify(expected[i])) agree++;
    }
    notes.push(`(a) returned exactly what (b) returned for ${agree} of ${linearPoints.length} queries`);

    const redis = await connectRedisGeo(REDIS_URL);
    let c: Timing | undefined;
    if (!redis) {
      notes.push(`Redis at ${REDIS_URL} is unreachable: (c) skipped`);
    } else {
      try {
        started = performance.now();
        await redis.load(set);
        setup["Redis GEOADD load"] = seconds(started);
        setup["Redis used_memory"] = mb(await redis.usedMemoryBytes());
        const search = (p: Point) => redis.search(p[0], p[1], RADIUS_M, LIMIT);
        await time(warmup, search);
        c = await time(points, search);
        rows.push(row("(c) Redis GEOSEARCH BYRADIUS 3 km ASC COUNT 50", points.length, c));
      } finally {
        await redis.close();
      }
    }

    // Whether a memory map over the file helps the search (createDb leaves it off: it did not).
    await sql`pragma mmap_size = 1073741824`.execute(db.kysely);
    await time(warmup, ours(db.kysely, HELPER_GRID));
    rows.push(row(`(a) same, with PRAGMA mmap_size = 1 GiB`, points.length, await time(points, ours(db.kysely, HELPER_GRID))));
    await sql`pragma mmap_size = 0`.execute(db.kysely);

    for (const spec of GRIDS) {
      const [latStep, lonStep] = spec.split("x").map(Number) as [number, number];
      const grid = cellGrid(latStep, lonStep);
      started = performance.now();
      recomputeCells(file, grid);
      setup[`recompute cells for ${gridName(grid)}`] = seconds(started);
      await time(warmup, ours(db.kysely, grid));
      rows.push(row(`(a) findNearbyHelpers, SQLite, cell ${gridName(grid)}`, points.length, await time(points, ours(db.kysely, grid))));
    }

    console.log(
      `\n${HELPERS.toLocaleString("en")} helpers, radius ${RADIUS_M / 1000} km, nearest ${LIMIT}, ${WARMUP} warm-up queries per path`,
    );
    console.table(rows);
    for (const note of notes) console.log(note);
    if (c) console.log(`median speed-up of (a) over (c): ${(c.p50 / a.p50).toFixed(1)}×`);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `targets for (a): p50 ≤ 0.3 ms ${verdict(a.p50 <= 0.3)}, p99 ≤ 2 ms ${verdict(a.p99 <= 2)}` +
        (c ? `, ≥ 20× faster than (c) at the median ${verdict(c.p50 / a.p50 >= 20)}` : ""),
    );
    setup["RSS at end"] = mb(process.memoryUsage().rss);
    console.table(setup);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rewrites every helper's cell for another grid, so cell sizes compare on identical data. */
function recomputeCells(file: string, grid: CellGrid): void {
  const raw = new SQLite(file);
  raw.pragma("cache_size = -262144");
  raw.function("bench_cell", { deterministic: true }, (lat, lon) => cellOf(lat as number, lon as number, grid));
  raw.exec("update helpers set cell = bench_cell(latitude, longitude)");
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
}

async function sceneBench(): Promise<void> {
  const result = await benchSceneSteps({ wrongAnswers: SCENE_ANSWERS, runs: SCENE_RUNS });
  const first = sceneRow(result, 1);
  const last = sceneRow(result, SCENE_ANSWERS);
  console.log(
    `\nA scene step answered with a hint: the 1st and the ${SCENE_ANSWERS}th wrong answer in a row, median of ${SCENE_RUNS} runs`,
  );
  console.table([first, last]);
  const ratio = Number(last["p50 CPU ms"]) / Number(first["p50 CPU ms"]);
  const wallRatio = Number(last["p50 wall ms"]) / Number(first["p50 wall ms"]);
  console.log(
    `the ${SCENE_ANSWERS}th costs ${ratio.toFixed(2)}× the 1st in CPU (${wallRatio.toFixed(2)}× in wall time); ` +
      `target ≤ 2× ${ratio <= 2 ? "met" : "NOT met"}`,
  );
}

if (ONLY !== "scenes") await searchBench();
if (ONLY !== "search") await sceneBench();
