import type { Kysely, Selectable, Transaction } from "kysely";
import type { Walk, WalkStatus } from "../../src/domain/walks.js";
import type { Database, WalksTable } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** A walk as stored; `toWalk` maps it to the product's type. */
type WalkRow = Selectable<WalksTable>;

// PostgreSQL returns bigint columns as strings.
function toWalk(row: WalkRow): Walk {
  return {
    requestId: Number(row.request_id),
    requesterId: Number(row.requester_id),
    destination: row.destination,
    liveMessageId: Number(row.live_message_id),
    liveUntil: Number(row.live_until),
    lastLatitude: Number(row.last_latitude),
    lastLongitude: Number(row.last_longitude),
    lastSeenAt: Number(row.last_seen_at),
    checkInAt: Number(row.check_in_at),
    status: row.status,
    wrongPins: Number(row.wrong_pins),
    duress: Number(row.duress) === 1,
  };
}

export async function insertWalk(
  trx: Transaction<Database>,
  walk: Omit<Walk, "status" | "wrongPins" | "duress" | "lastSeenAt"> & { now: number },
): Promise<void> {
  await trx
    .insertInto("walks")
    .values({
      request_id: walk.requestId,
      requester_id: walk.requesterId,
      destination: walk.destination,
      live_message_id: walk.liveMessageId,
      live_until: walk.liveUntil,
      last_latitude: walk.lastLatitude,
      last_longitude: walk.lastLongitude,
      last_seen_at: walk.now,
      check_in_at: walk.checkInAt,
      status: "active",
      created_at: walk.now,
      closed_at: null,
    })
    .execute();
}

export async function findWalk(db: Executor, requestId: number): Promise<Walk | undefined> {
  const row = await db.selectFrom("walks").selectAll().where("request_id", "=", requestId).executeTakeFirst();
  return row && toWalk(row);
}

/** The requester's walk still watched (they have one at a time). */
export async function openWalkOf(db: Executor, requesterId: number): Promise<Walk | undefined> {
  const row = await db
    .selectFrom("walks")
    .selectAll()
    .where("requester_id", "=", requesterId)
    .where("status", "!=", "safe")
    .orderBy("request_id", "desc")
    .executeTakeFirst();
  return row && toWalk(row);
}

/** A live-location edit of the walk's own message: the last known place. False when it is not that message. */
export async function moveWalk(
  db: Executor,
  move: { requesterId: number; messageId: number; latitude: number; longitude: number; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable("walks")
    .set({ last_latitude: move.latitude, last_longitude: move.longitude, last_seen_at: move.now })
    .where("requester_id", "=", move.requesterId)
    .where("live_message_id", "=", move.messageId)
    .where("status", "!=", "safe")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves a watched walk on; guarded by the state it must be in, so a timer and a PIN take turns. */
export async function transitionWalk(
  trx: Transaction<Database>,
  change: { requestId: number; from: readonly WalkStatus[]; to: WalkStatus; now: number; duress?: boolean },
): Promise<boolean> {
  const result = await trx
    .updateTable("walks")
    .set({
      status: change.to,
      ...(change.to === "safe" ? { closed_at: change.now, duress: change.duress ? 1 : 0 } : {}),
    })
    .where("request_id", "=", change.requestId)
    .where("status", "in", [...change.from])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countWrongPin(trx: Transaction<Database>, requestId: number): Promise<void> {
  await trx
    .updateTable("walks")
    .set((eb) => ({ wrong_pins: eb("wrong_pins", "+", 1) }))
    .where("request_id", "=", requestId)
    .execute();
}
