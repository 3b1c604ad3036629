import type { Kysely, Transaction } from "kysely";
import type { HelpRequest, RequestStatus } from "../../src/domain/requests.js";
import { compiledOnce } from "../compiled-once.js";
import type { Database, RequestRow } from "../schema.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;

function toRequest(row: RequestRow): HelpRequest {
  return {
    id: row.id,
    requesterId: row.requester_id,
    category: row.category,
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    fuzzedLatitude: row.fuzzed_latitude,
    fuzzedLongitude: row.fuzzed_longitude,
    radiusM: row.radius_m,
    fee: row.fee,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    helperId: row.helper_id,
    helpersWanted: Number(row.helpers_wanted),
  };
}

// Read by every relayed message (a group's copies are labelled): built once.
const requestById = compiledOnce<{ id: number }, RequestRow>((db, slot) =>
  db.selectFrom("requests").selectAll().where("id", "=", slot("id")),
);

export async function findRequest(db: Executor, id: number): Promise<HelpRequest | undefined> {
  const [row] = await requestById(db, { id });
  return row && toRequest(row);
}

/**
 * The request, held until the transaction ends. Every use case that changes a request or its
 * offers (and the deadline runner, before it claims a request's timer) reads it here first, so
 * on PostgreSQL they take turns on the request and each decides on what the one before it left.
 * Locks are taken in one order: the request, then its offers and timers.
 */
export async function lockRequest(trx: Transaction<Database>, id: number): Promise<HelpRequest | undefined> {
  const row = await trx
    .selectFrom("requests")
    .selectAll()
    .where("id", "=", id)
    .$if(takesRowLocks(trx), (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && toRequest(row);
}

/** The request posted from one scene's draft, if it was posted already. */
export async function requestIdByPostKey(db: Executor, postKey: string): Promise<number | undefined> {
  const row = await db.selectFrom("requests").select("id").where("post_key", "=", postKey).executeTakeFirst();
  return row?.id;
}

export async function insertRequest(
  db: Executor,
  request: Omit<HelpRequest, "id" | "status" | "helperId" | "helpersWanted"> & { helpersWanted?: number },
  postKey: string | null,
): Promise<number> {
  const { id } = await db
    .insertInto("requests")
    .values({
      requester_id: request.requesterId,
      category: request.category,
      description: request.description,
      latitude: request.latitude,
      longitude: request.longitude,
      fuzzed_latitude: request.fuzzedLatitude,
      fuzzed_longitude: request.fuzzedLongitude,
      radius_m: request.radiusM,
      fee: request.fee,
      helpers_wanted: request.helpersWanted ?? 1,
      status: "open",
      created_at: request.createdAt,
      expires_at: request.expiresAt,
      post_key: postKey,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
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

/** The requester's open requests (soonest to close first), then those closed since `closedSince` (newest first). */
export async function requestsOfRequester(db: Executor, requesterId: number, closedSince: number, limit: number): Promise<HelpRequest[]> {
  const open = await db
    .selectFrom("requests")
    .selectAll()
    .where("requester_id", "=", requesterId)
    .where("status", "=", "open")
    .orderBy("expires_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  const closed = await db
    .selectFrom("requests")
    .selectAll()
    .where("requester_id", "=", requesterId)
    .where("status", "!=", "open")
    .where((eb) => eb(eb.fn.coalesce("closed_at", "matched_at"), ">=", closedSince))
    .orderBy("id", "desc")
    .limit(Math.max(0, limit - open.length))
    .execute();
  return [...open, ...closed].map(toRequest);
}

export async function openRequestIdsOf(db: Executor, requesterId: number): Promise<number[]> {
  const rows = await db.selectFrom("requests").select("id").where("requester_id", "=", requesterId).where("status", "=", "open").execute();
  return rows.map((r) => r.id);
}

/** Guarded status change; false when the request was not in `from` any more. */
export async function transitionRequest(
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

/**
 * Open requests whose shown (fuzzed) place is inside a bounding box: before a match, whether a
 * request is near someone is decided by that place alone. The caller computes distances.
 */
export async function openRequestsInBox(
  db: Executor,
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
  excludeRequesterId: number,
): Promise<HelpRequest[]> {
  const rows = await db
    .selectFrom("requests")
    .selectAll()
    .where("status", "=", "open")
    .where("fuzzed_latitude", ">=", box.minLat)
    .where("fuzzed_latitude", "<=", box.maxLat)
    .where("fuzzed_longitude", ">=", box.minLon)
    .where("fuzzed_longitude", "<=", box.maxLon)
    .where("requester_id", "!=", excludeRequesterId)
    .execute();
  return rows.map(toRequest);
}
