import { addBadgeEntry, badgeCounts, nextRedemption, recentBadgeEntries } from "../../db/repositories/badges.js";
import type { BadgeStanding, PenaltyReason } from "../domain/badges.js";
import { supportedOrganisations } from "../../db/repositories/boards.js";
import { setHelperRestricted } from "../../db/repositories/helpers.js";
import { findUser, lockUser } from "../../db/repositories/users.js";
import { catchUpHelper } from "./requests/catch-up.js";
import { OutboxPriority } from "../../db/schema.js";
import { escapeHtml } from "../telegram/html.js";
import { voucherWords } from "../ui/voucher-cards.js";
import { issuePrizeVoucher } from "./vouchers/issuing.js";
import type { ServiceDeps } from "./deps.js";
import { inUnitOfWork, type UnitOfWork } from "./unit-of-work.js";

/**
 * One help badge for a completed chat, at most once; reaching the prize threshold issues a voucher
 * and tells the user and every admin, once per threshold (a zero-amount row under the same unique
 * key records it).
 */
export async function awardHelpBadge(deps: ServiceDeps, uow: UnitOfWork, helperId: number, chatId: number): Promise<boolean> {
  const awarded = await addBadgeEntry(uow.trx, {
    userId: helperId,
    kind: "help",
    amount: 1,
    reason: "completed",
    subjectId: chatId,
    at: uow.now,
  });
  if (!awarded) return false;
  const threshold = deps.config.limits.prizeThreshold;
  // Badges given to boards still count toward the prize: giving must not cost the giver.
  const counts = await badgeCounts(uow.trx, helperId);
  const help = counts.help + counts.donated;
  if (help >= threshold) {
    const first = await addBadgeEntry(uow.trx, {
      userId: helperId,
      kind: "help",
      amount: 0,
      reason: "prize",
      subjectId: threshold,
      at: uow.now,
    });
    if (first) {
      const user = await findUser(uow.trx, helperId);
      // The prize is a voucher; with no kind to issue yet it is owed, and the notices say so.
      const voucher = await issuePrizeVoucher(deps, uow, helperId);
      const words = voucherWords(voucher, deps.config.timeZone);
      const owed = voucher.state === "owed";
      await uow.tell(helperId, (t) =>
        owed ? t("prize-reached", { badges: help }) : t("prize-reached-voucher", { badges: help, ...words }),
      );
      await uow.tellEach(deps.config.adminIds, (t, adminId) => [
        {
          chatId: adminId,
          priority: OutboxPriority.notice,
          method: "sendMessage",
          params: {
            text: [
              t("prize-reached-admin", { alias: escapeHtml(user?.alias ?? ""), id: String(helperId), badges: help }),
              owed ? t("prize-voucher-owed-admin", { id: String(helperId) }) : t("prize-voucher-issued-admin", words),
            ].join("\n"),
            parse_mode: "HTML",
          },
        },
      ]);
    }
  }
  return true;
}

/** A penalty, at most once per (reason, chat); reaching the limit tells the user what it stops. */
export async function givePenalty(
  deps: ServiceDeps,
  uow: UnitOfWork,
  userId: number,
  reason: PenaltyReason,
  chatId: number,
): Promise<boolean> {
  const given = await addBadgeEntry(uow.trx, { userId, kind: "penalty", amount: 1, reason, subjectId: chatId, at: uow.now });
  if (!given) return false;
  const { penalties } = await badgeCounts(uow.trx, userId);
  const limit = deps.config.limits.penaltyLimit;
  // At the limit a helper is no longer told of requests they could not accept.
  if (penalties >= limit) await setHelperRestricted(uow.trx, userId, true);
  await uow.tell(userId, (t) =>
    penalties >= limit
      ? t("penalty-given-limited", { reason: t(`penalty-reason-${reason}`), penalties, limit })
      : t("penalty-given", { reason: t(`penalty-reason-${reason}`), penalties, limit }),
  );
  return true;
}

/** Penalties at or above the limit stop posting and accepting, with the numbers to say why. */
export async function penaltyBlock(deps: ServiceDeps, userId: number): Promise<{ penalties: number; limit: number } | undefined> {
  const { penalties } = await badgeCounts(deps.db, userId);
  const limit = deps.config.limits.penaltyLimit;
  return penalties >= limit ? { penalties, limit } : undefined;
}

const HISTORY_SHOWN = 5;

export async function badgeStanding(deps: ServiceDeps, userId: number): Promise<BadgeStanding> {
  const { help, penalties, donated } = await badgeCounts(deps.db, userId);
  const user = await findUser(deps.db, userId);
  const { penaltyLimit, prizeThreshold, helpBadgesPerPenaltyRemoval } = deps.config.limits;
  return {
    help,
    penalties,
    donated,
    supported: await supportedOrganisations(deps.db, userId),
    penaltyLimit,
    restricted: user?.restrictedAt != null || penalties >= penaltyLimit,
    restrictedReason: user?.restrictedAt != null ? (user.restrictedReason ?? "") : null,
    prizeThreshold,
    perRemoval: helpBadgesPerPenaltyRemoval,
    // A donation's "donated" row repeats its help row: the history shows the help row only.
    history: (await recentBadgeEntries(deps.db, userId, 2 * HISTORY_SHOWN + 1))
      .filter((e) => e.amount !== 0 && e.kind !== "donated")
      .slice(0, HISTORY_SHOWN),
  };
}

export type RedeemResult =
  | { ok: true; help: number; penalties: number }
  | { ok: false; reason: "no-penalty" }
  | { ok: false; reason: "short"; help: number; needed: number };

/** Whether a redemption could go ahead now, with the numbers either way (asked before confirming). */
export async function redeemCheck(deps: ServiceDeps, userId: number): Promise<RedeemResult> {
  const { help, penalties } = await badgeCounts(deps.db, userId);
  return redeemRule(help, penalties, deps.config.limits.helpBadgesPerPenaltyRemoval);
}

function redeemRule(help: number, penalties: number, needed: number): RedeemResult {
  if (penalties <= 0) return { ok: false, reason: "no-penalty" };
  if (help < needed) return { ok: false, reason: "short", help, needed };
  return { ok: true, help: help - needed, penalties: penalties - 1 };
}

/**
 * Spends help badges to remove one penalty. The user's row is locked, so two confirmations
 * taken at once spend once each at most and never below zero.
 */
export async function redeemPenalty(deps: ServiceDeps, userId: number): Promise<RedeemResult> {
  let freed = false;
  const result = await inUnitOfWork(deps, async (uow): Promise<RedeemResult> => {
    const user = await lockUser(uow.trx, userId);
    const { help, penalties } = await badgeCounts(uow.trx, userId);
    const needed = deps.config.limits.helpBadgesPerPenaltyRemoval;
    const result = redeemRule(help, penalties, needed);
    if (!result.ok) return result;
    const n = await nextRedemption(uow.trx, userId);
    await addBadgeEntry(uow.trx, { userId, kind: "help", amount: -needed, reason: "redeemed", subjectId: n, at: uow.now });
    await addBadgeEntry(uow.trx, { userId, kind: "penalty", amount: -1, reason: "redeemed", subjectId: n, at: uow.now });
    // Below the limit again, a helper is a candidate again unless an admin restricted them.
    freed = penalties === deps.config.limits.penaltyLimit && user?.restrictedAt == null;
    if (freed) await setHelperRestricted(uow.trx, userId, false);
    return result;
  });
  // Like a lifted restriction, the helper hears at once of open requests near them (decision 26).
  if (result.ok && freed) await catchUpHelper(deps, userId);
  return result;
}
