import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Who has been told of a request, so no helper hears of it twice. */
export async function notifiedHelperIds(db: Executor, requestId: number): Promise<number[]> {
  const rows = await db.selectFrom("request_notifications").select("helper_id").where("request_id", "=", requestId).execute();
  return rows.map((r) => r.helper_id);
}

export async function lastWave(db: Executor, requestId: number): Promise<number> {
  const row = await db
    .selectFrom("request_notifications")
    .select((eb) => eb.fn.max<number>("wave").as("wave"))
    .where("request_id", "=", requestId)
    .executeTakeFirst();
  return Number(row?.wave ?? 0);
}

export async function recordNotifications(
  db: Executor,
  requestId: number,
  wave: number,
  helpers: readonly { userId: number; distanceM: number }[],
  now: number,
): Promise<void> {
  if (helpers.length === 0) return;
  await db
    .insertInto("request_notifications")
    .values(helpers.map((h) => ({ request_id: requestId, helper_id: h.userId, wave, distance_m: h.distanceM, notified_at: now })))
    .execute();
}

/** Which of `requestIds` the helper has already been told of. */
export async function requestsToldTo(db: Executor, helperId: number, requestIds: readonly number[]): Promise<Set<number>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("request_notifications")
    .select("request_id")
    .where("helper_id", "=", helperId)
    .where("request_id", "in", requestIds)
    .execute();
  return new Set(rows.map((r) => r.request_id));
}
