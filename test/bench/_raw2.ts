import SQLite from "better-sqlite3";
import { boxAround, cellGrid, spreadBound, cellRangesForBox, type CellGrid } from "../../src/domain/geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const file = process.argv[2]!;
const grid: CellGrid = cellGrid(Number(process.argv[3]), Number(process.argv[4]));
const half = Number(process.argv[5] ?? 300);
const raw = new SQLite(file);
raw.pragma("journal_mode = WAL");
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
const s = populationSampler(mulberry32(5));
const pts = Array.from({ length: 3000 }, () => s());
const variants: Record<string, (cells: number[]) => string> = {
  inlist_plain: (cells) => `select user_id, latitude, longitude, radius_m from helpers indexed by helpers_nearby where status = 'approved' and available = 1 and cell in (${cells.join(",")}) and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ?`,
  inlist_count: (cells) => `select count(*) from helpers indexed by helpers_nearby where status = 'approved' and available = 1 and cell in (${cells.join(",")}) and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ?`,
  inlist_order: (cells) => `select user_id, latitude, longitude, radius_m, (latitude - 37.5) * (latitude - 37.5) + (longitude - 127) * (longitude - 127) * 0.6 as spread from helpers indexed by helpers_nearby where status = 'approved' and available = 1 and cell in (${cells.join(",")}) and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ? order by spread limit 57`,
  values_plain: (cells) => `with c(cell) as (values ${cells.map((x) => `(${x})`).join(",")}) select user_id, latitude, longitude, radius_m from c cross join helpers where helpers.cell = c.cell and status = 'approved' and available = 1 and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ?`,
  values_order: (cells) => `with c(cell) as (values ${cells.map((x) => `(${x})`).join(",")}) select user_id, latitude, longitude, radius_m, (latitude - 37.5) * (latitude - 37.5) + (longitude - 127) * (longitude - 127) * 0.6 as spread from c cross join helpers where helpers.cell = c.cell and status = 'approved' and available = 1 and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ? order by spread limit 57`,
  values_order_users: (cells) => `with c(cell) as (values ${cells.map((x) => `(${x})`).join(",")}), n as (select user_id, latitude, longitude, radius_m, (latitude - 37.5) * (latitude - 37.5) + (longitude - 127) * (longitude - 127) * 0.6 as spread from c cross join helpers where helpers.cell = c.cell and status = 'approved' and available = 1 and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ? order by spread limit 57) select n.*, users.reachable from n left join users on users.id = n.user_id`,
  users_only: (cells) => `select id, reachable from users where id in (${Array.from({length: 25}, (_, i) => 5_000_000_000 + Math.floor(Math.random() * 1e6)).join(",")}) and ? < ? and ? < ?`,
};
for (const [name, make] of Object.entries(variants)) {
  for (let round = 0; round < 2; round++) {
    const ms: number[] = []; let n = 0, ncells = 0;
    for (const [lat, lon] of pts) {
      const box = boxAround(lat, lon, half);
      const cells: number[] = [];
      for (const [a, b] of cellRangesForBox(box, grid)) for (let c = a; c <= b; c++) cells.push(c);
      ncells += cells.length;
      const st = raw.prepare(make(cells));
      const t0 = performance.now();
      const r = st.all(box.minLat, box.maxLat, box.minLon, box.maxLon);
      ms.push(performance.now() - t0);
      n += name.endsWith("count") ? (r[0] as any)["count(*)"] : r.length;
    }
    ms.sort((a, b) => a - b);
    console.log(name, "run p50 µs", (ms[1500]! * 1000).toFixed(0), "p99", (ms[2970]! * 1000).toFixed(0), "rows", (n / 3000).toFixed(1), "cells", (ncells / 3000).toFixed(1));
  }
}
