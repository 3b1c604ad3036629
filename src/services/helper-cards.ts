import { escapeHtml } from "../bot/html.js";
import { formatMinuteOfDay } from "../domain/helper-profile.js";
import type { Helper } from "../../db/schema.js";
import type { Translator } from "./deps.js";

/** Category codes → their labels, joined, in the reader's language (`t` of that language). */
export function categoryLabels(t: (key: string) => string, codes: readonly string[]): string {
  return codes.map((code) => t(`category-${code}`)).join(", ");
}

/** Coordinates rounded to ~1 km: enough for an admin to see the area, never the doorstep. */
export function approximateArea(latitude: number, longitude: number): string {
  return `≈ ${latitude.toFixed(2)}, ${longitude.toFixed(2)}`;
}

export function quietHoursText(t: (key: string) => string, helper: Pick<Helper, "quiet_start_minute" | "quiet_end_minute">): string {
  if (helper.quiet_start_minute === null || helper.quiet_end_minute === null) return t("quiet-none");
  return `${formatMinuteOfDay(helper.quiet_start_minute)}–${formatMinuteOfDay(helper.quiet_end_minute)}`;
}

export interface HelperCardInput {
  alias: string;
  categories: string[];
  categoriesNote: string | null;
  profile: string;
  careerNote: string | null;
  latitude: number;
  longitude: number;
  radiusKm: number;
  proofCount: number;
  hasPhoto: boolean;
}

/** The application as admins see it (HTML; every user string escaped). */
export function applicationCard(i18n: Translator, language: string, userId: number, input: HelperCardInput): string {
  const t = (key: string, vars?: Record<string, string | number>) => i18n.t(language, key, vars);
  const lines = [
    t("admin-application-title", { id: String(userId) }),
    t("field-alias", { value: escapeHtml(input.alias) }),
    t("field-categories", { value: escapeHtml(categoryLabels(t, input.categories)) }),
  ];
  if (input.categoriesNote) lines.push(t("field-categories-note", { value: escapeHtml(input.categoriesNote) }));
  lines.push(t("field-profile", { value: escapeHtml(input.profile) }));
  if (input.careerNote) lines.push(t("field-career", { value: escapeHtml(input.careerNote) }));
  lines.push(
    t("field-area", { value: approximateArea(input.latitude, input.longitude) }),
    t("field-radius", { km: input.radiusKm }),
    t("field-photo", { value: t(input.hasPhoto ? "yes" : "no") }),
    t("field-proofs", { count: input.proofCount }),
  );
  return lines.join("\n");
}
