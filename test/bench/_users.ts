import SQLite from "better-sqlite3";
const raw = new SQLite("/tmp/geo-scratch/m1.sqlite");
raw.pragma("journal_mode = WAL");
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
const r = Math.random;
const sqlText = `select "id" from "users" where "id" in (${Array(50).fill("?").join(", ")}) and "reachable" <> ?`;
const st = raw.prepare(sqlText);
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < 3000; i++) {
    const base = Math.floor(r() * 900000);
    const ids = Array.from({ length: 50 }, () => 5_000_000_000 + base + Math.floor(r() * 100000));
    st.all(...ids, 1);
  }
  console.log("cached stmt µs", ((performance.now() - t) * 1000 / 3000).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 3000; i++) raw.prepare(sqlText);
  console.log("prepare µs", ((performance.now() - t) * 1000 / 3000).toFixed(1));
  t = performance.now();
  for (let i = 0; i < 3000; i++) {
    const base = Math.floor(r() * 900000);
    const ids = Array.from({ length: 50 }, () => 5_000_000_000 + base + Math.floor(r() * 100000));
    raw.prepare(`select count(*) from "helpers" where "user_id" in (${Array(50).fill("?").join(", ")})`).all(...ids);
  }
  console.log("helpers pk only µs", ((performance.now() - t) * 1000 / 3000).toFixed(1));
}
