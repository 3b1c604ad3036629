import type SQLite from "better-sqlite3";

/**
 * Counts every statement a connection executes: each statement `prepare` hands out (once per
 * text, db/statement-cache.ts) counts its every run; attach before the code under measurement
 * first runs.
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
