import { type Kysely, type Transaction, sql } from "kysely";
import type { Database, Deadline, DeadlineKind } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Written into the statements, not bound: the indexes hold pending deadlines only, and a partial
 * index is not used for a bound value by PostgreSQL's generic plan, nor by SQLite unless it
 * prepares the statement again on every run (fired and cancelled deadlines stay in the table).
 */
const PENDING = sql.lit("pending" as const);

export async function scheduleDeadline(
  db: Executor,
  deadline: { kind: DeadlineKind; subjectId: number; dueAt: number; now: number },
): Promise<void> {
  await db
    .insertInto("deadlines")
    .values({ kind: deadline.kind, subject_id: deadline.subjectId, due_at: deadline.dueAt, state: "pending", created_at: deadline.now })
    .execute();
}

export function dueDeadlines(db: Executor, now: number, limit: number): Promise<Deadline[]> {
  return db
    .selectFrom("deadlines")
    .selectAll()
    .where("state", "=", PENDING)
    .where("due_at", "<=", now)
    .orderBy("due_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function nextDueAt(db: Executor): Promise<number | undefined> {
  const row = await db.selectFrom("deadlines").select("due_at").where("state", "=", PENDING).orderBy("due_at").limit(1).executeTakeFirst();
  return row?.due_at;
}

/** The guard that makes firing happen once: only the caller that flips it from pending fires. */
export async function claimDeadline(db: Transaction<Database>, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable("deadlines")
    .set({ state: "done", fired_at: now })
    .where("id", "=", id)
    .where("state", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function cancelDeadlines(db: Executor, kind: DeadlineKind, subjectId: number): Promise<void> {
  await db
    .updateTable("deadlines")
    .set({ state: "cancelled" })
    .where("kind", "=", kind)
    .where("subject_id", "=", subjectId)
    .where("state", "=", PENDING)
    .execute();
}

/** A failed firing is tried again later rather than in a tight loop. */
export async function postponeDeadline(db: Executor, id: number, dueAt: number): Promise<void> {
  await db.updateTable("deadlines").set({ due_at: dueAt }).where("id", "=", id).where("state", "=", "pending").execute();
}
