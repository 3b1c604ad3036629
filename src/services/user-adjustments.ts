import type { UserAdjustment } from "../domain/admin-console.js";
import { adjustBadges, type BadgeAdjustment } from "./badge-adjustments.js";
import type { ServiceDeps } from "./deps.js";
import { adjustCredits, type CreditResult } from "./ledger.js";
import { type RestrictionResult, setUserRestriction } from "./restrictions.js";

export type AdjustmentResult =
  | { kind: "restriction"; restrict: boolean; result: RestrictionResult }
  | { kind: "badges"; badge: "help" | "penalty"; result: BadgeAdjustment }
  | { kind: "credits"; result: CreditResult };

/** What a button of a user's card does once the admin has given the amount (if any) and the reason. */
export async function adjustUser(
  deps: ServiceDeps,
  change: { adminId: number; userId: number; adjustment: UserAdjustment; amount: number | null; reason: string },
): Promise<AdjustmentResult> {
  const { adminId, userId, adjustment, reason } = change;
  switch (adjustment) {
    case "restrict":
    case "lift": {
      const restrict = adjustment === "restrict";
      return { kind: "restriction", restrict, result: await setUserRestriction(deps, { adminId, userId, restrict, reason }) };
    }
    case "help":
    case "penalty":
      return {
        kind: "badges",
        badge: adjustment,
        result: await adjustBadges(deps, { adminId, userId, kind: adjustment, amount: change.amount ?? 0, reason }),
      };
    case "credits":
      return { kind: "credits", result: await adjustCredits(deps, { adminId, userId, amount: change.amount ?? 0, reason }) };
  }
}
