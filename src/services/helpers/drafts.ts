import { deleteDraft, loadDraft, saveDraft } from "../../../db/repositories/helper-drafts.js";
import type { HelperDraft } from "../../domain/helper-profile.js";
import type { ServiceDeps } from "../deps.js";

/** A registration in progress is saved after every answer, so leaving (or a restart) loses nothing. */
export function saveRegistrationDraft(deps: ServiceDeps, userId: number, draft: HelperDraft): Promise<void> {
  return saveDraft(deps.db, userId, draft, deps.clock.now());
}

export function loadRegistrationDraft(deps: ServiceDeps, userId: number): Promise<HelperDraft | undefined> {
  return loadDraft(deps.db, userId);
}

export function discardRegistrationDraft(deps: ServiceDeps, userId: number): Promise<void> {
  return deleteDraft(deps.db, userId);
}
