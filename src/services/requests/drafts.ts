import { deleteRequestDraft, loadRequestDraftData, saveRequestDraftData } from "../../../db/repositories/request-drafts.js";
import type { ServiceDeps } from "../deps.js";
import type { RequestDraft } from "./posting.js";

/** A request as the "ask for help" scene has it so far. */
export type PartialRequestDraft = Partial<RequestDraft>;

/**
 * The scene saves its draft after every answer, so a command in between (or a restart) does not
 * throw it away: the user is told it is kept and can pick it up again.
 */
export function saveRequestDraft(deps: ServiceDeps, userId: number, draft: PartialRequestDraft): Promise<void> {
  return saveRequestDraftData(deps.db, userId, JSON.stringify(draft), deps.clock.now());
}

export async function loadRequestDraft(deps: ServiceDeps, userId: number): Promise<PartialRequestDraft | undefined> {
  const data = await loadRequestDraftData(deps.db, userId);
  return data === undefined ? undefined : (JSON.parse(data) as PartialRequestDraft);
}

export function discardRequestDraft(deps: ServiceDeps, userId: number): Promise<void> {
  return deleteRequestDraft(deps.db, userId);
}
