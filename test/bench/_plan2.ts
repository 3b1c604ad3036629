import SQLite from "better-sqlite3";
const raw = new SQLite("/tmp/geo-scratch/plan.sqlite");
const cols = `"user_id", "latitude", "longitude", "radius_m", "quiet_start_minute", "quiet_end_minute"`;
const tail = `and "latitude" >= 37.5 and "latitude" <= 37.51 and ("longitude" >= 127 and "longitude" <= 127.01)`;
const shapes: Record<string, (n: number) => string> = {
  in: (n) => `select ${cols} from helpers where status = 'approved' and available = 1 and cell in (${Array.from({ length: n }, (_, i) => 1000 + i).join(",")}) ${tail}`,
  or: (n) => `select ${cols} from helpers where status = 'approved' and available = 1 and (${Array.from({ length: n }, (_, i) => `(cell >= ${1000 + i * 100} and cell <= ${1003 + i * 100})`).join(" or ")}) ${tail}`,
  values: (n) => `with c(cell) as (values ${Array.from({ length: n }, (_, i) => `(cast(${1000 + i} as bigint))`).join(",")}) select ${cols} from c cross join helpers where helpers.cell = c.cell and status = 'approved' and available = 1 ${tail}`,
};
for (const analyzed of [false, true]) {
  if (analyzed) raw.exec("analyze");
  for (const [name, make] of Object.entries(shapes)) for (const n of [2, 4, 30, 200]) {
    console.log(analyzed ? "stats" : "nostats", name, n, raw.prepare("explain query plan " + make(n)).all().map((r: any) => r.detail).join(" | "));
  }
}
raw.exec("drop table sqlite_stat1");
