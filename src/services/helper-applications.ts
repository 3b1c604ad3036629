import { InlineKeyboard } from "grammy";
import { deleteDraft } from "../../db/repositories/helper-drafts.js";
import { aliasOf } from "../../db/repositories/users.js";
import { findHelper, helperProofs, isAliasTaken, recordAudit, transitionHelper } from "../../db/repositories/helpers.js";
import { editByRef, enqueueMessages, type OutgoingMessage } from "../../db/repositories/outbox.js";
import { helperPositionColumns } from "../../db/repositories/helper-search.js";
import { OutboxPriority, type HelperStatus } from "../../db/schema.js";
import { callbackData } from "../bot/callback-data.js";
import { escapeHtml } from "../bot/html.js";
import type { CompleteHelperDraft } from "../domain/helper-profile.js";
import type { ServiceDeps } from "./deps.js";
import { applicationCard } from "./helper-cards.js";
import { languageFor, noticeTo } from "./recipients.js";

export type SubmitResult = { ok: true } | { ok: false; reason: "alias-taken" | "already-helper" };

/** Each submission's admin cards share a ref, so deciding it edits every admin's copy. */
const cardRef = (userId: number, submittedAt: number) => `application:${userId}:${submittedAt}`;

/**
 * Stores the application as pending and puts a card for every admin in the outbox, in one
 * transaction: either the applicant is pending and the admins will hear of it, or neither.
 */
export async function submitApplication(deps: ServiceDeps, userId: number, draft: CompleteHelperDraft): Promise<SubmitResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<SubmitResult> => {
    if (await isAliasTaken(trx, draft.alias, userId)) return { ok: false, reason: "alias-taken" };
    const existing = await findHelper(trx, userId);
    if (existing && (existing.status === "approved" || existing.status === "suspended" || existing.status === "pending")) {
      return { ok: false, reason: "already-helper" };
    }
    await trx.updateTable("users").set({ alias: draft.alias }).where("id", "=", userId).execute();
    const applicant = await trx
      .selectFrom("users")
      .select(["reachable", "restricted_at"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const row = {
      status: "pending" as const,
      reachable: applicant.reachable,
      restricted: applicant.restricted_at === null ? 0 : 1,
      categories: JSON.stringify(draft.categories),
      categories_note: draft.categoriesNote,
      profile: draft.profile,
      photo_file_id: draft.photoFileId,
      career_note: draft.careerNote,
      ...helperPositionColumns(draft.location.latitude, draft.location.longitude),
      position_updated_at: now,
      live_until: null,
      radius_m: draft.radiusKm * 1000,
      submitted_at: now,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
    };
    if (existing) await trx.updateTable("helpers").set(row).where("user_id", "=", userId).execute();
    else
      await trx
        .insertInto("helpers")
        .values({ user_id: userId, ...row })
        .execute();
    await trx.deleteFrom("helper_proofs").where("user_id", "=", userId).execute();
    if (draft.proofs.length > 0) {
      await trx
        .insertInto("helper_proofs")
        .values(draft.proofs.map((p) => ({ user_id: userId, kind: p.kind, file_id: p.fileId, created_at: now })))
        .execute();
    }
    await trx
      .insertInto("helper_status_history")
      .values({ user_id: userId, from_status: existing?.status ?? null, to_status: "pending", actor_id: userId, reason: null, at: now })
      .execute();
    await deleteDraft(trx, userId);

    const messages: OutgoingMessage[] = [];
    for (const adminId of deps.config.adminIds) {
      const language = await languageFor(trx, adminId);
      const t = (key: string) => deps.i18n.t(language, key);
      messages.push({
        chatId: adminId,
        priority: OutboxPriority.notice,
        method: "sendMessage",
        ref: cardRef(userId, now),
        params: {
          text: applicationCard(deps.i18n, language, userId, {
            ...draft,
            ...draft.location,
            proofCount: draft.proofs.length,
            hasPhoto: draft.photoFileId !== null,
          }),
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard()
            .text(t("admin-approve"), callbackData("happ", userId))
            .text(t("admin-reject"), callbackData("hrej", userId)),
        },
      });
      const caption = deps.i18n.t(language, "admin-attachment-caption", { alias: escapeHtml(draft.alias), id: String(userId) });
      if (draft.photoFileId) {
        messages.push({
          chatId: adminId,
          priority: OutboxPriority.notice,
          method: "sendPhoto",
          params: { photo: draft.photoFileId, caption, parse_mode: "HTML" },
        });
      }
      for (const proof of draft.proofs) {
        messages.push(
          proof.kind === "photo"
            ? {
                chatId: adminId,
                priority: OutboxPriority.notice,
                method: "sendPhoto",
                params: { photo: proof.fileId, caption, parse_mode: "HTML" },
              }
            : {
                chatId: adminId,
                priority: OutboxPriority.notice,
                method: "sendDocument",
                params: { document: proof.fileId, caption, parse_mode: "HTML" },
              },
        );
      }
    }
    await enqueueMessages(trx, now, messages);
    return { ok: true };
  });
  if (result.ok) deps.outbox.wake();
  return result;
}

