import type { Compilable, CompiledQuery, Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";
import { objectRows, sqliteStatement } from "./sqlite-fast-path.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Stands for a value in a query built once; replaced by the caller's value on every run. */
class Slot {
  constructor(readonly name: string) {}
}

interface Compiled {
  query: CompiledQuery;
  /** Each parameter position: the caller's named value, or a constant written in the query. */
  order: Array<Slot | { constant: unknown }>;
}

/**
 * A query that every update runs, built and compiled by Kysely once per dialect and then run with
 * new values: building and compiling a query cost more than SQLite's own work for the small reads
 * on the hot path. `build` receives `slot(name)` to put where the caller's value goes (values written
 * in the query stay as they are); the result is typed like the query Kysely built. On SQLite it
 * runs on the connection itself where Kysely may be skipped (db/sqlite-fast-path.ts).
 */
export function compiledOnce<Values extends Record<string, unknown>, Row>(
  build: (db: Executor, slot: <K extends keyof Values & string>(name: K) => Values[K]) => Compilable<Row>,
): (db: Executor, values: Values) => Promise<Row[]> {
  // Keyed by the dialect's adapter class: a transaction compiles exactly as its database does.
  const byDialect = new Map<unknown, Compiled>();
  const compile = (db: Executor): Compiled => {
    const query = build(db, (name) => new Slot(name) as never).compile();
    return { query, order: query.parameters.map((p) => (p instanceof Slot ? p : { constant: p })) };
  };
  return async (db, values) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (!compiled) byDialect.set(dialect, (compiled = compile(db)));
    const parameters = compiled.order.map((p) => (p instanceof Slot ? values[p.name] : p.constant));
    const prepared = sqliteStatement(db, compiled.query.sql);
    if (prepared) {
      if (prepared.statement.reader) return objectRows(prepared, parameters) as Row[];
      prepared.statement.run(parameters);
      return [];
    }
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters } as CompiledQuery<Row>);
    return result.rows;
  };
}
