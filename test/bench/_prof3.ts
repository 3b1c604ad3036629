import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { mulberry32, populationSampler } from "./korea.js";
const raw = new SQLite(process.argv[2] ?? "/tmp/geo-scratch/m1.sqlite");
raw.pragma("journal_mode = WAL");
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
const stat = new Map<string, { n: number; ms: number }>();
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => {
  const key = "stmt";
  const s = stat.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += e.queryDurationMillis; stat.set(key, s);
} });
const s = populationSampler(mulberry32(5));
const pts = Array.from({ length: 5000 }, () => s());
for (let round = 0; round < 3; round++) {
  stat.clear();
  const t = performance.now();
  for (const [lat, lon] of pts) await findNearbyHelpers(k, { latitude: lat, longitude: lon, radiusM: 3000, limit: 50 });
  console.log("total µs/q", ((performance.now() - t) * 1000 / 5000).toFixed(0), [...stat].map(([k, v]) => `${k}: ${(v.n / 5000).toFixed(2)}/q ${(v.ms * 1000 / v.n).toFixed(0)}µs each`).join(", "));
}
