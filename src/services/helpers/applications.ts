import { recordAudit } from "../../../db/repositories/admin-audit.js";
import { deleteDraft } from "../../../db/repositories/helper-drafts.js";
import { helperProofs, replaceProofs } from "../../../db/repositories/helper-proofs.js";
import { recordStatusChange } from "../../../db/repositories/helper-status-history.js";
import { findHelper, pendingHelpers, savePendingApplication, transitionHelper } from "../../../db/repositories/helpers.js";
import { aliasOf, findUser, isAliasTaken, setAlias, userFlags } from "../../../db/repositories/users.js";
import type { Kysely, Transaction } from "kysely";
import { type Database, OutboxPriority } from "../../../db/schema.js";
import { stepsToRedo, type CompleteHelperDraft } from "../../domain/helper-profile.js";
import type { Helper, HelperStatus } from "../../domain/helpers.js";
import { escapeHtml } from "../../telegram/html.js";
import {
  applicationCard,
  applicationKeyboard,
  applicationView,
  areaPin,
  decidedApplicationCard,
  supersededApplicationCard,
} from "../../ui/helper-cards.js";
import { queueCommandMenu } from "../command-menus.js";
import type { ServiceDeps } from "../deps.js";
import { catchUpHelper } from "../requests/catch-up.js";
import { inUnitOfWork, type UnitOfWork } from "../unit-of-work.js";

export type SubmitResult = { ok: true } | { ok: false; reason: "alias-taken" | "already-helper" | "invalid" };

/** Each submission's admin cards share a ref, so deciding it edits every admin's copy. */
const cardRef = (userId: number, submittedAt: number) => `application:${userId}:${submittedAt}`;

/** What a stored application (or an approved profile) says, as a draft. */
export async function storedDraft(db: Kysely<Database> | Transaction<Database>, helper: Helper): Promise<CompleteHelperDraft> {
  return {
    alias: await aliasOf(db, helper.userId),
    categories: helper.categories,
    categoriesNote: helper.categoriesNote,
    profile: helper.profile,
    photoFileId: helper.photoFileId,
    proofs: await helperProofs(db, helper.userId),
    careerNote: helper.careerNote,
    location: { latitude: helper.latitude, longitude: helper.longitude },
    radiusKm: helper.radiusM / 1000,
  };
}

/** Writes the application as pending; false when the row it replaces changed meanwhile. */
async function storeApplication(
  uow: UnitOfWork,
  userId: number,
  draft: CompleteHelperDraft,
  submittedAt: number,
  replacing: { status: HelperStatus; submittedAt: number } | undefined,
): Promise<boolean> {
  const { trx } = uow;
  const flags = await userFlags(trx, userId);
  const liveUntil = draft.location.liveUntil ?? null;
  if (!(await savePendingApplication(trx, { userId, ...draft, ...draft.location, liveUntil, flags, now: submittedAt, replacing })))
    return false;
  await setAlias(trx, userId, draft.alias);
  await replaceProofs(trx, userId, draft.proofs, uow.now);
  return true;
}

/** The card (with buttons naming this submission) and the attachments, to every admin. */
async function sendApplicationCards(deps: ServiceDeps, uow: UnitOfWork, userId: number, draft: CompleteHelperDraft, submittedAt: number) {
  const view = applicationView(draft);
  await uow.tellEach(deps.config.adminIds, (t, adminId) => {
    const whose = { alias: escapeHtml(draft.alias), id: String(userId) };
    // Each copy says what it is, so an admin scrolling past photos knows a face from an ID card.
    const attachment = (method: "sendPhoto" | "sendDocument", fileId: string, caption: string) => ({
      chatId: adminId,
      priority: OutboxPriority.notice,
      method,
      params: { [method === "sendPhoto" ? "photo" : "document"]: fileId, caption, parse_mode: "HTML" },
    });
    const proofCaption = (n: number) => t("admin-proof-caption", { ...whose, n, count: draft.proofs.length });
    return [
      {
        chatId: adminId,
        priority: OutboxPriority.notice,
        method: "sendMessage",
        ref: cardRef(userId, submittedAt),
        params: {
          text: applicationCard(t, userId, view),
          parse_mode: "HTML",
          reply_markup: applicationKeyboard(t, userId, submittedAt),
        },
      },
      // The area the card speaks of, as a map pin rounded to about 1 km.
      { chatId: adminId, priority: OutboxPriority.notice, method: "sendLocation", params: areaPin(draft.location) },
      ...(draft.photoFileId ? [attachment("sendPhoto", draft.photoFileId, t("admin-photo-caption", whose))] : []),
      ...draft.proofs.map((proof, i) =>
        attachment(proof.kind === "photo" ? "sendPhoto" : "sendDocument", proof.fileId, proofCaption(i + 1)),
      ),
    ];
  });
}

