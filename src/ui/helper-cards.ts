import { InlineKeyboard } from "grammy";
import type { CompleteHelperDraft } from "../domain/helper-profile.js";
import { DRAFT_STEPS, formatMinuteOfDay } from "../domain/helper-profile.js";
import type { Helper } from "../domain/helpers.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { adminLabel } from "./admin-cards.js";
import { formatTime } from "./time.js";
import type { Translate } from "./translator.js";

/** Category codes → their labels, joined, in the reader's language. */
export function categoryLabels(t: Translate, codes: readonly string[]): string {
  return codes.map((code) => t(`category-${code}`)).join(", ");
}

/**
 * Where an applicant is, for admins: a map pin rounded to ~1 km (two decimals), enough to see
 * the area, never the doorstep. Numbers would tell a person nothing; the pin follows the card.
 */
export function areaPin(location: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  return { latitude: Number(location.latitude.toFixed(2)), longitude: Number(location.longitude.toFixed(2)) };
}

export function quietHoursText(t: Translate, quiet: { start: number; end: number } | null): string {
  return quiet ? `${formatMinuteOfDay(quiet.start)}–${formatMinuteOfDay(quiet.end)}` : t("quiet-none");
}

export function quietOf(helper: Pick<Helper, "quietStartMinute" | "quietEndMinute">): { start: number; end: number } | null {
  return helper.quietStartMinute === null || helper.quietEndMinute === null
    ? null
    : { start: helper.quietStartMinute, end: helper.quietEndMinute };
}

/** What an application (or a profile edit) says, as admins and the applicant read it. */
export type ApplicationView = Omit<CompleteHelperDraft, "proofs"> & { proofCount: number };

export function applicationView(draft: CompleteHelperDraft): ApplicationView {
  return { ...draft, proofCount: draft.proofs.length };
}

/** The application as admins see it (HTML; every user string escaped). */
export function applicationCard(t: Translate, userId: number, view: ApplicationView): string {
  const lines = [
    t("admin-application-title", { id: String(userId) }),
    t("field-alias", { value: escapeHtml(view.alias) }),
    t("field-categories", { value: escapeHtml(categoryLabels(t, view.categories)) }),
  ];
  if (view.categoriesNote) lines.push(t("field-categories-note", { value: escapeHtml(view.categoriesNote) }));
  lines.push(t("field-profile", { value: escapeHtml(view.profile) }));
  if (view.careerNote) lines.push(t("field-career", { value: escapeHtml(view.careerNote) }));
  lines.push(
    t("field-area"),
    t("field-radius", { km: view.radiusKm }),
    t("field-photo", { value: t(view.photoFileId ? "yes" : "no") }),
    t("field-proofs", { count: view.proofCount }),
  );
  return lines.join("\n");
}

/** The buttons name the submission, so they decide this card's text and no later one. */
export function applicationKeyboard(t: Translate, userId: number, submittedAt: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("admin-approve"), Actions.approveHelper.data(userId, submittedAt))
    .text(t("admin-reject"), Actions.rejectHelper.data(userId, submittedAt));
}

/** An application the applicant replaced with a newer one: still readable, no longer to decide on. */
export function supersededApplicationCard(t: Translate, userId: number, view: ApplicationView): string {
  return `${applicationCard(t, userId, view)}\n\n${t("admin-card-superseded")}`;
}

export function decidedApplicationCard(
  t: Translate,
  userId: number,
  view: ApplicationView,
  decision: { approved: boolean; admin: { id: number; name: string | undefined }; reason: string },
): string {
  const outcome = t(decision.approved ? "admin-card-approved" : "admin-card-rejected", {
    admin: adminLabel(t, decision.admin),
    reason: escapeHtml(decision.reason),
  });
  return `${applicationCard(t, userId, view)}\n\n${outcome}`;
}

