import { Kysely, SqliteDialect } from "kysely";
import SQLite from "better-sqlite3";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { generateHelpers, loadIntoSqlite } from "./fixture.js";
import { rmSync } from "node:fs";
const file = "/tmp/geo-scratch/plan.sqlite";
rmSync(file, { force: true });
const db = createDb(`sqlite:${file}`);
await migrateToLatest(db.kysely);
loadIntoSqlite(file, generateHelpers(100000, 1));
const raw = new SQLite(file);
const k = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { if (e.level === "query") console.log(e.queryDurationMillis.toFixed(3), e.query.sql.slice(0, 200), e.query.parameters.length); } });
for (let i = 0; i < 3; i++) {
const t = performance.now();
const r = await findNearbyHelpers(k, { latitude: 37.5665 + i * 0.01, longitude: 126.978, radiusM: 3000, limit: 50 });
console.log(performance.now() - t, r.length);
}
const q = await k.selectFrom("users").select("id").where("id", "in", [1,2,3]).where("reachable", "<>", 1).compile();
console.log(raw.prepare("explain query plan " + q.sql).all(...q.parameters as any[]));
await db.destroy();
