import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { scheduleDeadline } from "../../db/repositories/deadlines.js";
import type { Deadline } from "../../db/schema.js";
import { createDeadlineRunner } from "../../src/jobs/deadlines.js";
import { TestClock } from "../support/clock.js";
import { postgresUrl, tempPostgresUrl, tempSqliteUrl } from "../support/databases.js";

function deadlineSuite(open: () => Promise<{ db: Db; url: string; cleanup(): Promise<void> }>) {
  const opened: { db: Db; cleanup(): Promise<void> }[] = [];
  afterAll(async () => {
    // Every pool closes before a database is dropped, or the drop cuts a live connection.
    for (const o of opened) await o.db.destroy();
    for (const o of opened) await o.cleanup();
  });

  it("fires each due deadline exactly once, even with two runners, and not before it is due", async () => {
    const first = await open();
    opened.push(first);
    await migrateToLatest(first.db.kysely);
    // PostgreSQL: a second pool, as a second bot instance would have. SQLite is one process's
    // database; its runners share the connection (two connections in one thread would block it).
    const second = first.db.dialect === "postgres" ? createDb(first.url) : first.db;
    if (second !== first.db) opened.push({ db: second, cleanup: async () => {} });
    const clock = new TestClock(1_000_000);
    const fired: Deadline[] = [];
    const handlers = {
      "request-expiry": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "request-wave": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "completion-reminder": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "completion-timeout": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "no-show-check": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "walk-check-in": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "walk-alarm": async (_trx: unknown, d: Deadline) => void fired.push(d),
      "voucher-expiry": async (_trx: unknown, d: Deadline) => void fired.push(d),
    };
    const logger = pino({ level: "silent" });
    const lockSubject = async () => {};
    const runnerA = createDeadlineRunner({ db: first.db.kysely, clock, logger, handlers, lockSubject, afterFire: () => {} });
    const runnerB = createDeadlineRunner({ db: second.kysely, clock, logger, handlers, lockSubject, afterFire: () => {} });

    for (let i = 1; i <= 30; i++) {
      await scheduleDeadline(first.db.kysely, {
        kind: i % 2 ? "request-expiry" : "request-wave",
        subjectId: i,
        dueAt: 1_000_000 + i * 1000,
        now: clock.now(),
      });
    }
    clock.advance(15_000);
    const counts = await Promise.all([runnerA.runDue(), runnerB.runDue(), runnerA.runDue()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(15);
    expect(fired.map((d) => d.subject_id).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

    clock.advance(60_000);
    await Promise.all([runnerA.runDue(), runnerB.runDue()]);
    expect(fired).toHaveLength(30);
    expect(new Set(fired.map((d) => d.id)).size).toBe(30);
  });
}

describe("deadlines on SQLite", () => {
  deadlineSuite(async () => {
    const url = tempSqliteUrl();
    return { db: createDb(url), url, cleanup: async () => {} };
  });
});

describe.skipIf(!postgresUrl)("deadlines on PostgreSQL", () => {
  deadlineSuite(async () => {
    const temp = await tempPostgresUrl(postgresUrl!);
    return { db: createDb(temp.url), url: temp.url, cleanup: temp.drop };
  });
});