/** The applicant's (or editor's) own review before sending. */
export function reviewCard(t: Translate, draft: CompleteHelperDraft, mode: "register" | "edit"): string {
  const lines = [
    t(mode === "register" ? "reg-review-title" : "edit-review-title"),
    t("field-alias", { value: escapeHtml(draft.alias) }),
    t("field-categories", { value: escapeHtml(categoryLabels(t, draft.categories)) }),
  ];
  if (draft.categoriesNote) lines.push(t("field-categories-note", { value: escapeHtml(draft.categoriesNote) }));
  lines.push(t("field-profile", { value: escapeHtml(draft.profile) }));
  lines.push(t("field-photo", { value: t(draft.photoFileId ? "yes" : "no") }));
  lines.push(t("field-proofs", { count: draft.proofs.length }));
  if (draft.careerNote) lines.push(t("field-career", { value: escapeHtml(draft.careerNote) }));
  lines.push(t("field-location"));
  lines.push(t("field-radius", { km: draft.radiusKm }));
  if (mode === "register") lines.push("", t("reg-review-privacy"));
  return lines.join("\n");
}

export function reviewKeyboard(t: Translate, mode: "register" | "edit"): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  DRAFT_STEPS.forEach((step, i) => {
    keyboard.text(t(`edit-field-${step}`), Actions.registrationReview.data("edit", step));
    if (i % 3 === 2) keyboard.row();
  });
  return keyboard
    .row()
    .text(t(mode === "register" ? "reg-submit" : "edit-save"), Actions.registrationReview.data("submit", undefined))
    .text(t("cancel"), Actions.registrationReview.data("cancel", undefined));
}

/** The helper's own profile, with where they are and since when. */
export function profileCard(t: Translate, helper: Helper, alias: string, now: number, timeZone: string): string {
  const lines = [
    t("profile-title", { status: t(`helper-status-${helper.status}`) }),
    t("field-alias", { value: escapeHtml(alias) }),
    t("field-categories", { value: escapeHtml(categoryLabels(t, helper.categories)) }),
  ];
  if (helper.categoriesNote) lines.push(t("field-categories-note", { value: escapeHtml(helper.categoriesNote) }));
  lines.push(t("field-profile", { value: escapeHtml(helper.profile) }));
  lines.push(t("field-radius", { km: helper.radiusM / 1000 }));
  lines.push(t("field-availability", { value: t(helper.available ? "availability-on" : "availability-off") }));
  lines.push(t("field-quiet", { value: quietHoursText(t, quietOf(helper)) }));
  lines.push(t("field-urgent", { value: t(helper.urgent ? "urgent-on" : "urgent-off") }));
  const live = helper.liveUntil !== null && helper.liveUntil > now;
  // Said as a person thinks of it: around the spot they shared, which the button shows on a map.
  lines.push(
    t(live ? "field-position-live" : "field-position", {
      km: helper.radiusM / 1000,
      updated: formatTime(helper.positionUpdatedAt, timeZone),
      until: live ? formatTime(helper.liveUntil!, timeZone) : "",
    }),
  );
  if (helper.status === "rejected" && helper.decisionReason)
    lines.push(t("profile-rejected-reason", { reason: escapeHtml(helper.decisionReason) }));
  if (helper.status === "suspended" && helper.decisionReason)
    lines.push(t("profile-suspended-reason", { reason: escapeHtml(helper.decisionReason) }));
  return lines.join("\n");
}

export function profileKeyboard(t: Translate, helper: Helper): InlineKeyboard {
  if (helper.status === "rejected") return new InlineKeyboard().text(t("profile-apply-again"), Actions.menu.data("helper"));
  return new InlineKeyboard()
    .text(t(helper.available ? "profile-available-off" : "profile-available-on"), Actions.profileSetting.data("avail"))
    .text(t("profile-radius"), Actions.profileSetting.data("radius"))
    .row()
    .text(t("profile-quiet"), Actions.profileSetting.data("quiet"))
    .text(t("profile-edit"), Actions.profileSetting.data("edit"))
    .row()
    .text(t(helper.urgent ? "profile-urgent-off" : "profile-urgent-on"), Actions.profileSetting.data("urgent"))
    .row()
    .text(t("profile-show-map"), Actions.showOwnPosition.data());
}
