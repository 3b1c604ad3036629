import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { cellGrid } from "../../src/domain/geo.js";
import { mulberry32, populationSampler } from "./korea.js";
const raw = new SQLite(process.argv[2]!);
const grid = cellGrid(Number(process.argv[3]), Number(process.argv[4]));
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
const s = populationSampler(mulberry32(5));
const d: number[] = [];
for (let i = 0; i < 3000; i++) { const [lat, lon] = s(); const r = await findNearbyHelpers(k, { latitude: lat, longitude: lon, radiusM: 3000, limit: 50 }, grid); d.push(r.length < 50 ? 99999 : r[49]!.distanceM); }
d.sort((a, b) => a - b);
console.log([10, 25, 50, 75, 90, 95, 99].map((p) => `p${p}=${d[Math.floor(p * 30)]}`).join(" "));
