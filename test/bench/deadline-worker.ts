/**
 * A bot's deadline runner alone, in its own process so the bench can kill it with SIGKILL:
 * each deadline's handler records its firing in `bench_fired` inside the deadline's own
 * transaction, so a firing and its record are kept or lost together. Argument: the database URL.
 */
import { sql } from "kysely";
import { pino } from "pino";
import { createDb } from "../../db/create-db.js";
import type { DeadlineHandler } from "../../src/jobs/deadlines.js";
import { createDeadlineRunner } from "../../src/jobs/deadlines.js";
import { systemClock } from "../../src/clock.js";

const database = createDb(process.argv[2]!);
const record: DeadlineHandler = async (trx, deadline) => {
  await sql`insert into bench_fired (deadline_id, due_at, fired_at) values (${deadline.id}, ${deadline.due_at}, ${Date.now()})`.execute(
    trx,
  );
};
const runner = createDeadlineRunner({
  db: database.kysely,
  clock: systemClock,
  logger: pino({ level: "silent" }),
  handlers: {
    "request-expiry": record,
    "request-wave": record,
    "completion-reminder": record,
    "completion-timeout": record,
    "no-show-check": record,
    "walk-check-in": record,
    "walk-alarm": record,
    "voucher-expiry": record,
  },
  lockSubject: async () => {},
  afterFire: () => {},
});
await runner.start();
console.log("deadline runner started");
