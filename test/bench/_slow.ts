import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { cellGrid } from "../../src/domain/geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const raw = new SQLite(process.argv[2]!);
const grid = cellGrid(Number(process.argv[3]), Number(process.argv[4]));
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
const s = populationSampler(mulberry32(5));
const out: [number, string][] = [];
const hist = new Map<string, number>();
for (let i = 0; i < 4000; i++) {
  const [lat, lon] = s();
  (globalThis as any).__trace = [];
  const t = performance.now();
  const r = await findNearbyHelpers(k, { latitude: lat, longitude: lon, radiusM: 3000, limit: 50 }, grid);
  const ms = performance.now() - t;
  const tr = (globalThis as any).__trace as string[];
  hist.set(String(tr.length), (hist.get(String(tr.length)) ?? 0) + 1);
  if (i > 500) out.push([ms, `${r.length} ${tr.join(" | ")}`]);
}
out.sort((a, b) => b[0] - a[0]);
console.log(hist);
for (const [ms, t] of out.slice(0, 40)) console.log(ms.toFixed(2), t);
