import { recordAudit } from "../../db/repositories/admin-audit.js";
import { badgeCounts } from "../../db/repositories/badges.js";
import { setHelperRestricted } from "../../db/repositories/helpers.js";
import { findUser, setRestricted } from "../../db/repositories/users.js";
import { escapeHtml } from "../telegram/html.js";
import type { ServiceDeps } from "./deps.js";
import { catchUpHelper } from "./requests/catch-up.js";
import { inUnitOfWork, type UnitOfWork } from "./unit-of-work.js";

export interface RestrictionChange {
  adminId: number;
  userId: number;
  restrict: boolean;
  reason: string | null;
}

export type RestrictionResult = { ok: true; alias: string } | { ok: false; reason: "no-user" | "unchanged"; alias?: string };

/**
 * An admin restricts a user (no posting, no accepting) or lifts it; the user is told, the audit
 * keeps it. A helper whose restriction is lifted hears at once of open requests near them.
 */
export async function setUserRestriction(deps: ServiceDeps, change: RestrictionChange): Promise<RestrictionResult> {
  const result = await inUnitOfWork(deps, (uow) => changeRestrictionWithin(deps, uow, change));
  if (result.ok && !change.restrict) await catchUpHelper(deps, change.userId);
  return result;
}

/** The restriction change inside a unit of work that also does something else (a report's decision). */
export async function changeRestrictionWithin(deps: ServiceDeps, uow: UnitOfWork, change: RestrictionChange): Promise<RestrictionResult> {
  const { trx, now } = uow;
  const user = await findUser(trx, change.userId);
  if (!user) return { ok: false, reason: "no-user" };
  const changed = await setRestricted(trx, change.userId, change.restrict ? { at: now, reason: change.reason ?? "" } : null);
  if (!changed) return { ok: false, reason: "unchanged", alias: user.alias };
  // Lifting an admin's restriction leaves a helper at the penalty limit out of searches.
  const penaltyLimited = (await badgeCounts(trx, change.userId)).penalties >= deps.config.limits.penaltyLimit;
  if (!change.restrict && penaltyLimited) await setHelperRestricted(trx, change.userId, true);
  const action = change.restrict ? "user.restrict" : "user.unrestrict";
  await recordAudit(trx, { adminId: change.adminId, action, subjectId: change.userId, reason: change.reason, at: now });
  await uow.tell(change.userId, (t) =>
    change.restrict
      ? t("user-restricted", { reason: escapeHtml(change.reason ?? "—") })
      : change.reason
        ? t("user-unrestricted-note", { reason: escapeHtml(change.reason) })
        : t("user-unrestricted"),
  );
  return { ok: true, alias: user.alias };
}
