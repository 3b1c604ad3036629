import type { Kysely, Transaction } from "kysely";
import type { Database, Helper, HelperStatus } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

export function findHelper(db: Executor, userId: number): Promise<Helper | undefined> {
  return db.selectFrom("helpers").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

export function helperProofs(db: Executor, userId: number) {
  return db.selectFrom("helper_proofs").select(["kind", "file_id"]).where("user_id", "=", userId).orderBy("id").execute();
}

export function pendingHelpers(db: Executor, limit: number) {
  return db
    .selectFrom("helpers")
    .innerJoin("users", "users.id", "helpers.user_id")
    .select(["helpers.user_id", "users.alias", "helpers.categories", "helpers.submitted_at"])
    .where("helpers.status", "=", "pending")
    .orderBy("helpers.submitted_at")
    .limit(limit)
    .execute();
}

/**
 * The one way a helper's status changes: guarded by the status it must have now, so double
 * taps and two admins at once change it once. Returns false when it was not in `from`.
 */
export async function transitionHelper(
  db: Transaction<Database>,
  change: { userId: number; from: HelperStatus[]; to: HelperStatus; actorId: number; reason: string | null; at: number },
): Promise<HelperStatus | undefined> {
  const current = await db.selectFrom("helpers").select("status").where("user_id", "=", change.userId).executeTakeFirst();
  if (!current || !change.from.includes(current.status)) return undefined;
  const result = await db
    .updateTable("helpers")
    .set({ status: change.to, decided_at: change.at, decided_by: change.actorId, decision_reason: change.reason })
    .where("user_id", "=", change.userId)
    .where("status", "=", current.status)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return undefined;
  await db
    .insertInto("helper_status_history")
    .values({
      user_id: change.userId,
      from_status: current.status,
      to_status: change.to,
      actor_id: change.actorId,
      reason: change.reason,
      at: change.at,
    })
    .execute();
  return current.status;
}

export async function recordAudit(
  db: Executor,
  entry: { adminId: number; action: string; subjectId: number | null; reason: string | null; at: number },
): Promise<void> {
  await db
    .insertInto("admin_audit")
    .values({ admin_id: entry.adminId, action: entry.action, subject_id: entry.subjectId, reason: entry.reason, at: entry.at })
    .execute();
}

export function isAliasTaken(db: Executor, alias: string, exceptUserId: number): Promise<boolean> {
  return db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["alias"]), "=", alias.toLowerCase()))
    .where("id", "!=", exceptUserId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}
