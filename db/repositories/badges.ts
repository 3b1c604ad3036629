import type { Kysely, Transaction } from "kysely";
import type { BadgeEntry, BadgeKind } from "../../src/domain/badges.js";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Writes one badge row; false when that (user, kind, reason, subject) was already written, so an
 * award or a penalty repeated by a double tap or a second firing changes nothing.
 */
export async function addBadgeEntry(
  trx: Transaction<Database>,
  entry: { userId: number; kind: BadgeKind; amount: number; reason: string; subjectId: number; at: number },
): Promise<boolean> {
  const result = await trx
    .insertInto("badge_entries")
    .values({
      user_id: entry.userId,
      kind: entry.kind,
      amount: entry.amount,
      reason: entry.reason,
      subject_id: entry.subjectId,
      created_at: entry.at,
    })
    .onConflict((oc) => oc.columns(["user_id", "kind", "reason", "subject_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Help badges and penalties a user holds now, and help badges given to boards: the sums of their rows. */
export async function badgeCounts(db: Executor, userId: number): Promise<{ help: number; penalties: number; donated: number }> {
  const rows = await db
    .selectFrom("badge_entries")
    .select(["kind", (eb) => eb.fn.sum<number>("amount").as("total")])
    .where("user_id", "=", userId)
    .groupBy("kind")
    .execute();
  const total = (kind: BadgeKind) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  return { help: total("help"), penalties: total("penalty"), donated: total("donated") };
}

/** Help badges ever earned (spending does not undo a help), for the prize and profiles. */
export async function helpsCompleted(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("badge_entries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("kind", "=", "help")
    .where("reason", "=", "completed")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function recentBadgeEntries(db: Executor, userId: number, limit: number): Promise<BadgeEntry[]> {
  const rows = await db.selectFrom("badge_entries").selectAll().where("user_id", "=", userId).orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    kind: r.kind,
    amount: Number(r.amount),
    reason: r.reason,
    subjectId: Number(r.subject_id),
    createdAt: Number(r.created_at),
  }));
}

/** The number a redemption is filed under: one more than the user's redemptions so far. */
export async function nextRedemption(trx: Transaction<Database>, userId: number): Promise<number> {
  const row = await trx
    .selectFrom("badge_entries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("kind", "=", "penalty")
    .where("reason", "=", "redeemed")
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
