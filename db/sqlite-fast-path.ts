import type SQLite from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** How a statement hands its rows back: an object per row, or an array of the selected columns. */
export type RowMode = "objects" | "arrays";

/**
 * SQLite connections whose hot statements may skip Kysely, keyed by the adapter object that a
 * Kysely instance shares with everything derived from it (`withPlugin`, `transaction()`), so the
 * transactions the services run them in are recognised too.
 */
const connections = new WeakMap<object, { sqlite: SQLite.Database; statements: Record<RowMode, Map<string, SQLite.Statement>> }>();
/** The hot texts are few; the cap only guards against drift. */
const MAX_CACHED_STATEMENTS = 256;

/** Lets hot statements through `kysely` (and its transactions) run on `sqlite`, the very connection its SqliteDialect wraps. */
export function enableSqliteFastPath(kysely: Kysely<Database>, sqlite: SQLite.Database): void {
  connections.set(kysely.getExecutor().adapter, { sqlite, statements: { objects: new Map(), arrays: new Map() } });
}

/**
 * `sql` as a better-sqlite3 statement on the connection under `db`, prepared once, when Kysely may
 * be skipped; undefined when it must stay in charge, and the caller runs the query through it.
 * Kysely would wrap the call in promises and its connection mutex, which on the hot path cost
 * about as much as SQLite's own work. Reading straight from the connection is what Kysely would
 * do too, since SQLite has a single connection: inside a transaction it sees that transaction's
 * writes. Kysely stays in charge on PostgreSQL, when plugins may rewrite the query or its rows,
 * and outside a transaction while one is open (another async caller's): the statement then waits
 * for the connection through Kysely rather than read or write inside that transaction.
 */
export function sqliteStatement(db: Executor, sql: string, rows: RowMode): SQLite.Statement | undefined {
  const executor = db.getExecutor();
  const connection = connections.get(executor.adapter);
  if (!connection || executor.plugins.length > 0 || (!db.isTransaction && connection.sqlite.inTransaction)) return undefined;
  const statements = connection.statements[rows];
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
    statement = connection.sqlite.prepare(sql);
    if (rows === "arrays") statement.raw(true);
    statements.set(sql, statement);
  }
  return statement;
}
