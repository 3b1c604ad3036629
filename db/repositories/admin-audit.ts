import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

/** Every admin decision: who, what, about whom, why, when. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { adminId: number; action: string; subjectId: number | null; reason: string | null; at: number },
): Promise<void> {
  await db
    .insertInto("admin_audit")
    .values({ admin_id: entry.adminId, action: entry.action, subject_id: entry.subjectId, reason: entry.reason, at: entry.at })
    .execute();
}
