import type { Kysely, Transaction } from "kysely";
import {
  type HeldVoucher,
  LIVE_STATES,
  type ListedVoucher,
  type Voucher,
  type VoucherEvent,
  type VoucherOrigin,
  type VoucherState,
} from "../../src/domain/vouchers.js";
import type { Database } from "../schema.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Vouchers with their kind's name (null while owed). */
const withKind = (db: Executor) =>
  db
    .selectFrom("vouchers")
    .leftJoin("voucher_kinds", "voucher_kinds.id", "vouchers.kind_id")
    .select([
      "vouchers.id",
      "vouchers.kind_id",
      "voucher_kinds.name as kind_name",
      "vouchers.holder_id",
      "vouchers.origin",
      "vouchers.state",
      "vouchers.expires_at",
    ]);

type Row = {
  id: number;
  kind_id: number | null;
  kind_name: string | null;
  holder_id: number;
  origin: VoucherOrigin;
  state: VoucherState;
  expires_at: number;
};

const toVoucher = (row: Row): Voucher => ({
  id: Number(row.id),
  kindId: row.kind_id === null ? null : Number(row.kind_id),
  kindName: row.kind_name,
  holderId: Number(row.holder_id),
  origin: row.origin,
  state: row.state,
  expiresAt: Number(row.expires_at),
});

