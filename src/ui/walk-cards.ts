import { InlineKeyboard } from "grammy";
import type { HelpRequest } from "../domain/requests.js";
import { CHECK_IN_PRESETS_MINUTES, type Walk } from "../domain/walks.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { acceptKeyboard, distanceText, durationLabel } from "./request-cards.js";
import { formatTime } from "./time.js";
import type { Translate } from "./translator.js";

/** The line every walk-home message ends with: the bot is not an emergency service. */
export const emergencyLine = (t: Translate, emergencyNumber: string) => t("walk-emergency", { number: escapeHtml(emergencyNumber) });

/** Lines of a walk-home message, ending with the emergency line. */
export const withEmergency = (t: Translate, emergencyNumber: string, ...lines: string[]) =>
  [...lines, emergencyLine(t, emergencyNumber)].join("\n\n");

export const safeKeyboard = (t: Translate, requestId: number) =>
  new InlineKeyboard().text(t("walk-safe-button"), Actions.walkSafe.data(requestId));

export const setPinKeyboard = (t: Translate) => new InlineKeyboard().text(t("safety-set-pin"), Actions.safety.data("pin"));

/** To helpers who opted in: someone near wants company now; where exactly only the chosen one learns. */
export function walkNotice(
  t: Translate,
  request: Pick<HelpRequest, "id">,
  walk: Pick<Walk, "checkInAt">,
  o: { distanceM: number; timeZone: string; emergencyNumber: string },
) {
  return {
    text: withEmergency(
      t,
      o.emergencyNumber,
      t("walk-notice", {
        category: t("category-walkhome"),
        distance: distanceText(t, o.distanceM),
        until: formatTime(walk.checkInAt, o.timeZone),
      }),
    ),
    keyboard: acceptKeyboard(t, request.id),
  };
}

export function walkLivePrompt(t: Translate, emergencyNumber: string): string {
  return withEmergency(t, emergencyNumber, t("walk-live-prompt"));
}

export function walkDestinationPrompt(t: Translate) {
  return {
    text: t("walk-destination-prompt"),
    keyboard: new InlineKeyboard().text(t("walk-destination-skip"), Actions.walkStep.data("skip", 0)),
  };
}

export function walkCheckInPrompt(t: Translate) {
  const keyboard = new InlineKeyboard();
  for (const minutes of CHECK_IN_PRESETS_MINUTES) keyboard.text(durationLabel(t, minutes), Actions.walkStep.data("checkin", minutes));
  return { text: t("walk-checkin-prompt"), keyboard };
}

/** To the requester once the walk is on: who was told, when the check-in is, how it ends. */
export function walkStartedCard(
  t: Translate,
  o: { requestId: number; notified: number; checkInAt: number; timeZone: string; emergencyNumber: string },
) {
  return {
    text: withEmergency(
      t,
      o.emergencyNumber,
      t("walk-started", { notified: o.notified, until: formatTime(o.checkInAt, o.timeZone) }),
      ...(o.notified === 0 ? [t("walk-started-nobody")] : []),
      t("walk-how-it-ends"),
    ),
    keyboard: safeKeyboard(t, o.requestId),
  };
}

/** To the chosen helper, beside the live location: where the requester is heading and how the walk ends. */
export function walkHelperCard(
  t: Translate,
  walk: Pick<Walk, "destination" | "checkInAt">,
  o: { alias: string; timeZone: string; emergencyNumber: string },
) {
  const alias = escapeHtml(o.alias);
  return withEmergency(
    t,
    o.emergencyNumber,
    t("walk-helper-chosen", { alias, until: formatTime(walk.checkInAt, o.timeZone) }),
    walk.destination === null ? t("walk-no-destination") : t("walk-destination", { destination: escapeHtml(walk.destination) }),
    t("walk-helper-how-it-ends", { alias }),
  );
}

export function walkRequesterMatchedCard(t: Translate, requestId: number, o: { alias: string; emergencyNumber: string }) {
  return {
    text: withEmergency(t, o.emergencyNumber, t("walk-requester-matched", { alias: escapeHtml(o.alias) }), t("walk-how-it-ends")),
    keyboard: safeKeyboard(t, requestId),
  };
}

export function walkOverdueCard(t: Translate, requestId: number, o: { graceMinutes: number; emergencyNumber: string }) {
  return {
    text: withEmergency(t, o.emergencyNumber, t("walk-overdue", { grace: durationLabel(t, o.graceMinutes) })),
    keyboard: safeKeyboard(t, requestId),
  };
}

export type AlarmReader = "helper" | "admin" | "contact";

