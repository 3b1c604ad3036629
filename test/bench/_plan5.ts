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
const parsed = seen.map((q) => {
  const p = q.parameters as number[]; const n = p.length - 22;
  return { cells: p.slice(0, n), lat: p[n]!, lon: p[n + 2]!, w: p[n + 4]!, box: p.slice(n + 5, n + 9), maxSpread: p[n + 14]!, k2: p[n + 20]!, take: p[n + 21]! };
});
const cellsSql = (cells: number[]) => `with c(cell) as (values ${cells.map(() => "(?)").join(",")})`;
const base = `from c cross join helpers where helpers.cell = c.cell and status = 'approved' and available = 1 and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ?`;
const V: Record<string, (q: any) => [string, number[]]> = {
  count: (q) => [`${cellsSql(q.cells)} select count(*) ${base}`, [...q.cells, ...q.box]],
  allRows: (q) => [`${cellsSql(q.cells)} select user_id, latitude, longitude, radius_m, quiet_start_minute, quiet_end_minute ${base}`, [...q.cells, ...q.box]],
  allRowsRaw: (q) => [`${cellsSql(q.cells)} select user_id, latitude, longitude, radius_m, quiet_start_minute, quiet_end_minute ${base}`, [...q.cells, ...q.box]],
  orderOnly: (q) => [`${cellsSql(q.cells)} select user_id, latitude, longitude, radius_m, quiet_start_minute, quiet_end_minute, (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) * ? as spread ${base} order by spread limit ?`, [...q.cells, q.lat, q.lat, q.lon, q.lon, q.w, ...q.box, q.take]],
  orderFewCols: (q) => [`${cellsSql(q.cells)} select user_id, (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) * ? as spread ${base} order by spread limit ?`, [...q.cells, q.lat, q.lat, q.lon, q.lon, q.w, ...q.box, q.take]],
};
for (let r = 0; r < 2; r++) for (const [name, make] of Object.entries(V)) {
  const prepared = parsed.map((q) => { const [sql, params] = make(q); const st = raw.prepare(sql); if (name === "allRowsRaw") st.raw(true); return [st, params] as const; });
  const t = performance.now(); let n = 0;
  for (const [st, params] of prepared) { const rows = st.all(...params); n += name === "count" ? (rows[0] as any)["count(*)"] : rows.length; }
  console.log(name, "µs", ((performance.now() - t) * 1000 / parsed.length).toFixed(0), "rows", (n / parsed.length).toFixed(1));
}
