import SQLite from "better-sqlite3";
import { boxAround, cellGrid, spreadBound, type CellGrid } from "../../src/domain/geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const file = process.argv[2]!;
const grid: CellGrid = cellGrid(Number(process.argv[3]), Number(process.argv[4]));
const half = Number(process.argv[5] ?? 300);
const raw = new SQLite(file);
raw.pragma("journal_mode = WAL");
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(";")) raw.pragma(p);
const SQL = `with recursive
 box_rows(r) as (select cast(? as bigint) union all select r + 1 from box_rows where r < ?),
 box_columns(c) as (select cast(? as bigint) union all select c + 1 from box_columns where c < ?),
 box_cells(cell) as (select r * ? + c % ? from box_rows cross join box_columns),
 nearest as (
   select user_id, latitude, longitude, radius_m, quiet_start_minute, quiet_end_minute,
     (latitude - ?) * (latitude - ?) + (longitude - ?) * (longitude - ?) * ? as spread
   from box_cells cross join helpers
   where helpers.cell = box_cells.cell and status = 'approved' and available = 1
     and latitude >= ? and latitude <= ? and longitude >= ? and longitude <= ?
   order by spread limit ?)
 select nearest.*, users.reachable from nearest left join users on users.id = nearest.user_id`;
console.log(raw.prepare("explain query plan " + SQL).all(...Array(16).fill(1)).map((r: any) => r.detail).join(" | "));
const s = populationSampler(mulberry32(5));
const pts = Array.from({ length: 3000 }, () => s());
const row = (lat: number) => Math.floor((lat + 90) / grid.latStep), col = (lon: number) => Math.floor((lon + 180) / grid.lonStep);
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < 3000; i++) raw.prepare(SQL);
  const prep = (performance.now() - t) / 3000;
  const st = raw.prepare(SQL);
  const ms: number[] = []; let n = 0;
  for (const [lat, lon] of pts) {
    const box = boxAround(lat, lon, half);
    const b = spreadBound(box);
    const t0 = performance.now();
    n += st.all(row(box.minLat), row(box.maxLat), col(box.minLon), col(box.maxLon), grid.columns, grid.columns, lat, lat, lon, lon, b.lonWeight, box.minLat, box.maxLat, box.minLon, box.maxLon, 57).length;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log("prepare µs", (prep * 1000).toFixed(0), "run p50 µs", (ms[1500]! * 1000).toFixed(0), "p99", (ms[2970]! * 1000).toFixed(0), "rows", (n / 3000).toFixed(1));
}
