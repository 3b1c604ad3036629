import { type Kysely, type Transaction, sql } from "kysely";
import type { Offer, OfferStatus } from "../../src/domain/requests.js";
import type { Database, OfferRow } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Written into a helper's lookups, not bound, so the partial index of active offers serves them. */
const ACTIVE = sql.lit("active" as const);

function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    requestId: row.request_id,
    helperId: row.helper_id,
    etaMinutes: row.eta_minutes,
    distanceM: row.distance_m,
    status: row.status,
  };
}

export async function findOffer(db: Executor, id: number): Promise<Offer | undefined> {
  const row = await db.selectFrom("offers").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toOffer(row);
}

export async function offersOf(db: Executor, requestId: number): Promise<Offer[]> {
  const rows = await db.selectFrom("offers").selectAll().where("request_id", "=", requestId).orderBy("id").execute();
  return rows.map(toOffer);
}

export async function hasActiveOffer(db: Executor, requestId: number): Promise<boolean> {
  const row = await db
    .selectFrom("offers")
    .select("id")
    .where("request_id", "=", requestId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return row !== undefined;
}

export async function activeOfferIdsOf(db: Executor, helperId: number): Promise<number[]> {
  const rows = await db.selectFrom("offers").select("id").where("helper_id", "=", helperId).where("status", "=", ACTIVE).execute();
  return rows.map((r) => r.id);
}

/** One offer per helper and request: a second one returns undefined and changes nothing. */
export async function insertOffer(
  db: Executor,
  offer: { requestId: number; helperId: number; etaMinutes: number; distanceM: number; now: number },
): Promise<number | undefined> {
  const inserted = await db
    .insertInto("offers")
    .values({
      request_id: offer.requestId,
      helper_id: offer.helperId,
      eta_minutes: offer.etaMinutes,
      distance_m: offer.distanceM,
      status: "active",
      created_at: offer.now,
    })
    .onConflict((oc) => oc.columns(["request_id", "helper_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted?.id;
}

/** Guarded: only an active offer changes; false when it was not active any more. */
export async function settleOffer(db: Executor, id: number, to: Exclude<OfferStatus, "active">): Promise<boolean> {
  const result = await db.updateTable("offers").set({ status: to }).where("id", "=", id).where("status", "=", "active").executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Declines every offer still active on the request and returns them, so their helpers can be told. */
export async function declineActiveOffers(db: Executor, requestId: number): Promise<Offer[]> {
  const active = (await offersOf(db, requestId)).filter((o) => o.status === "active");
  await db.updateTable("offers").set({ status: "declined" }).where("request_id", "=", requestId).where("status", "=", "active").execute();
  return active;
}

/** The requests a helper has an active offer on, so lists can mark them. */
export async function requestIdsOfferedBy(db: Executor, helperId: number): Promise<Set<number>> {
  const rows = await db.selectFrom("offers").select("request_id").where("helper_id", "=", helperId).where("status", "=", ACTIVE).execute();
  return new Set(rows.map((r) => r.request_id));
}

/** Offers each request received and still stands by (withdrawn ones left out), by request id. */
export async function offerCounts(db: Executor, requestIds: readonly number[]): Promise<Map<number, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("offers")
    .select(["request_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("request_id", "in", requestIds)
    .where("status", "!=", "withdrawn")
    .groupBy("request_id")
    .execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}
