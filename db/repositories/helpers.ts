import type { Kysely, Transaction } from "kysely";
import type { Helper, HelperStatus } from "../../src/domain/helpers.js";
import type { Database, HelperRow } from "../schema.js";
import { helperPositionColumns } from "./helper-search.js";
import { recordStatusChange } from "./helper-status-history.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;

function toHelper(row: HelperRow): Helper {
  return {
    userId: row.user_id,
    status: row.status,
    categories: JSON.parse(row.categories) as string[],
    categoriesNote: row.categories_note,
    profile: row.profile,
    photoFileId: row.photo_file_id,
    careerNote: row.career_note,
    latitude: row.latitude,
    longitude: row.longitude,
    positionUpdatedAt: row.position_updated_at,
    liveUntil: row.live_until,
    radiusM: row.radius_m,
    available: row.available === 1,
    reachable: row.reachable === 1,
    restricted: row.restricted === 1,
    quietStartMinute: row.quiet_start_minute,
    quietEndMinute: row.quiet_end_minute,
    urgent: row.urgent === 1,
    submittedAt: row.submitted_at,
    decisionReason: row.decision_reason,
  };
}

export async function findHelper(db: Executor, userId: number): Promise<Helper | undefined> {
  const row = await db.selectFrom("helpers").selectAll().where("user_id", "=", userId).executeTakeFirst();
  return row && toHelper(row);
}

/** Each helper's categories, for filtering a search's results. */
export async function categoriesOf(db: Executor, userIds: readonly number[]): Promise<Map<number, string[]>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom("helpers").select(["user_id", "categories"]).where("user_id", "in", userIds).execute();
  return new Map(rows.map((r) => [r.user_id, JSON.parse(r.categories) as string[]]));
}

/** Of these helpers, the ones who opted in to walk-home requests. */
export async function urgentHelperIds(db: Executor, userIds: readonly number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("helpers")
    .select("user_id")
    .where("user_id", "in", [...userIds])
    .where("urgent", "=", 1)
    .execute();
  return new Set(rows.map((r) => Number(r.user_id)));
}