/** The missed check-in, to the helper, each admin and the trusted contact; the location follows as a pin. */
export function walkAlarmText(
  t: Translate,
  reader: AlarmReader,
  o: { alias: string; requestId: number; requesterId: number; lastSeenAt: number; timeZone: string; emergencyNumber: string },
): string {
  const alias = escapeHtml(o.alias);
  const seen = formatTime(o.lastSeenAt, o.timeZone);
  const head =
    reader === "admin"
      ? t("walk-alarm-admin", { alias, id: String(o.requesterId), walk: o.requestId, seen })
      : t(reader === "helper" ? "walk-alarm-helper" : "walk-alarm-contact", { alias, seen });
  return withEmergency(t, o.emergencyNumber, head);
}

/** Admins only, and quietly: the walk was closed with the duress PIN, or wrong PINs keep coming. */
export function walkQuietAlertText(
  t: Translate,
  o: {
    /** The duress PIN closed the walk, or wrong PINs were typed this many times. */
    reason: "duress" | { wrongPins: number };
    alias: string;
    requestId: number;
    requesterId: number;
    helperAlias: string | null;
    lastSeenAt: number;
    timeZone: string;
    emergencyNumber: string;
  },
) {
  const about = { alias: escapeHtml(o.alias), id: String(o.requesterId), walk: o.requestId, seen: formatTime(o.lastSeenAt, o.timeZone) };
  return withEmergency(
    t,
    o.emergencyNumber,
    o.reason === "duress" ? t("walk-duress-admin", about) : t("walk-wrong-pins-admin", { ...about, count: o.reason.wrongPins }),
    o.helperAlias === null ? t("walk-duress-no-helper") : t("walk-duress-helper", { helper: escapeHtml(o.helperAlias) }),
  );
}

/** To those who were alarmed: the requester confirmed being safe after all. */
export function walkSafeAfterAlarmText(t: Translate, o: { alias: string; emergencyNumber: string }): string {
  return withEmergency(t, o.emergencyNumber, t("walk-safe-after-alarm", { alias: escapeHtml(o.alias) }));
}

export type SafetyEntry = "pin" | "duress" | "noduress" | "invite" | "remove";

/** /safety: the PINs (set or not, never shown) and the trusted contact, with what can be changed. */
export function safetyCard(
  t: Translate,
  o: {
    hasPin: boolean;
    hasDuress: boolean;
    contact: "none" | "invited" | { alias: string };
    trustedBy: { id: number; alias: string }[];
    emergencyNumber: string;
  },
) {
  const keyboard = new InlineKeyboard().text(t(o.hasPin ? "safety-change-pin" : "safety-set-pin"), Actions.safety.data("pin")).row();
  if (o.hasPin) {
    keyboard.text(t(o.hasDuress ? "safety-change-duress" : "safety-set-duress"), Actions.safety.data("duress"));
    if (o.hasDuress) keyboard.text(t("safety-remove-duress"), Actions.safety.data("noduress"));
    keyboard.row();
  }
  keyboard.text(t(o.contact === "none" ? "safety-invite" : "safety-invite-again"), Actions.safety.data("invite"));
  if (o.contact !== "none") keyboard.text(t("safety-remove-contact"), Actions.safety.data("remove"));
  for (const user of o.trustedBy) keyboard.row().text(t("safety-withdraw", { alias: user.alias }), Actions.trustedWithdraw.data(user.id));
  const contact =
    o.contact === "none"
      ? t("safety-contact-none")
      : o.contact === "invited"
        ? t("safety-contact-invited")
        : t("safety-contact", { alias: escapeHtml(o.contact.alias) });
  const lines = [
    t("safety-title"),
    t(o.hasPin ? "safety-pin-set" : "safety-pin-unset"),
    ...(o.hasPin ? [t(o.hasDuress ? "safety-duress-set" : "safety-duress-unset")] : []),
    contact,
    ...o.trustedBy.map((u) => t("safety-trusted-by", { alias: escapeHtml(u.alias) })),
  ];
  return { text: withEmergency(t, o.emergencyNumber, ...lines), keyboard };
}

export function invitationCard(t: Translate, o: { alias: string; requesterId: number; token: string }) {
  return {
    text: t("trusted-invitation", { alias: escapeHtml(o.alias) }),
    keyboard: new InlineKeyboard()
      .text(t("trusted-accept"), Actions.trustedAnswer.data(o.requesterId, o.token, "yes"))
      .text(t("trusted-decline"), Actions.trustedAnswer.data(o.requesterId, o.token, "no")),
  };
}
