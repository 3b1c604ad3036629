import { replaceProofs } from "../../../db/repositories/helper-proofs.js";
import {
  findHelper,
  moveHelper,
  updateHelperProfile,
  updateHelperSettings,
  type HelperSettings,
} from "../../../db/repositories/helpers.js";
import { isAliasTaken, setAlias } from "../../../db/repositories/users.js";
import { sameDraft, stepsToRedo, type CompleteHelperDraft } from "../../domain/helper-profile.js";
import type { Helper } from "../../domain/helpers.js";
import type { ServiceDeps } from "../deps.js";
import { catchUpHelper } from "../requests/catch-up.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { resubmitApplication, storedDraft } from "./applications.js";

/** The helper's own row, for their profile and settings screens. */
export function ownHelper(deps: ServiceDeps, userId: number): Promise<Helper | undefined> {
  return findHelper(deps.db, userId);
}

/**
 * A shared location moves the helper's stored position. A live location keeps moving it until
 * its live period ends; a plain location ends any live sharing. Requests near the new place
 * are told at once (catch-up.ts).
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
  await catchUpHelper(deps, userId);
  return "updated";
}

/**
 * Settings only a helper who is not rejected has. Returns false for others. Switched on, a
 * wider radius or quiet hours that end now: open requests that now fit are told at once.
 */
export async function changeHelperSettings(deps: ServiceDeps, userId: number, settings: HelperSettings): Promise<boolean> {
  const changed = await updateHelperSettings(deps.db, userId, settings);
  if (changed) await catchUpHelper(deps, userId);
  return changed;
}

/** The helper's current profile as a draft, so the edit scene can reuse the registration steps. */
export async function draftFromHelper(deps: ServiceDeps, userId: number): Promise<CompleteHelperDraft | undefined> {
  const helper = await findHelper(deps.db, userId);
  return helper && storedDraft(deps.db, helper);
}

export type EditResult =
  | { ok: true; outcome: "saved" | "resubmitted" | "unchanged" }
  | { ok: false; reason: "alias-taken" | "not-helper" | "invalid" | "decided" };

/**
 * A helper's own edit. An approved (or suspended) helper's takes effect at once and the status
 * stays. A pending applicant's goes back to review as a new submission (admins approve what they
 * saw, never text changed after they looked); saving it unchanged sends nothing. The alias must
 * still be free, and every text still within the rules.
 */
export async function saveProfileEdit(deps: ServiceDeps, userId: number, draft: CompleteHelperDraft): Promise<EditResult> {
  const result = await inUnitOfWork(deps, async (uow): Promise<EditResult> => {
    const { trx, now } = uow;
    const helper = await findHelper(trx, userId);
    if (!helper) return { ok: false, reason: "not-helper" };
    if (stepsToRedo(draft).length > 0) return { ok: false, reason: "invalid" };
    if (await isAliasTaken(trx, draft.alias, userId)) return { ok: false, reason: "alias-taken" };
    if (helper.status === "pending") {
      if (sameDraft(draft, await storedDraft(trx, helper))) return { ok: true, outcome: "unchanged" };
      const resubmitted = await resubmitApplication(deps, uow, helper, draft);
      return resubmitted ? { ok: true, outcome: "resubmitted" } : { ok: false, reason: "decided" };
    }
    await setAlias(trx, userId, draft.alias);
    const moved =
      helper.latitude !== draft.location.latitude ||
      helper.longitude !== draft.location.longitude ||
      draft.location.liveUntil !== undefined;
    await updateHelperProfile(trx, userId, { ...draft, now, ...(moved ? { moveTo: draft.location } : {}) });
    await replaceProofs(trx, userId, draft.proofs, now);
    return { ok: true, outcome: "saved" };
  });
  // A new place, radius or categories may fit open requests the helper has not heard of.
  if (result.ok && result.outcome === "saved") await catchUpHelper(deps, userId);
  return result;
}

/** Whether `alias` is free for this user: no alias with the same folded key (see src/domain/alias-key.ts). */
export async function aliasAvailable(deps: ServiceDeps, alias: string, userId: number): Promise<boolean> {
  return !(await isAliasTaken(deps.db, alias, userId));
}
