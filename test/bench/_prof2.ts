import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { cellGrid } from "../../src/domain/geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const raw = new SQLite(process.argv[2]!);
const grid = cellGrid(Number(process.argv[3]), Number(process.argv[4]));
raw.pragma("journal_mode = WAL");
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
let stmts = 0; let stmtMs = 0; const kinds = new Map<string, [number, number]>();
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { stmts++; stmtMs += e.queryDurationMillis; const k = e.query.sql.startsWith("with") ? "box" : "users"; const v = kinds.get(k) ?? [0, 0]; v[0]++; v[1] += e.queryDurationMillis; kinds.set(k, v); } });
const s = populationSampler(mulberry32(5));
const N = 4000;
const pts = Array.from({ length: N }, () => s());
for (let round = 0; round < 3; round++) {
  stmts = 0; stmtMs = 0; kinds.clear();
  const ms: number[] = [];
  let found = 0;
  for (const [lat, lon] of pts) {
    const t = performance.now();
    found += (await findNearbyHelpers(k, { latitude: lat, longitude: lon, radiusM: 3000, limit: 50 }, grid)).length;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log("p50", ms[N / 2]!.toFixed(3), "p99", ms[N * 0.99]!.toFixed(3), "mean", (ms.reduce((a, b) => a + b) / N).toFixed(3), "stmts/q", (stmts / N).toFixed(2), "stmt µs", (stmtMs * 1000 / stmts).toFixed(0), "found", found / N, [...kinds].map(([k, [n, ms]]) => `${k} ${(n / N).toFixed(2)}/q ${(ms * 1000 / n).toFixed(0)}µs`).join(" "));
}
