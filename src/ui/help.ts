import type { HelperStatus } from "../domain/helpers.js";
import type { Translate } from "./translator.js";

/**
 * /help as this user can act now: what everyone can do, then their part as a helper (how to
 * become one, a pending application, a suspension, or the helper commands) and, for admins,
 * the admin commands. Nothing is listed that would only answer "not for you".
 */
export function helpText(t: Translate, standing: { helperStatus: HelperStatus | undefined; admin: boolean }): string {
  const sections = [t("help-intro"), t("help-everyone")];
  switch (standing.helperStatus) {
    case undefined:
    case "rejected":
      sections.push(t("help-become-helper"));
      break;
    case "pending":
      sections.push(t("help-pending"));
      break;
    case "suspended":
      sections.push(t("help-suspended"));
      break;
    case "approved":
      sections.push(t("help-helper"));
      break;
  }
  if (standing.admin) sections.push(t("help-admin"));
  return sections.join("\n\n");
}
