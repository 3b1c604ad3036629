import { findHelper, helperProofs, isAliasTaken } from "../../db/repositories/helpers.js";
import { aliasOf } from "../../db/repositories/users.js";
import { helperPositionColumns } from "../../db/repositories/helper-search.js";
import type { Helper } from "../../db/schema.js";
import type { CompleteHelperDraft } from "../domain/helper-profile.js";
import type { ServiceDeps } from "./deps.js";

/**
 * A shared location moves the helper's stored position. A live location keeps moving it until
 * its live period ends; a plain location ends any live sharing.
 */
export async function updateHelperPosition(
  deps: ServiceDeps,
  userId: number,
  position: { latitude: number; longitude: number; liveUntil: number | null; isLiveEdit: boolean },
): Promise<"updated" | "not-helper" | "live-ended"> {
  const now = deps.clock.now();
  const helper = await findHelper(deps.db, userId);
  if (!helper || helper.status === "rejected") return "not-helper";
  if (position.isLiveEdit && (helper.live_until === null || helper.live_until < now)) return "live-ended";
  await deps.db
    .updateTable("helpers")
    .set({
      ...helperPositionColumns(position.latitude, position.longitude),
      position_updated_at: now,
      ...(position.isLiveEdit ? {} : { live_until: position.liveUntil }),
    })
    .where("user_id", "=", userId)
    .execute();
  return "updated";
}

/** Settings only an approved (or suspended, to prepare) helper has. Returns false for others. */
async function updateOwnHelper(
  deps: ServiceDeps,
  userId: number,
  set: Partial<Pick<Helper, "available" | "radius_m" | "quiet_start_minute" | "quiet_end_minute">>,
): Promise<boolean> {
  const result = await deps.db
    .updateTable("helpers")
    .set(set)
    .where("user_id", "=", userId)
    .where("status", "in", ["approved", "suspended", "pending"])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function setAvailability(deps: ServiceDeps, userId: number, available: boolean): Promise<boolean> {
  return updateOwnHelper(deps, userId, { available: available ? 1 : 0 });
}

export function setRadius(deps: ServiceDeps, userId: number, radiusKm: number): Promise<boolean> {
  return updateOwnHelper(deps, userId, { radius_m: radiusKm * 1000 });
}

export function setQuietHours(deps: ServiceDeps, userId: number, quiet: { start: number; end: number } | null): Promise<boolean> {
  return updateOwnHelper(deps, userId, { quiet_start_minute: quiet?.start ?? null, quiet_end_minute: quiet?.end ?? null });
}

/** The helper's current profile as a draft, so the edit scene can reuse the registration steps. */
export async function draftFromHelper(deps: ServiceDeps, userId: number): Promise<CompleteHelperDraft | undefined> {
  const helper = await findHelper(deps.db, userId);
  if (!helper) return undefined;
  const alias = await aliasOf(deps.db, userId);
  const proofs = await helperProofs(deps.db, userId);
  return {
    alias,
    categories: JSON.parse(helper.categories) as string[],
    categoriesNote: helper.categories_note,
    profile: helper.profile,
    photoFileId: helper.photo_file_id,
    proofs: proofs.map((p) => ({ kind: p.kind, fileId: p.file_id })),
    careerNote: helper.career_note,
    location: { latitude: helper.latitude, longitude: helper.longitude },
    radiusKm: helper.radius_m / 1000,
  };
}

/**
 * An approved helper's own edits take effect at once; the status stays as it is.
 * The alias must still be free.
 */
export async function saveProfileEdit(
  deps: ServiceDeps,
  userId: number,
  draft: CompleteHelperDraft,
): Promise<{ ok: true } | { ok: false; reason: "alias-taken" | "not-helper" }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const helper = await findHelper(trx, userId);
    if (!helper) return { ok: false as const, reason: "not-helper" as const };
    if (await isAliasTaken(trx, draft.alias, userId)) return { ok: false as const, reason: "alias-taken" as const };
    await trx.updateTable("users").set({ alias: draft.alias }).where("id", "=", userId).execute();
    const moved = helper.latitude !== draft.location.latitude || helper.longitude !== draft.location.longitude;
    await trx
      .updateTable("helpers")
      .set({
        categories: JSON.stringify(draft.categories),
        categories_note: draft.categoriesNote,
        profile: draft.profile,
        photo_file_id: draft.photoFileId,
        career_note: draft.careerNote,
        radius_m: draft.radiusKm * 1000,
        ...(moved
          ? { ...helperPositionColumns(draft.location.latitude, draft.location.longitude), position_updated_at: now, live_until: null }
          : {}),
      })
      .where("user_id", "=", userId)
      .execute();
    await trx.deleteFrom("helper_proofs").where("user_id", "=", userId).execute();
    if (draft.proofs.length > 0) {
      await trx
        .insertInto("helper_proofs")
        .values(draft.proofs.map((p) => ({ user_id: userId, kind: p.kind, file_id: p.fileId, created_at: now })))
        .execute();
    }
    return { ok: true as const };
  });
}