/**
 * Stores the application as pending and puts a card for every admin in the outbox, in one
 * transaction: either the applicant is pending and the admins will hear of it, or neither.
 */
export function submitApplication(deps: ServiceDeps, userId: number, draft: CompleteHelperDraft): Promise<SubmitResult> {
  return inUnitOfWork(deps, async (uow): Promise<SubmitResult> => {
    const { trx, now } = uow;
    if (stepsToRedo(draft).length > 0) return { ok: false, reason: "invalid" };
    if (await isAliasTaken(trx, draft.alias, userId)) return { ok: false, reason: "alias-taken" };
    const existing = await findHelper(trx, userId);
    if (existing && existing.status !== "rejected") return { ok: false, reason: "already-helper" };
    if (!(await storeApplication(uow, userId, draft, now, existing))) return { ok: false, reason: "already-helper" };
    await recordStatusChange(trx, { userId, from: existing?.status ?? null, to: "pending", actorId: userId, reason: null, at: now });
    await deleteDraft(trx, userId);
    await sendApplicationCards(deps, uow, userId, draft, now);
    return { ok: true };
  });
}

/**
 * A pending applicant's edit is a new submission. It replaces the one waiting; every admin's card
 * of the old one says so and loses its buttons, and the admins get a card of the new one. False
 * when the application was decided meanwhile. The caller checked the draft and the alias.
 */
export async function resubmitApplication(
  deps: ServiceDeps,
  uow: UnitOfWork,
  pending: Helper,
  draft: CompleteHelperDraft,
): Promise<boolean> {
  const old = applicationView(await storedDraft(uow.trx, pending));
  // The submission time names the submission (card refs, buttons): a new one needs a new time.
  const submittedAt = Math.max(uow.now, pending.submittedAt + 1);
  if (!(await storeApplication(uow, pending.userId, draft, submittedAt, pending))) return false;
  await uow.editEverywhere(cardRef(pending.userId, pending.submittedAt), (t) => supersededApplicationCard(t, pending.userId, old));
  await sendApplicationCards(deps, uow, pending.userId, draft, submittedAt);
  return true;
}

export type DecisionResult =
  | { ok: true; alias: string }
  // No application, so no status either: every refusal can be asked for its status.
  | { ok: false; reason: "not-found"; status?: undefined }
  | { ok: false; reason: "not-pending" | "superseded"; alias: string; status?: HelperStatus };

/**
 * Approve or reject a pending application. Guarded: of two admins (or two taps) exactly one
 * changes anything; the applicant gets one message and every admin card is updated. A decision
 * made on a card names the submission the admin saw (`submittedAt`); once the applicant has sent
 * a newer one it decides nothing. Commands name only the applicant and decide what waits now.
 * An approved helper hears at once of open requests near them that wait for a helper.
 */
