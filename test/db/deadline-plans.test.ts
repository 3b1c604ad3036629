import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { cancelDeadlines, dueDeadlines, nextDueAt } from "../../db/repositories/deadlines.js";
import type { Database } from "../../db/schema.js";
import { tempSqliteUrl } from "../support/databases.js";

// Deadlines are kept after they fire or are cancelled, so the table only grows: the runner's pass
// and every cancellation must reach the pending ones through the partial indexes, whatever lies
// beside them (the runner tests show what fires and when).
it("finds due, next and cancelled deadlines among the pending ones only", async () => {
  const raw = new SQLite(tempSqliteUrl().slice("sqlite:".length));
  const statements: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void statements.push(event.query) });
  try {
    await migrateToLatest(db);
    statements.length = 0;
    await dueDeadlines(db, 1_000, 50);
    await nextDueAt(db);
    await cancelDeadlines(db, "request-expiry", 7);
    // Planned without the values, as PostgreSQL's generic plan is: a bound "pending" would let
    // SQLite pick the partial index only by preparing the statement again on every run.
    const plans = statements.map((s) =>
      (raw.prepare(`explain query plan ${s.sql}`).all(...s.parameters.map(() => null)) as Array<{ detail: string }>).map((p) => p.detail),
    );
    expect(plans).toEqual([
      ["SEARCH deadlines USING INDEX deadlines_due (due_at<?)"],
      ["SCAN deadlines USING COVERING INDEX deadlines_due"],
      ["SEARCH deadlines USING INDEX deadlines_pending_subject (kind=? AND subject_id=?)"],
    ]);
  } finally {
    await db.destroy();
  }
});
