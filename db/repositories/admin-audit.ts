import type { Kysely, Transaction } from "kysely";
import { USER_AUDIT_ACTIONS } from "../../src/domain/admin-console.js";
import type { Database } from "../schema.js";

/** Every admin decision: who, what, about whom, why, when. Returns the row's id, which can name what it caused. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { adminId: number; action: string; subjectId: number | null; reason: string | null; at: number },
): Promise<number> {
  const row = await db
    .insertInto("admin_audit")
    .values({ admin_id: entry.adminId, action: entry.action, subject_id: entry.subjectId, reason: entry.reason, at: entry.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The latest admin decisions about a user (only actions whose subject is a user: chat and board actions name other things). */
export async function recentAuditAbout(
  db: Kysely<Database>,
  userId: number,
  limit: number,
): Promise<{ action: string; reason: string | null; at: number }[]> {
  const rows = await db
    .selectFrom("admin_audit")
    .select(["action", "reason", "at"])
    .where("subject_id", "=", userId)
    .where("action", "in", USER_AUDIT_ACTIONS)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ action: r.action, reason: r.reason, at: Number(r.at) }));
}