export async function insertVoucher(
  db: Executor,
  voucher: { kindId: number | null; holderId: number; origin: VoucherOrigin; state: "owed" | "held"; expiresAt: number; now: number },
): Promise<number> {
  const row = await db
    .insertInto("vouchers")
    .values({
      kind_id: voucher.kindId,
      holder_id: voucher.holderId,
      origin: voucher.origin,
      state: voucher.state,
      code_hash: null,
      expires_at: voucher.expiresAt,
      created_at: voucher.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findVoucher(db: Executor, id: number): Promise<Voucher | undefined> {
  const row = await withKind(db).where("vouchers.id", "=", id).executeTakeFirst();
  return row && toVoucher(row);
}

/** Holds the voucher's row until the transaction ends (PostgreSQL; SQLite runs one transaction at a time). */
export async function lockVoucher(trx: Transaction<Database>, id: number): Promise<unknown> {
  return trx
    .selectFrom("vouchers")
    .select("id")
    .where("id", "=", id)
    .$if(takesRowLocks(trx), (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** The voucher whose live claim code hashes to `codeHash`. */
export async function voucherByCode(db: Executor, codeHash: string): Promise<Voucher | undefined> {
  const row = await withKind(db).where("vouchers.code_hash", "=", codeHash).executeTakeFirst();
  return row && toVoucher(row);
}

/** What became of a code no voucher carries any more: claimed, or offered and then taken back or left to expire. */
export async function spentCode(db: Executor, codeHash: string): Promise<{ voucherId: number; claimed: boolean } | undefined> {
  const rows = await db.selectFrom("voucher_events").select(["voucher_id", "event"]).where("code_hash", "=", codeHash).execute();
  if (rows.length === 0) return undefined;
  return { voucherId: Number(rows[0]!.voucher_id), claimed: rows.some((r) => r.event === "claimed") };
}

/** The oldest voucher a user is owed (a prize reached when no kind existed). */
export async function owedVoucherOf(db: Executor, holderId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("vouchers")
    .select("id")
    .where("holder_id", "=", holderId)
    .where("state", "=", "owed")
    .orderBy("id")
    .executeTakeFirst();
  return row && Number(row.id);
}

/** An owed voucher gets its kind and expiry; false if it is no longer owed. */
export async function fillOwedVoucher(db: Executor, id: number, kindId: number, expiresAt: number): Promise<boolean> {
  const result = await db
    .updateTable("vouchers")
    .set({ kind_id: kindId, state: "held", expires_at: expiresAt })
    .where("id", "=", id)
    .where("state", "=", "owed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A held, unexpired voucher of `holderId` gets a live code; returns the offer's number, or undefined. */
export async function offerVoucher(
  db: Executor,
  offer: { id: number; holderId: number; codeHash: string; now: number },
): Promise<number | undefined> {
  const row = await db
    .updateTable("vouchers")
    .set((eb) => ({ state: "offered", code_hash: offer.codeHash, offers: eb("offers", "+", 1) }))
    .where("id", "=", offer.id)
    .where("holder_id", "=", offer.holderId)
    .where("state", "=", "held")
    .where("expires_at", ">", offer.now)
    .returning("offers")
    .executeTakeFirst();
  return row && Number(row.offers);
}

/** The holder takes an offer back: its code stops working. Returns the offer's number and code, or undefined. */
export async function withdrawOffer(db: Executor, id: number, holderId: number): Promise<{ offer: number; codeHash: string } | undefined> {
  const current = await db
    .selectFrom("vouchers")
    .select(["offers", "code_hash"])
    .where("id", "=", id)
    .where("holder_id", "=", holderId)
    .where("state", "=", "offered")
    .executeTakeFirst();
  if (!current?.code_hash) return undefined;
  const result = await db
    .updateTable("vouchers")
    .set({ state: "held", code_hash: null })
    .where("id", "=", id)
    .where("code_hash", "=", current.code_hash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { offer: Number(current.offers), codeHash: current.code_hash } : undefined;
}

/**
 * Moves an offered voucher to the claimer, once: the update names the live code and the giver,
 * so of two claims at once the second finds no row (PostgreSQL re-reads the row after the first
 * commits; SQLite runs them one after the other). Returns the giver and the offer's number.
 */
export async function claimVoucher(
  db: Executor,
  claim: { id: number; codeHash: string; claimerId: number; now: number },
): Promise<{ giverId: number; offer: number } | undefined> {
  const current = await db
    .selectFrom("vouchers")
    .select(["holder_id", "offers"])
    .where("id", "=", claim.id)
    .where("code_hash", "=", claim.codeHash)
    .where("state", "=", "offered")
    .executeTakeFirst();
  if (!current || Number(current.holder_id) === claim.claimerId) return undefined;
  const result = await db
    .updateTable("vouchers")
    .set({ holder_id: claim.claimerId, state: "held", code_hash: null })
    .where("id", "=", claim.id)
    .where("code_hash", "=", claim.codeHash)
    .where("state", "=", "offered")
    .where("holder_id", "=", current.holder_id)
    .where("expires_at", ">", claim.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { giverId: Number(current.holder_id), offer: Number(current.offers) } : undefined;
}

/**
 * Ends a held or offered voucher (fulfilled by an admin, or expired); a live code stops working.
 * Returns the holder and the dead code (if it was offered), or undefined if it was not live.
 */
export async function endVoucher(
  db: Executor,
  id: number,
  state: "fulfilled" | "expired",
): Promise<{ holderId: number; offer: number; codeHash: string | null } | undefined> {
  const current = await db
    .selectFrom("vouchers")
    .select(["holder_id", "offers", "code_hash", "state"])
    .where("id", "=", id)
    .where("state", "in", LIVE_STATES)
    .executeTakeFirst();
  if (!current) return undefined;
  const result = await db
    .updateTable("vouchers")
    .set({ state, code_hash: null })
    .where("id", "=", id)
    .where("state", "=", current.state)
    .where("holder_id", "=", current.holder_id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return { holderId: Number(current.holder_id), offer: Number(current.offers), codeHash: current.code_hash };
}

/** One voucher event; false when it was already recorded (the unique key). */
export async function addVoucherEvent(
  db: Executor,
  event: {
    voucherId: number;
    event: VoucherEvent;
    subjectId: number;
    userId: number;
    actorId: number | null;
    codeHash?: string | null;
    at: number;
  },
): Promise<boolean> {
  const result = await db
    .insertInto("voucher_events")
    .values({
      voucher_id: event.voucherId,
      event: event.event,
      subject_id: event.subjectId,
      user_id: event.userId,
      actor_id: event.actorId,
      code_hash: event.codeHash ?? null,
      at: event.at,
    })
    .onConflict((oc) => oc.columns(["voucher_id", "event", "subject_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** What /vouchers lists: the user's vouchers, newest first, then those they gave away. */
export async function vouchersOf(db: Executor, userId: number, limit: number): Promise<ListedVoucher[]> {
  const mine = await withKind(db).where("vouchers.holder_id", "=", userId).orderBy("vouchers.id", "desc").limit(limit).execute();
  const claimed = new Set(
    (
      await db.selectFrom("voucher_events").select("voucher_id").where("event", "=", "claimed").where("actor_id", "=", userId).execute()
    ).map((r) => Number(r.voucher_id)),
  );
  const given = await withKind(db)
    .where("vouchers.holder_id", "!=", userId)
    .where((eb) =>
      eb(
        "vouchers.id",
        "in",
        eb.selectFrom("voucher_events").select("voucher_id").where("event", "=", "claimed").where("user_id", "=", userId),
      ),
    )
    .orderBy("vouchers.id", "desc")
    .limit(limit)
    .execute();
  return [
    ...mine.map((row): ListedVoucher => {
      const voucher = toVoucher(row);
      return { voucher, view: voucher.state === "held" && claimed.has(voucher.id) ? "claimed" : voucher.state };
    }),
    ...given.map((row): ListedVoucher => ({ voucher: toVoucher(row), view: "given" })),
  ];
}

/** What the console lists: vouchers someone holds or is owed. */
const LISTED: VoucherState[] = ["owed", ...LIVE_STATES];

/** Who holds what: vouchers not yet fulfilled or expired, owed ones first, then by expiry. */
export async function liveVouchersPage(db: Executor, offset: number, limit: number): Promise<{ rows: HeldVoucher[]; total: number }> {
  const rows = await withKind(db)
    .innerJoin("users", "users.id", "vouchers.holder_id")
    .select("users.alias")
    .where("vouchers.state", "in", LISTED)
    .orderBy("vouchers.expires_at")
    .orderBy("vouchers.id")
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom("vouchers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("state", "in", LISTED)
    .executeTakeFirstOrThrow();
  return { rows: rows.map((row) => ({ voucher: toVoucher(row), holderAlias: row.alias })), total: Number(count.n) };
}
