import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
const raw = new SQLite("/tmp/geo-scratch/m1.sqlite");
const seen: any[] = [];
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { seen.push({ ...e.query, ms: e.queryDurationMillis }); } });
await findNearbyHelpers(k, { latitude: 37.5665, longitude: 126.978, radiusM: 3000, limit: 50 });
await findNearbyHelpers(k, { latitude: 36.5665, longitude: 127.5, radiusM: 3000, limit: 50 });
for (const q of seen) {
  console.log(q.ms, q.sql);
  console.log(raw.prepare("explain query plan " + q.sql).all(...q.parameters).map((r: any) => `${r.id}/${r.parent} ${r.detail}`).join("\n"));
  const t = performance.now(); const st = raw.prepare(q.sql); const n = st.all(...q.parameters).length; console.log("raw ms", performance.now() - t, n);
}
console.log("---- repeated");
for (const q of seen) {
  const st = raw.prepare(q.sql);
  let t = performance.now();
  for (let i = 0; i < 200; i++) raw.prepare(q.sql);
  const prep = (performance.now() - t) / 200;
  t = performance.now();
  for (let i = 0; i < 200; i++) st.all(...q.parameters);
  const run = (performance.now() - t) / 200;
  const noUsers = q.sql.replace(/select "nearest"\.\*, "users"\."reachable" from "nearest" left join "users" on "users"\."id" = "nearest"\."user_id"/, 'select * from nearest');
  const st2 = raw.prepare(noUsers);
  t = performance.now();
  for (let i = 0; i < 200; i++) st2.all(...q.parameters);
  const run2 = (performance.now() - t) / 200;
  console.log("prepare ms", prep.toFixed(3), "run ms", run.toFixed(3), "run without users", run2.toFixed(3));
}
