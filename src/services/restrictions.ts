import { recordAudit } from "../../db/repositories/helpers.js";
import { enqueueMessages } from "../../db/repositories/outbox.js";
import { setRestricted } from "../../db/repositories/users.js";
import { escapeHtml } from "../bot/html.js";
import type { ServiceDeps } from "./deps.js";
import { noticeTo } from "./recipients.js";

/** An admin restricts a user (no posting, no accepting) or lifts it; the user is told, the audit keeps it. */
export async function setUserRestriction(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; restrict: boolean; reason: string | null },
): Promise<boolean> {
  const now = deps.clock.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    const changed = await setRestricted(trx, change.userId, change.restrict ? { at: now, reason: change.reason ?? "" } : null);
    if (!changed) return false;
    await recordAudit(trx, {
      adminId: change.adminId,
      action: change.restrict ? "user.restrict" : "user.unrestrict",
      subjectId: change.userId,
      reason: change.reason,
      at: now,
    });
    const key = change.restrict ? "user-restricted" : "user-unrestricted";
    await enqueueMessages(trx, now, [await noticeTo(trx, deps.i18n, change.userId, key, { reason: escapeHtml(change.reason ?? "—") })]);
    return true;
  });
  if (done) deps.outbox.wake();
  return done;
}