export async function pendingHelpers(db: Executor, limit: number): Promise<{ userId: number; alias: string; submittedAt: number }[]> {
  const rows = await db
    .selectFrom("helpers")
    .innerJoin("users", "users.id", "helpers.user_id")
    .select(["helpers.user_id", "users.alias", "helpers.submitted_at"])
    .where("helpers.status", "=", "pending")
    .orderBy("helpers.submitted_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, alias: r.alias, submittedAt: r.submitted_at }));
}

/** What a helper tells about themselves, in registration and in profile edits. */
export interface HelperProfileFields {
  categories: string[];
  categoriesNote: string | null;
  profile: string;
  photoFileId: string | null;
  careerNote: string | null;
  radiusKm: number;
}

function profileColumns(fields: HelperProfileFields) {
  return {
    categories: JSON.stringify(fields.categories),
    categories_note: fields.categoriesNote,
    profile: fields.profile,
    photo_file_id: fields.photoFileId,
    career_note: fields.careerNote,
    radius_m: fields.radiusKm * 1000,
  };
}

/**
 * Stores an application as pending: a first one, or one replacing the row's current application
 * (after a rejection, or a pending one edited). The replacement is guarded by the status and
 * submission it replaces; false when those changed meanwhile.
 */
export async function savePendingApplication(
  trx: Transaction<Database>,
  application: HelperProfileFields & {
    userId: number;
    latitude: number;
    longitude: number;
    /** Until when a live location shared with the application keeps moving the position. */
    liveUntil: number | null;
    flags: { reachable: number; restricted: number };
    now: number;
    replacing: { status: HelperStatus; submittedAt: number } | undefined;
  },
): Promise<boolean> {
  const row = {
    status: "pending" as const,
    ...application.flags,
    ...profileColumns(application),
    ...helperPositionColumns(application.latitude, application.longitude),
    position_updated_at: application.now,
    live_until: application.liveUntil,
    submitted_at: application.now,
    decided_at: null,
    decided_by: null,
    decision_reason: null,
  };
  const { replacing } = application;
  if (!replacing) {
    await trx
      .insertInto("helpers")
      .values({ user_id: application.userId, ...row })
      .execute();
    return true;
  }
  const result = await trx
    .updateTable("helpers")
    .set(row)
    .where("user_id", "=", application.userId)
    .where("status", "=", replacing.status)
    .where("submitted_at", "=", replacing.submittedAt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A helper's own profile edit; a moved usual place ends any live sharing, unless it is a live location itself. */
export async function updateHelperProfile(
  trx: Transaction<Database>,
  userId: number,
  fields: HelperProfileFields & { moveTo?: { latitude: number; longitude: number; liveUntil?: number }; now: number },
): Promise<void> {
  const { moveTo } = fields;
  await trx
    .updateTable("helpers")
    .set({
      ...profileColumns(fields),
      ...(moveTo
        ? {
            ...helperPositionColumns(moveTo.latitude, moveTo.longitude),
            position_updated_at: fields.now,
            live_until: moveTo.liveUntil ?? null,
          }
        : {}),
    })
    .where("user_id", "=", userId)
    .execute();
}

/** A shared location; `liveUntil` undefined leaves the live sharing as it is (a live edit). */
export async function moveHelper(
  db: Executor,
  userId: number,
  position: { latitude: number; longitude: number; now: number; liveUntil?: number | null },
): Promise<void> {
  await db
    .updateTable("helpers")
    .set({
      ...helperPositionColumns(position.latitude, position.longitude),
      position_updated_at: position.now,
      ...(position.liveUntil === undefined ? {} : { live_until: position.liveUntil }),
    })
    .where("user_id", "=", userId)
    .execute();
}

export interface HelperSettings {
  available?: boolean;
  radiusM?: number;
  quiet?: { start: number; end: number } | null;
  urgent?: boolean;
}

/** Settings a helper changes themselves; rejected applicants have none. False when nothing was changed. */
export async function updateHelperSettings(db: Executor, userId: number, settings: HelperSettings): Promise<boolean> {
  const result = await db
    .updateTable("helpers")
    .set({
      ...(settings.available === undefined ? {} : { available: settings.available ? 1 : 0 }),
      ...(settings.radiusM === undefined ? {} : { radius_m: settings.radiusM }),
      ...(settings.quiet === undefined
        ? {}
        : { quiet_start_minute: settings.quiet?.start ?? null, quiet_end_minute: settings.quiet?.end ?? null }),
      ...(settings.urgent === undefined ? {} : { urgent: settings.urgent ? 1 : 0 }),
    })
    .where("user_id", "=", userId)
    .where("status", "in", ["approved", "suspended", "pending"])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The one way a helper's status changes: guarded by the status it must have now (and, for a
 * decision on an application, by the submission decided on), so double taps and two admins at
 * once change it once. Returns undefined when it was not in `from` or not that submission.
 */
export async function transitionHelper(
  db: Transaction<Database>,
  change: {
    userId: number;
    from: HelperStatus[];
    to: HelperStatus;
    actorId: number;
    reason: string | null;
    at: number;
    submittedAt?: number;
  },
): Promise<HelperStatus | undefined> {
  // Held, so a concurrent decision waits here and then reads the status it must respect.
  const current = await db
    .selectFrom("helpers")
    .select("status")
    .where("user_id", "=", change.userId)
    .$if(takesRowLocks(db), (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!current || !change.from.includes(current.status)) return undefined;
  const { submittedAt } = change;
  const result = await db
    .updateTable("helpers")
    .set({ status: change.to, decided_at: change.at, decided_by: change.actorId, decision_reason: change.reason })
    .where("user_id", "=", change.userId)
    .where("status", "=", current.status)
    .$if(submittedAt !== undefined, (qb) => qb.where("submitted_at", "=", submittedAt!))
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return undefined;
  await recordStatusChange(db, {
    userId: change.userId,
    from: current.status,
    to: change.to,
    actorId: change.actorId,
    reason: change.reason,
    at: change.at,
  });
  return current.status;
}

/**
 * The helper row's copy of "may not accept": set by an admin's restriction or by penalties at
 * the limit, so searches skip such helpers without reading either.
 */
export async function setHelperRestricted(trx: Transaction<Database>, userId: number, restricted: boolean): Promise<void> {
  await trx
    .updateTable("helpers")
    .set({ restricted: restricted ? 1 : 0 })
    .where("user_id", "=", userId)
    .execute();
}
