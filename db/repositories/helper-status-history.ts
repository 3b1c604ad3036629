import type { Kysely, Transaction } from "kysely";
import type { HelperStatus } from "../../src/domain/helpers.js";
import type { Database } from "../schema.js";

/** Every status a helper passes through, with who moved them and why. */
export async function recordStatusChange(
  db: Kysely<Database> | Transaction<Database>,
  change: { userId: number; from: HelperStatus | null; to: HelperStatus; actorId: number; reason: string | null; at: number },
): Promise<void> {
  await db
    .insertInto("helper_status_history")
    .values({
      user_id: change.userId,
      from_status: change.from,
      to_status: change.to,
      actor_id: change.actorId,
      reason: change.reason,
      at: change.at,
    })
    .execute();
}
