import { recordAudit } from "../../db/repositories/helpers.js";
import { enqueueMessages } from "../../db/repositories/outbox.js";
import { creditBalance } from "../../db/repositories/requests.js";
import { findUser } from "../../db/repositories/users.js";
import { escapeHtml } from "../bot/html.js";
import type { ServiceDeps } from "./deps.js";
import { noticeTo } from "./recipients.js";

export type CreditResult = { ok: true; balance: number } | { ok: false; reason: "no-user" | "would-go-negative"; balance?: number };

/**
 * An admin adds (or takes back) credits with a reason. Credits are a ledger: the entry, the
 * audit line and the notice to the user are written together.
 */
export async function adjustCredits(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; amount: number; reason: string },
): Promise<CreditResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<CreditResult> => {
    if (!(await findUser(trx, change.userId))) return { ok: false, reason: "no-user" };
    const before = await creditBalance(trx, change.userId);
    if (before + change.amount < 0) return { ok: false, reason: "would-go-negative", balance: before };
    await trx
      .insertInto("credit_entries")
      .values({
        user_id: change.userId,
        amount: change.amount,
        reason: "admin",
        request_id: null,
        actor_id: change.adminId,
        note: change.reason,
        created_at: now,
      })
      .execute();
    await recordAudit(trx, {
      adminId: change.adminId,
      action: "credits.adjust",
      subjectId: change.userId,
      reason: `${change.amount}: ${change.reason}`,
      at: now,
    });
    const balance = before + change.amount;
    await enqueueMessages(trx, now, [
      await noticeTo(trx, deps.i18n, change.userId, "credits-adjusted", {
        amount: `${change.amount > 0 ? "+" : ""}${change.amount}`,
        balance: String(balance),
        reason: escapeHtml(change.reason),
      }),
    ]);
    return { ok: true, balance };
  });
  if (result.ok) deps.outbox.wake();
  return result;
}
