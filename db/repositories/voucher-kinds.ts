import type { Kysely, Transaction } from "kysely";
import type { VoucherKind } from "../../src/domain/vouchers.js";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

const toKind = (row: { id: number; name: string; is_default: number; retired_at: number | null }): VoucherKind => ({
  id: Number(row.id),
  name: row.name,
  isDefault: Number(row.is_default) === 1,
  retired: row.retired_at !== null,
});

/** Every kind, oldest first; retired ones too (vouchers of them still name them). */
export async function voucherKinds(db: Executor): Promise<VoucherKind[]> {
  const rows = await db.selectFrom("voucher_kinds").select(["id", "name", "is_default", "retired_at"]).orderBy("id").execute();
  return rows.map(toKind);
}

export async function findVoucherKind(db: Executor, id: number): Promise<VoucherKind | undefined> {
  const row = await db
    .selectFrom("voucher_kinds")
    .select(["id", "name", "is_default", "retired_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toKind(row);
}

export async function addVoucherKind(db: Executor, kind: { name: string; adminId: number; now: number }): Promise<number> {
  const row = await db
    .insertInto("voucher_kinds")
    .values({ name: kind.name, created_by: kind.adminId, created_at: kind.now, retired_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Retires an active kind; false if it was not active. A retired kind is no longer the default. */
export async function retireVoucherKind(db: Executor, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable("voucher_kinds")
    .set({ retired_at: now, is_default: 0 })
    .where("id", "=", id)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Makes an active kind the one prizes are issued as; false if it is not active. */
export async function makeDefaultVoucherKind(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable("voucher_kinds")
    .set({ is_default: 1 })
    .where("id", "=", id)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.updateTable("voucher_kinds").set({ is_default: 0 }).where("id", "!=", id).execute();
  return true;
}
