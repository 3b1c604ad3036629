import type { Kysely, Transaction } from "kysely";
import { claimDeadline, dueDeadlines, nextDueAt, postponeDeadline } from "../../db/repositories/deadlines.js";
import type { Database, Deadline, DeadlineKind } from "../../db/schema.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";

/** Runs inside the transaction that marks the deadline fired: both happen, or neither. */
export type DeadlineHandler = (trx: Transaction<Database>, deadline: Deadline) => Promise<void>;

const BATCH = 100;
const RETRY_AFTER_MS = 30_000;
// The clock may be moved (tests) or jump (suspend); never sleep longer than this between looks.
const MAX_SLEEP_MS = 60_000;

export interface DeadlineRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Fires everything due now; returns how many fired. */
  runDue(): Promise<number>;
  /** Call after scheduling a deadline so the runner re-plans its sleep. */
  wake(): void;
}

/**
 * Timers are rows (DESIGN decision 6). At start everything overdue fires at once; then the
 * runner sleeps until the next due row. Firing flips the row from pending inside the handler's
 * transaction, so a deadline takes effect exactly once even with several runners.
 */
export function createDeadlineRunner(deps: {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  handlers: Record<DeadlineKind, DeadlineHandler>;
  /**
   * Locks the row a deadline is about (its request) before the deadline's own row is claimed.
   * Use cases lock the request first and cancel its timers after; firing in the same order keeps
   * a firing and a cancel from waiting on each other in a circle, which PostgreSQL would break
   * by aborting one of them.
   */
  lockSubject(trx: Transaction<Database>, deadline: Deadline): Promise<unknown>;
  afterFire(): void;
}): DeadlineRunner {
  const { db, clock, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pass: Promise<number> = Promise.resolve(0);

  async function fire(deadline: Deadline): Promise<boolean> {
    try {
      return await db.transaction().execute(async (trx) => {
        await deps.lockSubject(trx, deadline);
        if (!(await claimDeadline(trx, deadline.id, clock.now()))) return false;
        await deps.handlers[deadline.kind](trx, deadline);
        return true;
      });
    } catch (error) {
      logger.error({ err: error, deadline }, "deadline failed; trying again later");
      await postponeDeadline(db, deadline.id, clock.now() + RETRY_AFTER_MS);
      return false;
    }
  }

  async function runDueNow(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await dueDeadlines(db, clock.now(), BATCH);
      for (const deadline of due) if (await fire(deadline)) fired++;
      if (due.length < BATCH) break;
    }
    if (fired > 0) deps.afterFire();
    return fired;
  }

  async function plan(): Promise<void> {
    clearTimeout(timer);
    if (!running) return;
    const next = await nextDueAt(db);
    const wait = next === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - clock.now()));
    timer = setTimeout(() => void tick(), wait);
  }

  async function tick(): Promise<void> {
    await runDue().catch((error: unknown) => logger.error({ err: error }, "deadline pass failed"));
    await plan().catch((error: unknown) => logger.error({ err: error }, "deadline planning failed"));
  }

  // Passes never overlap: a second caller waits for the running one, then runs its own.
  function runDue(): Promise<number> {
    pass = pass.catch(() => 0).then(runDueNow);
    return pass;
  }

  return {
    async start() {
      running = true;
      await tick();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await pass.catch(() => 0);
    },
    runDue,
    wake() {
      if (running) void plan().catch((error: unknown) => logger.error({ err: error }, "deadline planning failed"));
    },
  };
}
