import type { Kysely, Transaction } from "kysely";
import type { HelperProof } from "../../src/domain/helpers.js";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

export async function helperProofs(db: Executor, userId: number): Promise<HelperProof[]> {
  const rows = await db.selectFrom("helper_proofs").select(["kind", "file_id"]).where("user_id", "=", userId).orderBy("id").execute();
  return rows.map((r) => ({ kind: r.kind, fileId: r.file_id }));
}

export async function replaceProofs(db: Executor, userId: number, proofs: readonly HelperProof[], now: number): Promise<void> {
  await db.deleteFrom("helper_proofs").where("user_id", "=", userId).execute();
  if (proofs.length === 0) return;
  await db
    .insertInto("helper_proofs")
    .values(proofs.map((p) => ({ user_id: userId, kind: p.kind, file_id: p.fileId, created_at: now })))
    .execute();
}
