import { helperProofs, replaceProofs } from "../../../db/repositories/helper-proofs.js";
import {
  findHelper,
  moveHelper,
  updateHelperProfile,
  updateHelperSettings,
  type HelperSettings,
} from "../../../db/repositories/helpers.js";
import { aliasOf, isAliasTaken, setAlias } from "../../../db/repositories/users.js";
import type { CompleteHelperDraft } from "../../domain/helper-profile.js";
import type { Helper } from "../../domain/helpers.js";
import type { ServiceDeps } from "../deps.js";

/** The helper's own row, for their profile and settings screens. */
export function ownHelper(deps: ServiceDeps, userId: number): Promise<Helper | undefined> {
  return findHelper(deps.db, userId);
}

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
  if (position.isLiveEdit && (helper.liveUntil === null || helper.liveUntil < now)) return "live-ended";
  await moveHelper(deps.db, userId, {
    latitude: position.latitude,
    longitude: position.longitude,
    now,
    ...(position.isLiveEdit ? {} : { liveUntil: position.liveUntil }),
  });
  return "updated";
}

/** Settings only a helper who is not rejected has. Returns false for others. */
export function changeHelperSettings(deps: ServiceDeps, userId: number, settings: HelperSettings): Promise<boolean> {
  return updateHelperSettings(deps.db, userId, settings);
}

/** The helper's current profile as a draft, so the edit scene can reuse the registration steps. */
export async function draftFromHelper(deps: ServiceDeps, userId: number): Promise<CompleteHelperDraft | undefined> {
  const helper = await findHelper(deps.db, userId);
  if (!helper) return undefined;
  return {
    alias: await aliasOf(deps.db, userId),
    categories: helper.categories,
    categoriesNote: helper.categoriesNote,
    profile: helper.profile,
    photoFileId: helper.photoFileId,
    proofs: await helperProofs(deps.db, userId),
    careerNote: helper.careerNote,
    location: { latitude: helper.latitude, longitude: helper.longitude },
    radiusKm: helper.radiusM / 1000,
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
    await setAlias(trx, userId, draft.alias);
    const moved = helper.latitude !== draft.location.latitude || helper.longitude !== draft.location.longitude;
    await updateHelperProfile(trx, userId, { ...draft, now, ...(moved ? { moveTo: draft.location } : {}) });
    await replaceProofs(trx, userId, draft.proofs, now);
    return { ok: true as const };
  });
}

/** Whether `alias` is free for this user (case-insensitively). */
export async function aliasAvailable(deps: ServiceDeps, alias: string, userId: number): Promise<boolean> {
  return !(await isAliasTaken(deps.db, alias, userId));
}
