import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { cellGrid } from "../../src/domain/geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const raw = new SQLite(process.argv[2]!);
const grid = cellGrid(Number(process.argv[3]), Number(process.argv[4]));
const seen: any[] = [];
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { if (e.query.sql.startsWith("with")) seen.push(e.query); } });
const s = populationSampler(mulberry32(5));
for (let i = 0; i < 2000; i++) { const [lat, lon] = s(); await findNearbyHelpers(k, { latitude: lat, longitude: lon, radiusM: 3000, limit: 50 }, grid); }
const variants: Record<string, (sql: string) => string> = {
  full: (q) => q,
  noPrefilter: (q) => q.replace(/ and \(latitude - \?\)[^]*?double precision\)/, (m) => " and 1 = 1" + " and ? = ? and ? = ? and ? = ? and ? = ? and ? = ? and ? = ? and ? = ? and ? = ? and ? = ? and ? = ? and ? = ?".slice(0, 0)),
};
const stF = seen.map((q) => raw.prepare(q.sql));
let t = performance.now();
for (const q of seen) raw.prepare(q.sql);
console.log("prepare µs", ((performance.now() - t) * 1000 / seen.length).toFixed(0));
for (let r = 0; r < 2; r++) {
t = performance.now(); let n = 0;
for (let i = 0; i < seen.length; i++) n += stF[i]!.all(...seen[i].parameters).length;
console.log("run full µs", ((performance.now() - t) * 1000 / seen.length).toFixed(0), n / seen.length);
}
console.log(seen[0].sql);
const t2 = performance.now();
for (let i = 0; i < 2000; i++) k.selectFrom("helpers").select("user_id").where("user_id", "in", [1, 2, 3]).compile();
console.log("tiny compile µs", ((performance.now() - t2) * 1000 / 2000).toFixed(0));
