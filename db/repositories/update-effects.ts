import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

export async function findEffect(trx: Transaction<Database>, key: { updateId: number; seq: number }): Promise<string | undefined> {
  const row = await trx
    .selectFrom("update_effects")
    .select("result")
    .where("update_id", "=", key.updateId)
    .where("seq", "=", key.seq)
    .executeTakeFirst();
  return row?.result;
}

export async function recordEffect(trx: Transaction<Database>, key: { updateId: number; seq: number }, result: string): Promise<void> {
  await trx.insertInto("update_effects").values({ update_id: key.updateId, seq: key.seq, result }).execute();
}
