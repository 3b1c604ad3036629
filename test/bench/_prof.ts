import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { boxAround, cellRangesForBox, distanceMeters, distanceLowerBoundMeters } from "../../src/domain/geo.js";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { mulberry32, populationSampler } from "./korea.js";
const raw = new SQLite("/tmp/geo-scratch/plan.sqlite");
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
const s = populationSampler(mulberry32(5));
const pts = Array.from({ length: 3000 }, () => s());
function build(lat: number, lon: number, half: number) {
  const box = boxAround(lat, lon, half);
  const cells: number[] = [];
  for (const [a, b] of cellRangesForBox(box)) for (let c = a; c <= b; c++) cells.push(c);
  const values = sql.join(cells.map((cell) => sql`(cast(${cell} as bigint))`));
  return k.with("box_cells(cell)", () => sql`(values ${values})`).selectFrom("box_cells").crossJoin("helpers")
    .select(["user_id", "latitude", "longitude", "radius_m", "quiet_start_minute", "quiet_end_minute"])
    .whereRef("helpers.cell", "=", "box_cells.cell").where("status", "=", sql.lit("approved")).where("available", "=", sql.lit(1))
    .where("latitude", ">=", box.minLat).where("latitude", "<=", box.maxLat)
    .where((eb) => eb.and([eb("longitude", ">=", box.minLon), eb("longitude", "<=", box.maxLon)]));
}
for (let round = 0; round < 2; round++) {
  let t = performance.now();
  for (const [lat, lon] of pts) build(lat, lon, 300).compile();
  console.log("build+compile µs", ((performance.now() - t) * 1000 / pts.length).toFixed(1));
  const compiled = pts.map(([lat, lon]) => build(lat, lon, 300).compile());
  t = performance.now();
  for (const c of compiled) raw.prepare(c.sql);
  console.log("prepare µs", ((performance.now() - t) * 1000 / pts.length).toFixed(1));
  const stmts = compiled.map((c) => raw.prepare(c.sql));
  t = performance.now(); let n = 0;
  for (let i = 0; i < stmts.length; i++) n += stmts[i]!.all(compiled[i]!.parameters as any[]).length;
  console.log("run µs", ((performance.now() - t) * 1000 / pts.length).toFixed(1), "rows", n / pts.length);
  t = performance.now();
  for (const c of compiled) await k.executeQuery(c);
  console.log("kysely execute µs", ((performance.now() - t) * 1000 / pts.length).toFixed(1));
  t = performance.now();
  for (const [lat, lon] of pts) await findNearbyHelpers(k, { latitude: lat, longitude: lon, radiusM: 3000, limit: 50 });
  console.log("full µs", ((performance.now() - t) * 1000 / pts.length).toFixed(1));
  const ids = Array.from({ length: 50 }, (_, i) => 5_000_000_000 + i * 1000);
  t = performance.now();
  for (let i = 0; i < 3000; i++) await k.selectFrom("users").select("id").where("id", "in", ids).where("reachable", "<>", 1).execute();
  console.log("reachability µs", ((performance.now() - t) * 1000 / 3000).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 300000; i++) distanceMeters({ latitude: 37, longitude: 127 }, { latitude: 37.01, longitude: 127 + i * 1e-7 });
  console.log("geolib µs", ((performance.now() - t) * 1000 / 300000).toFixed(3));
  t = performance.now();
  for (let i = 0; i < 300000; i++) distanceLowerBoundMeters(37, 127, 37.01, 127 + i * 1e-7);
  console.log("lb µs", ((performance.now() - t) * 1000 / 300000).toFixed(3));
}
