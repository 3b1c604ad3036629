import SQLite from "better-sqlite3";
const raw = new SQLite(process.argv[2]!);
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
const a = raw.prepare("select reachable from users where id = ?");
const b = raw.prepare("select id from users where id = ?");
const c = raw.prepare("select alias from users where rowid = ?");
const d = raw.prepare("select reachable from users where id = ?").pluck();
for (let round = 0; round < 3; round++) {
  for (const [name, st, base] of [["by id (index+table)", a, 5e9], ["by id covering", b, 5e9], ["by rowid", c, 0], ["by id pluck", d, 5e9]] as const) {
    const ids = Array.from({ length: 20000 }, () => base + 1 + Math.floor(Math.random() * Number(process.env.NUSERS ?? 999_999)));
    const t = performance.now();
    for (const id of ids) st.get(id);
    console.log(name, ((performance.now() - t) * 1000 / ids.length).toFixed(2), "µs");
  }
}
console.log(raw.pragma("page_size"), raw.pragma("cache_size"), raw.pragma("mmap_size"));
