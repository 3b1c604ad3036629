import type { Kysely, Transaction } from "kysely";
import type { Database, HelpRequest, Offer, RequestStatus } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

export function findRequest(db: Executor, id: number): Promise<HelpRequest | undefined> {
  return db.selectFrom("requests").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countOpenRequests(db: Executor, requesterId: number): Promise<number> {
  const row = await db
    .selectFrom("requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("requester_id", "=", requesterId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Guarded status change; false when the request was not in `from` any more. */
export async function closeRequest(
  db: Transaction<Database>,
  change: { id: number; from: RequestStatus; to: RequestStatus; at: number; helperId?: number },
): Promise<boolean> {
  const result = await db
    .updateTable("requests")
    .set({
      status: change.to,
      ...(change.to === "matched" ? { helper_id: change.helperId ?? null, matched_at: change.at } : { closed_at: change.at }),
    })
    .where("id", "=", change.id)
    .where("status", "=", change.from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function notifiedHelperIds(db: Executor, requestId: number): Promise<number[]> {
  return db
    .selectFrom("request_notifications")
    .select("helper_id")
    .where("request_id", "=", requestId)
    .execute()
    .then((rows) => rows.map((r) => r.helper_id));
}

export async function lastWave(db: Executor, requestId: number): Promise<number> {
  const row = await db
    .selectFrom("request_notifications")
    .select((eb) => eb.fn.max<number>("wave").as("wave"))
    .where("request_id", "=", requestId)
    .executeTakeFirst();
  return Number(row?.wave ?? 0);
}

export function findOffer(db: Executor, id: number): Promise<Offer | undefined> {
  return db.selectFrom("offers").selectAll().where("id", "=", id).executeTakeFirst();
}

export function offersOf(db: Executor, requestId: number): Promise<Offer[]> {
  return db.selectFrom("offers").selectAll().where("request_id", "=", requestId).orderBy("id").execute();
}

/** Open requests inside a bounding box; the caller computes exact distances. */
export function openRequestsInBox(
  db: Executor,
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
  excludeRequesterId: number,
) {
  return db
    .selectFrom("requests")
    .selectAll()
    .where("status", "=", "open")
    .where("latitude", ">=", box.minLat)
    .where("latitude", "<=", box.maxLat)
    .where("longitude", ">=", box.minLon)
    .where("longitude", "<=", box.maxLon)
    .where("requester_id", "!=", excludeRequesterId)
    .execute();
}

export async function creditBalance(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("credit_entries")
    .select((eb) => eb.fn.sum<number>("amount").as("balance"))
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}
