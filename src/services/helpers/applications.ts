import { recordAudit } from "../../../db/repositories/admin-audit.js";
import { deleteDraft } from "../../../db/repositories/helper-drafts.js";
import { helperProofs, replaceProofs } from "../../../db/repositories/helper-proofs.js";
import { recordStatusChange } from "../../../db/repositories/helper-status-history.js";
import { findHelper, pendingHelpers, savePendingApplication, transitionHelper } from "../../../db/repositories/helpers.js";
import { aliasOf, findUser, isAliasTaken, setAlias, userFlags } from "../../../db/repositories/users.js";
import { OutboxPriority } from "../../../db/schema.js";
import type { CompleteHelperDraft } from "../../domain/helper-profile.js";
import type { HelperStatus } from "../../domain/helpers.js";
import { escapeHtml } from "../../telegram/html.js";
import {
  type ApplicationView,
  applicationCard,
  applicationKeyboard,
  applicationView,
  decidedApplicationCard,
} from "../../ui/helper-cards.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";

export type SubmitResult = { ok: true } | { ok: false; reason: "alias-taken" | "already-helper" };

/** Each submission's admin cards share a ref, so deciding it edits every admin's copy. */
const cardRef = (userId: number, submittedAt: number) => `application:${userId}:${submittedAt}`;

/**
 * Stores the application as pending and puts a card for every admin in the outbox, in one
 * transaction: either the applicant is pending and the admins will hear of it, or neither.
 */
export function submitApplication(deps: ServiceDeps, userId: number, draft: CompleteHelperDraft): Promise<SubmitResult> {
  return inUnitOfWork(deps, async (uow): Promise<SubmitResult> => {
    const { trx, now } = uow;
    if (await isAliasTaken(trx, draft.alias, userId)) return { ok: false, reason: "alias-taken" };
    const existing = await findHelper(trx, userId);
    if (existing && existing.status !== "rejected") return { ok: false, reason: "already-helper" };
    await setAlias(trx, userId, draft.alias);
    await savePendingApplication(trx, {
      userId,
      ...draft,
      ...draft.location,
      flags: await userFlags(trx, userId),
      now,
      replacing: existing !== undefined,
    });
    await replaceProofs(trx, userId, draft.proofs, now);
    await recordStatusChange(trx, { userId, from: existing?.status ?? null, to: "pending", actorId: userId, reason: null, at: now });
    await deleteDraft(trx, userId);

    const view = applicationView(draft);
    await uow.tellEach(deps.config.adminIds, (t, adminId) => {
      const caption = t("admin-attachment-caption", { alias: escapeHtml(draft.alias), id: String(userId) });
      const attachment = (method: "sendPhoto" | "sendDocument", fileId: string) => ({
        chatId: adminId,
        priority: OutboxPriority.notice,
        method,
        params: { [method === "sendPhoto" ? "photo" : "document"]: fileId, caption, parse_mode: "HTML" },
      });
      return [
        {
          chatId: adminId,
          priority: OutboxPriority.notice,
          method: "sendMessage",
          ref: cardRef(userId, now),
          params: { text: applicationCard(t, userId, view), parse_mode: "HTML", reply_markup: applicationKeyboard(t, userId) },
        },
        ...(draft.photoFileId ? [attachment("sendPhoto", draft.photoFileId)] : []),
        ...draft.proofs.map((proof) => attachment(proof.kind === "photo" ? "sendPhoto" : "sendDocument", proof.fileId)),
      ];
    });
    return { ok: true };
  });
}

export type DecisionResult = { ok: true; alias: string } | { ok: false; reason: "not-found" | "not-pending"; status?: HelperStatus };

/**
 * Approve or reject a pending application. Guarded: of two admins (or two taps) exactly one
 * changes anything; the applicant gets one message and every admin card is updated.
 */
export function decideApplication(
  deps: ServiceDeps,
  decision: { adminId: number; userId: number; approve: boolean; reason: string | null },
): Promise<DecisionResult> {
  return inUnitOfWork(deps, async (uow): Promise<DecisionResult> => {
    const { trx, now } = uow;
    const helper = await findHelper(trx, decision.userId);
    if (!helper) return { ok: false, reason: "not-found" };
    const to = decision.approve ? "approved" : "rejected";
    const from = await transitionHelper(trx, {
      userId: decision.userId,
      from: ["pending"],
      to,
      actorId: decision.adminId,
      reason: decision.reason,
      at: now,
    });
    // Read again: the status read above may be the one a concurrent decision just changed.
    if (!from) return { ok: false, reason: "not-pending", status: (await findHelper(trx, decision.userId))?.status };
    const action = decision.approve ? "helper.approve" : "helper.reject";
    await recordAudit(trx, { adminId: decision.adminId, action, subjectId: decision.userId, reason: decision.reason, at: now });

    const reason = decision.reason ?? "";
    await uow.tell(decision.userId, (t) => t(decision.approve ? "helper-approved" : "helper-rejected", { reason: escapeHtml(reason) }));
    // Every admin's copy of the card shows the outcome and loses its buttons.
    const alias = await aliasOf(trx, decision.userId);
    const view: ApplicationView = {
      ...helper,
      alias,
      location: { latitude: helper.latitude, longitude: helper.longitude },
      radiusKm: helper.radiusM / 1000,
      proofCount: (await helperProofs(trx, decision.userId)).length,
    };
    const admin = (await findUser(trx, decision.adminId))?.alias ?? `#${decision.adminId}`;
    await uow.editEverywhere(cardRef(decision.userId, helper.submittedAt), (t) =>
      decidedApplicationCard(t, decision.userId, view, { approved: decision.approve, admin, reason }),
    );
    return { ok: true, alias };
  });
}

/** Suspend an approved helper or reinstate a suspended one; the helper is told why. */
export function setHelperSuspended(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; suspended: boolean; reason: string | null },
): Promise<{ ok: true; alias: string } | { ok: false; status?: HelperStatus }> {
  return inUnitOfWork(deps, async (uow) => {
    const { trx, now } = uow;
    const from = await transitionHelper(trx, {
      userId: change.userId,
      from: [change.suspended ? "approved" : "suspended"],
      to: change.suspended ? "suspended" : "approved",
      actorId: change.adminId,
      reason: change.reason,
      at: now,
    });
    if (!from) return { ok: false as const, status: (await findHelper(trx, change.userId))?.status };
    const action = change.suspended ? "helper.suspend" : "helper.reinstate";
    await recordAudit(trx, { adminId: change.adminId, action, subjectId: change.userId, reason: change.reason, at: now });
    await uow.tell(change.userId, (t) =>
      t(change.suspended ? "helper-suspended" : "helper-reinstated", { reason: escapeHtml(change.reason ?? "—") }),
    );
    return { ok: true as const, alias: await aliasOf(trx, change.userId) };
  });
}

/** The oldest applications waiting for a decision. */
export function pendingApplications(deps: ServiceDeps, limit: number): Promise<{ userId: number; alias: string; submittedAt: number }[]> {
  return pendingHelpers(deps.db, limit);
}

/** The applicant's alias while their application waits; undefined once it was decided (or never existed). */
export async function pendingApplicant(deps: ServiceDeps, userId: number): Promise<{ alias: string } | undefined> {
  const helper = await findHelper(deps.db, userId);
  return helper?.status === "pending" ? { alias: await aliasOf(deps.db, userId) } : undefined;
}
