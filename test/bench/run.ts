/**
 * `npm run bench`: nearest-helper search at national scale. Compares our indexed search on
 * SQLite with a linear geolib scan and with Redis GEOSEARCH over the same helpers and queries.
 * BENCH_HELPERS, BENCH_QUERIES, BENCH_LINEAR_QUERIES, BENCH_GRIDS ("" to skip the cell-size
 * comparison) and REDIS_URL override the defaults for a quick run.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { getDistance } from "geolib";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { type NearbyHelper, findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { type CellGrid, HELPER_GRID, cellGrid, cellOf } from "../../src/domain/geo.js";
import { type HelperSet, generateHelpers, loadIntoSqlite } from "./fixture.js";
import { mulberry32, populationSampler } from "./korea.js";
import { connectRedisGeo } from "./redis-geo.js";

const HELPERS = Number(process.env.BENCH_HELPERS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 10_000);
const LINEAR_QUERIES = Math.min(QUERIES, Number(process.env.BENCH_LINEAR_QUERIES ?? 100));
const GRIDS = (process.env.BENCH_GRIDS ?? "0.005x0.00625,0.02x0.025").split(",").filter(Boolean);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const RADIUS_M = 3000;
const LIMIT = 50;
const WARMUP = Math.min(500, QUERIES);

type Point = [number, number];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Timing {
  p50: number;
  p99: number;
  mean: number;
  results: number;
}

async function time(points: Point[], search: (p: Point) => Promise<unknown[]> | unknown[]): Promise<Timing> {
  const ms: number[] = [];
  let results = 0;
  for (const p of points) {
    const start = performance.now();
    const found = await search(p);
    ms.push(performance.now() - start);
    results += found.length;
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), mean: ms.reduce((s, x) => s + x, 0) / ms.length, results: results / points.length };
}

/** What any correct nearest-first search must return, by looking at every helper. */
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

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const fmt = (ms: number) => ms.toFixed(3);

async function main(): Promise<void> {
  const setup: Record<string, string> = {};
  let started = performance.now();
  const set = generateHelpers(HELPERS, 20_240_601);
  const sampleQuery = populationSampler(mulberry32(99));
  const points: Point[] = Array.from({ length: QUERIES + WARMUP }, () => sampleQuery());
  const warmup = points.splice(0, WARMUP);
  setup["generate helpers + queries"] = `${seconds(started)} s`;

  const dir = mkdtempSync(join(tmpdir(), "doum-bench-"));
  const file = join(dir, "bench.sqlite");
  const db = createDb(`sqlite:${file}`);
  const rows: Array<Record<string, string | number>> = [];
  let redis: Awaited<ReturnType<typeof connectRedisGeo>>;
  try {
    started = performance.now();
    await migrateToLatest(db.kysely);
    loadIntoSqlite(file, set);
    setup["SQLite load (migrations, insert, index)"] = `${seconds(started)} s`;
    setup["SQLite file"] = mb(statSync(file).size);

    const ours = (grid: CellGrid) => (p: Point) =>
      findNearbyHelpers(db.kysely, { latitude: p[0], longitude: p[1], radiusM: RADIUS_M, limit: LIMIT }, grid);
    await time(warmup, ours(HELPER_GRID));
    const a = await time(points, ours(HELPER_GRID));
    rows.push({ path: `(a) findNearbyHelpers, SQLite, cell ${gridName(HELPER_GRID)}`, queries: points.length, ...show(a) });
    setup["RSS after SQLite runs"] = mb(process.memoryUsage().rss);

    const positions = Array.from({ length: set.count }, (_, i) => ({ latitude: set.latitudes[i]!, longitude: set.longitudes[i]! }));
    const linearPoints = points.slice(0, LINEAR_QUERIES);
    const b = await time(linearPoints, (p) => linearScan(set, positions, p));
    rows.push({ path: "(b) linear geolib scan, all helpers", queries: linearPoints.length, ...show(b) });
    let agree = 0;
    for (const p of linearPoints) {
      const expected = linearScan(set, positions, p);
      const got = (await ours(HELPER_GRID)(p)).map((h: NearbyHelper) => ({ userId: h.userId, distanceM: h.distanceM }));
      if (JSON.stringify(expected) === JSON.stringify(got)) agree++;
    }
    setup["(a) equals (b) on sampled queries"] = `${agree}/${linearPoints.length}`;

    redis = await connectRedisGeo(REDIS_URL);
    let c: Timing | undefined;
    if (!redis) {
      console.log(`Redis at ${REDIS_URL} is unreachable: skipping (c).`);
    } else {
      started = performance.now();
      await redis.load(set);
      setup["Redis GEOADD load"] = `${seconds(started)} s`;
      setup["Redis used_memory"] = mb(await redis.usedMemoryBytes());
      await time(warmup, (p) => redis!.search(p[0], p[1], RADIUS_M, LIMIT));
      c = await time(points, (p) => redis!.search(p[0], p[1], RADIUS_M, LIMIT));
      rows.push({ path: "(c) Redis GEOSEARCH BYRADIUS 3 km ASC COUNT 50", queries: points.length, ...show(c) });
      await redis.close();
    }

    for (const spec of GRIDS) {
      const [latStep, lonStep] = spec.split("x").map(Number) as [number, number];
      const grid = cellGrid(latStep, lonStep);
      started = performance.now();
      recomputeCells(file, grid);
      setup[`recompute cells for ${gridName(grid)}`] = `${seconds(started)} s`;
      await time(warmup, ours(grid));
      rows.push({ path: `(a) findNearbyHelpers, SQLite, cell ${gridName(grid)}`, queries: points.length, ...show(await time(points, ours(grid))) });
    }

    console.log(`\n${HELPERS.toLocaleString("en")} helpers, radius ${RADIUS_M / 1000} km, nearest ${LIMIT}, ${WARMUP} warm-up queries per path`);
    console.table(rows);
    if (c) console.log(`median speed-up of (a) over (c): ${(c.p50 / a.p50).toFixed(1)}×`);
    console.log(`targets for (a): p50 ≤ 0.3 ms ${a.p50 <= 0.3 ? "met" : "MISSED"}, p99 ≤ 2 ms ${a.p99 <= 2 ? "met" : "MISSED"}` +
      (c ? `, ≥ 20× (c) at the median ${c.p50 / a.p50 >= 20 ? "met" : "MISSED"}` : ""));
    setup["RSS at end"] = mb(process.memoryUsage().rss);
    console.table(setup);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

function show(t: Timing) {
  return { "p50 ms": fmt(t.p50), "p99 ms": fmt(t.p99), "mean ms": fmt(t.mean), "avg found": t.results.toFixed(1) };
}

function gridName(grid: CellGrid): string {
  return `${grid.latStep}°×${grid.lonStep}°`;
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

await main();
