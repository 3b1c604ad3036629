import type SQLite from "better-sqlite3";

/**
 * Splits the search's time by statement. The search runs on SQLite through cached
 * better-sqlite3 statements, not through Kysely, so this wraps `prepare` on the connection and
 * times each box statement's execution (binding, stepping, building the rows). Attach before
 * the first search so that every cached statement is a timed one.
 */
export class StatementTimer {
  readonly totals = { box: { count: 0, ms: 0 } };

  attach(sqlite: SQLite.Database): void {
    const prepare = sqlite.prepare.bind(sqlite);
    const totals = this.totals;
    sqlite.prepare = ((source: string) => {
      const statement = prepare(source);
      if (!source.includes('"box_cells"')) return statement;
      const all = statement.all.bind(statement);
      statement.all = (...params: unknown[]) => {
        const at = performance.now();
        try {
          return all(...params);
        } finally {
          totals.box.count++;
          totals.box.ms += performance.now() - at;
        }
      };
      return statement;
    }) as typeof sqlite.prepare;
  }

  reset(): void {
    this.totals.box.count = 0;
    this.totals.box.ms = 0;
  }
}

/**
 * Counts every statement a connection executes. Kysely prepares a statement per query, so
 * wrapping `prepare` sees each one; attach before the code under measurement first runs.
 */
export class StatementCounter {
  count = 0;

  attach(sqlite: SQLite.Database): void {
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      const statement = prepare(source);
      for (const method of ["run", "get", "all", "iterate"] as const) {
        const original = (statement[method] as (...params: unknown[]) => unknown).bind(statement);
        (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
          this.count++;
          return original(...params);
        };
      }
      return statement;
    }) as typeof sqlite.prepare;
  }
}
