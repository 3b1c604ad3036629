import SQLite from "better-sqlite3";
const raw = new SQLite(process.argv[2]!);
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
if (process.env.WARM) { raw.prepare("select count(*), sum(reachable) from users").get(); raw.prepare("select count(*) from users indexed by sqlite_autoindex_users_1 where id > 0").get(); }
const list = Array(50).fill("?").join(",");
const V: Record<string, string> = {
  countIdx: `select count(*) from users where id in (${list})`,
  countTbl: `select count(*) from users where id in (${list}) and reachable <> 1`,
  rowsTbl: `select id from users where id in (${list}) and reachable <> 1`,
  helpersPk: `select count(*) from helpers where user_id in (${list})`,
  trivial: `select ? + ? ${",?".repeat(48).replace(/,\?/g, " + ?")}`,
};
for (const range of [1000, 999_999]) for (const [name, q] of Object.entries(V)) {
  const st = raw.prepare(q);
  const sets = Array.from({ length: 3000 }, () => Array.from({ length: 50 }, () => 5e9 + 1 + Math.floor(Math.random() * range)));
  for (const s of sets.slice(0, 200)) st.all(...s);
  const t = performance.now();
  for (const s of sets) st.all(...s);
  console.log(range, name, ((performance.now() - t) * 1000 / 3000).toFixed(1), "µs per 50");
}
