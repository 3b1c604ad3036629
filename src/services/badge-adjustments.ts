import { recordAudit } from "../../db/repositories/admin-audit.js";
import { addBadgeEntry, badgeCounts } from "../../db/repositories/badges.js";
import { setHelperRestricted } from "../../db/repositories/helpers.js";
import { lockUser } from "../../db/repositories/users.js";
import type { AdjustableBadge } from "../domain/admin-console.js";
import { escapeHtml } from "../telegram/html.js";
import type { ServiceDeps } from "./deps.js";
import { catchUpHelper } from "./requests/catch-up.js";
import { inUnitOfWork } from "./unit-of-work.js";

export type BadgeAdjustment =
  | { ok: true; alias: string; count: number }
  | { ok: false; reason: "no-user" }
  | { ok: false; reason: "below-zero"; alias: string; count: number };

/**
 * An admin adds or takes help badges or penalties with a reason. The row is written under the
 * audit row's id, so each adjustment is one ledger row traceable to its decision; the user's row
 * is locked first, so two adjustments at once never take a count below zero. Crossing the penalty
 * limit either way changes whether a helper is searched, as a penalty or a redemption would.
 */
export async function adjustBadges(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; kind: AdjustableBadge; amount: number; reason: string },
): Promise<BadgeAdjustment> {
  let freed = false;
  const result = await inUnitOfWork(deps, async (uow): Promise<BadgeAdjustment> => {
    const { trx, now } = uow;
    const user = await lockUser(trx, change.userId);
    if (!user) return { ok: false, reason: "no-user" };
    const before = await badgeCounts(trx, change.userId);
    const held = change.kind === "help" ? before.help : before.penalties;
    if (held + change.amount < 0) return { ok: false, reason: "below-zero", alias: user.alias, count: held };
    const auditId = await recordAudit(trx, {
      adminId: change.adminId,
      action: `badges.${change.kind}`,
      subjectId: change.userId,
      reason: `${change.amount > 0 ? "+" : ""}${change.amount}: ${change.reason}`,
      at: now,
    });
    await addBadgeEntry(trx, {
      userId: change.userId,
      kind: change.kind,
      amount: change.amount,
      reason: "admin",
      subjectId: auditId,
      at: now,
    });
    const count = held + change.amount;
    if (change.kind === "penalty") {
      const limit = deps.config.limits.penaltyLimit;
      if (held < limit && count >= limit) await setHelperRestricted(trx, change.userId, true);
      // Below the limit again, a helper is a candidate again unless an admin restricted them.
      freed = held >= limit && count < limit && user.restrictedAt === null;
      if (freed) await setHelperRestricted(trx, change.userId, false);
    }
    await uow.tell(change.userId, (t) =>
      t(`badges-adjusted-${change.kind}`, {
        amount: `${change.amount > 0 ? "+" : ""}${change.amount}`,
        count,
        reason: escapeHtml(change.reason),
      }),
    );
    return { ok: true, alias: user.alias, count };
  });
  if (result.ok && freed) await catchUpHelper(deps, change.userId);
  return result;
}