export async function decideApplication(
  deps: ServiceDeps,
  decision: { adminId: number; userId: number; approve: boolean; reason: string | null; submittedAt?: number },
): Promise<DecisionResult> {
  const result = await inUnitOfWork(deps, async (uow): Promise<DecisionResult> => {
    const { trx, now } = uow;
    const helper = await findHelper(trx, decision.userId);
    if (!helper) return { ok: false, reason: "not-found" };
    const alias = await aliasOf(trx, decision.userId);
    if (helper.status === "pending" && decision.submittedAt !== undefined && decision.submittedAt !== helper.submittedAt) {
      return { ok: false, reason: "superseded", alias };
    }
    const to = decision.approve ? "approved" : "rejected";
    const from = await transitionHelper(trx, {
      userId: decision.userId,
      from: ["pending"],
      submittedAt: helper.submittedAt,
      to,
      actorId: decision.adminId,
      reason: decision.reason,
      at: now,
    });
    if (!from) {
      // Read again: on PostgreSQL a resubmission may have landed between the read and the write.
      const status = (await findHelper(trx, decision.userId))?.status;
      return status === "pending" ? { ok: false, reason: "superseded", alias } : { ok: false, reason: "not-pending", alias, status };
    }
    const action = decision.approve ? "helper.approve" : "helper.reject";
    await recordAudit(trx, { adminId: decision.adminId, action, subjectId: decision.userId, reason: decision.reason, at: now });

    const reason = decision.reason ?? "";
    if (decision.approve) await queueCommandMenu(deps, uow, decision.userId);
    // A restricted user is approved all the same, but not promised requests they cannot take yet.
    const restricted = decision.approve && (await userFlags(trx, decision.userId)).restricted === 1;
    const told = decision.approve ? (restricted ? "helper-approved-restricted" : "helper-approved") : "helper-rejected";
    await uow.tell(decision.userId, (t) => t(told, { reason: escapeHtml(reason) }));
    // Every admin's copy of the card shows the outcome and loses its buttons.
    const view = applicationView(await storedDraft(trx, helper));
    // Admins know each other by the names in configuration, not by generated aliases.
    const admin = { id: decision.adminId, name: deps.config.adminNames.get(decision.adminId) };
    await uow.editEverywhere(cardRef(decision.userId, helper.submittedAt), (t) =>
      decidedApplicationCard(t, decision.userId, view, { approved: decision.approve, admin, reason }),
    );
    return { ok: true, alias: view.alias };
  });
  if (result.ok && decision.approve) await catchUpHelper(deps, decision.userId);
  return result;
}

/**
 * Suspend an approved helper or reinstate a suspended one; the helper is told why. A reinstated
 * helper hears at once of open requests near them that wait for a helper.
 */
export async function setHelperSuspended(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; suspended: boolean; reason: string | null },
): Promise<{ ok: true; alias: string } | { ok: false; alias?: string; status?: HelperStatus }> {
  const result = await inUnitOfWork(deps, async (uow) => {
    const { trx, now } = uow;
    const from = await transitionHelper(trx, {
      userId: change.userId,
      from: [change.suspended ? "approved" : "suspended"],
      to: change.suspended ? "suspended" : "approved",
      actorId: change.adminId,
      reason: change.reason,
      at: now,
    });
    if (!from) {
      const alias = (await findUser(trx, change.userId))?.alias;
      return { ok: false as const, alias, status: (await findHelper(trx, change.userId))?.status };
    }
    const action = change.suspended ? "helper.suspend" : "helper.reinstate";
    await recordAudit(trx, { adminId: change.adminId, action, subjectId: change.userId, reason: change.reason, at: now });
    await queueCommandMenu(deps, uow, change.userId);
    await uow.tell(change.userId, (t) =>
      change.suspended
        ? t("helper-suspended", { reason: escapeHtml(change.reason ?? "—") })
        : change.reason
          ? t("helper-reinstated-note", { reason: escapeHtml(change.reason) })
          : t("helper-reinstated"),
    );
    return { ok: true as const, alias: await aliasOf(trx, change.userId) };
  });
  if (result.ok && !change.suspended) await catchUpHelper(deps, change.userId);
  return result;
}

/** The oldest applications waiting for a decision. */
export function pendingApplications(deps: ServiceDeps, limit: number): Promise<{ userId: number; alias: string; submittedAt: number }[]> {
  return pendingHelpers(deps.db, limit);
}

/** The applicant's alias and submission while their application waits; undefined once it was decided (or never existed). */
export async function pendingApplicant(deps: ServiceDeps, userId: number): Promise<{ alias: string; submittedAt: number } | undefined> {
  const helper = await findHelper(deps.db, userId);
  return helper?.status === "pending" ? { alias: await aliasOf(deps.db, userId), submittedAt: helper.submittedAt } : undefined;
}
