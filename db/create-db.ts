import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { createRequire } from "node:module";
import type pg from "pg";
import type { Database } from "./schema.js";
import { enableSqliteFastPath } from "./sqlite-fast-path.js";
import { preparedOncePool, preparedOnceSqlite } from "./statement-cache.js";

export type Dialect = "sqlite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite connection under `kysely`, for tools that measure it; absent on PostgreSQL. */
  sqlite?: SQLite.Database;
  destroy(): Promise<void>;
}

/** pg is loaded only for a PostgreSQL database: an SQLite bot does not carry it in memory. */
function loadPg(): typeof pg {
  const loaded = createRequire(import.meta.url)("pg") as typeof pg;
  // Epoch-millisecond columns are BIGINT on PostgreSQL; pg returns int8 as a string unless told.
  loaded.types.setTypeParser(loaded.types.builtins.INT8, (v) => Number(v));
  return loaded;
}

/**
 * `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…`. `onIdleError` hears of an idle
 * PostgreSQL connection the server closed (a restart, a failover, an administrator): pg drops it
 * from the pool and opens a new one on next use, but without a listener its "error" event would
 * end the process.
 */
export function createDb(url: string, onIdleError: (error: Error) => void = () => {}): Db {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const pool = new (loadPg().Pool)({ connectionString: url, max: 10 });
    pool.on("error", onIdleError);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedOncePool(pool) }) });
    return { kysely, dialect: "postgres", destroy: () => kysely.destroy() };
  }
  if (!url.startsWith("sqlite:")) throw new Error(`Unsupported DATABASE_URL: ${url}`);
  const file = url.slice("sqlite:".length);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while the sender loop writes; busy_timeout rides out short locks
  // instead of failing with SQLITE_BUSY when a second process (a restarted bot) overlaps.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // A ceiling that fills only with pages actually read; beyond it pages come from the operating
  // system's cache. The whole nearby index of a million helpers (45 MB, which the search's
  // helpers-per-cell reading scans) measured no faster in a 64 MB cache than in this one, and
  // cost 40 MB more. (A memory map measured slower for the nearby search.)
  sqlite.pragma("cache_size = -32768");
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnceSqlite(sqlite) }) });
  enableSqliteFastPath(kysely, sqlite);
  return { kysely, dialect: "sqlite", sqlite, destroy: () => kysely.destroy() };
}