export type DecisionResult = { ok: true; alias: string } | { ok: false; reason: "not-found" | "not-pending"; status?: HelperStatus };

/**
 * Approve or reject a pending application. Guarded: of two admins (or two taps) exactly one
 * changes anything; the applicant gets one message and every admin card is updated.
 */
export async function decideApplication(
  deps: ServiceDeps,
  decision: { adminId: number; userId: number; approve: boolean; reason: string | null },
): Promise<DecisionResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<DecisionResult> => {
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
    if (!from) return { ok: false, reason: "not-pending", status: helper.status };
    await recordAudit(trx, {
      adminId: decision.adminId,
      action: decision.approve ? "helper.approve" : "helper.reject",
      subjectId: decision.userId,
      reason: decision.reason,
      at: now,
    });

    const alias = await aliasOf(trx, decision.userId);
    const reason = escapeHtml(decision.reason ?? "");
    const messages: OutgoingMessage[] = [
      await noticeTo(trx, deps.i18n, decision.userId, decision.approve ? "helper-approved" : "helper-rejected", { reason }),
    ];
    // Every admin's copy of the card shows the outcome and loses its buttons.
    const proofs = await helperProofs(trx, decision.userId);
    const cardInput = {
      alias,
      categories: JSON.parse(helper.categories) as string[],
      categoriesNote: helper.categories_note,
      profile: helper.profile,
      careerNote: helper.career_note,
      latitude: helper.latitude,
      longitude: helper.longitude,
      radiusKm: helper.radius_m / 1000,
      proofCount: proofs.length,
      hasPhoto: helper.photo_file_id !== null,
    };
    const adminAlias =
      (await trx.selectFrom("users").select("alias").where("id", "=", decision.adminId).executeTakeFirst())?.alias ??
      `#${decision.adminId}`;
    messages.push(
      editByRef(cardRef(decision.userId, helper.submitted_at), (language) => {
        const card = applicationCard(deps.i18n, language, decision.userId, cardInput);
        const outcome = deps.i18n.t(language, decision.approve ? "admin-card-approved" : "admin-card-rejected", {
          admin: escapeHtml(adminAlias),
          reason,
        });
        return `${card}\n\n${outcome}`;
      }),
    );
    await enqueueMessages(trx, now, messages);
    return { ok: true, alias };
  });
  if (result.ok) deps.outbox.wake();
  return result;
}

/** Suspend an approved helper or reinstate a suspended one; the helper is told why. */
export async function setHelperSuspended(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; suspended: boolean; reason: string | null },
): Promise<{ ok: true } | { ok: false; status?: HelperStatus }> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const from = await transitionHelper(trx, {
      userId: change.userId,
      from: [change.suspended ? "approved" : "suspended"],
      to: change.suspended ? "suspended" : "approved",
      actorId: change.adminId,
      reason: change.reason,
      at: now,
    });
    if (!from) return { ok: false as const, status: (await findHelper(trx, change.userId))?.status };
    await recordAudit(trx, {
      adminId: change.adminId,
      action: change.suspended ? "helper.suspend" : "helper.reinstate",
      subjectId: change.userId,
      reason: change.reason,
      at: now,
    });
    const key = change.suspended ? "helper-suspended" : "helper-reinstated";
    await enqueueMessages(trx, now, [await noticeTo(trx, deps.i18n, change.userId, key, { reason: escapeHtml(change.reason ?? "—") })]);
    return { ok: true as const };
  });
  if (result.ok) deps.outbox.wake();
  return result;
}
