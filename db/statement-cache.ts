import type SQLite from "better-sqlite3";
import type { PostgresPool, PostgresPoolClient, SqliteDatabase } from "kysely";
import type pg from "pg";

/**
 * Kysely hands every statement to the driver as text and the driver prepares it anew: on SQLite
 * preparing the same few statements again was half of the database's cost per update. These
 * wrappers sit between Kysely and the driver, keyed by the SQL text, so no repository changes.
 * The repositories build a bounded set of texts; the cap only guards against drift (long IN lists).
 */
const MAX_STATEMENTS = 1000;

/** better-sqlite3 with each distinct text prepared once and reused. */
export function preparedOnceSqlite(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => void sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      // A statement still being iterated (a stream) cannot run again; a fresh one can.
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Data statements only: a prepared plan of a table whose columns a migration then changes would
 * fail ("cached plan must not change result type"), and DDL runs once anyway.
 */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * A pg pool whose clients run each distinct data statement as a named prepared statement: the
 * server parses and plans it once per connection instead of on every call (pg remembers which
 * names a connection has prepared).
 */
export function preparedOncePool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_STATEMENTS && PREPARABLE.test(text)) {
      name = `doum_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  // Kysely keeps one connection object per client object, so each client keeps its wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (!wrapper) {
      wrapper = {
        query: ((textOrCursor: unknown, values?: unknown[]): unknown => {
          const name = typeof textOrCursor === "string" ? nameOf(textOrCursor) : undefined;
          return name === undefined
            ? client.query(textOrCursor as never, values)
            : client.query({ name, text: textOrCursor as string, values });
        }) as unknown as PostgresPoolClient["query"],
        release: () => client.release(),
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
