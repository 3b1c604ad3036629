import type SQLite from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** A statement prepared once; a reading one gives arrays of its columns, named in `columns`. */
export interface PreparedStatement {
  statement: SQLite.Statement;
  columns: string[];
}

interface Connection {
  sqlite: SQLite.Database;
  statements: Map<string, PreparedStatement>;
}

/**
 * SQLite connections whose hot statements may skip Kysely, keyed by the adapter object that a
 * Kysely instance shares with everything derived from it (`withPlugin`, `transaction()`), so the
 * transactions the services run them in are recognised too.
 */
const connections = new WeakMap<object, Connection>();
/** The hot texts are few; the cap only guards against drift. */
const MAX_CACHED_STATEMENTS = 256;

/** Lets hot statements through `kysely` (and its transactions) run on `sqlite`, the very connection its SqliteDialect wraps. */
export function enableSqliteFastPath(kysely: Kysely<Database>, sqlite: SQLite.Database): void {
  connections.set(kysely.getExecutor().adapter, { sqlite, statements: new Map() });
}

/**
 * `sql` as a better-sqlite3 statement on the connection under `db`, prepared once, when Kysely
 * may be skipped; undefined when it must stay in charge, and the caller runs the query through it.
 * Kysely would wrap the call in promises and its connection mutex, which on the hot path cost
 * about half as much again as SQLite's own work. Reading straight from the connection is what Kysely would
 * do too, since SQLite has a single connection: inside a transaction it sees that transaction's
 * writes. Kysely stays in charge on PostgreSQL, when plugins may rewrite the query or its rows,
 * and outside a transaction while one is open (another async caller's): the statement then waits
 * for the connection through Kysely rather than read or write inside that transaction.
 */
export function sqliteStatement(db: Executor, sql: string): PreparedStatement | undefined {
  const executor = db.getExecutor();
  const connection = connections.get(executor.adapter);
  if (!connection || executor.plugins.length > 0 || (!db.isTransaction && connection.sqlite.inTransaction)) return undefined;
  let prepared = connection.statements.get(sql);
  if (!prepared) {
    if (connection.statements.size >= MAX_CACHED_STATEMENTS) connection.statements.clear();
    const statement = connection.sqlite.prepare(sql);
    const columns = statement.reader
      ? statement
          .raw(true)
          .columns()
          .map((column) => column.name)
      : [];
    connection.statements.set(sql, (prepared = { statement, columns }));
  }
  return prepared;
}

/**
 * A reading statement's rows as objects keyed by column name, as Kysely gives them, built here
 * from the arrays: better-sqlite3 building each object through the native API, one property at a
 * time, cost a sixth of a small read.
 */
export function objectRows({ statement, columns }: PreparedStatement, parameters: readonly unknown[]) {
  return (statement.all(parameters) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row;
  });
}
