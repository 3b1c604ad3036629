/**
 * Help badges are earned by completed helps; penalties by cancelling late or not coming. A
 * donation to a board is a pair of rows: help -N (no longer spendable) and donated +N (what the
 * user has given, which /badges and /profile show).
 */
export type BadgeKind = "help" | "penalty" | "donated";

/** One row of a user's badge ledger, as their history shows it. */
export interface BadgeEntry {
  kind: BadgeKind;
  amount: number;
  reason: string;
  subjectId: number;
  createdAt: number;
}

/** What /badges shows. */
export interface BadgeStanding {
  help: number;
  penalties: number;
  donated: number;
  /** The organisations the user supports, with the help badges given to each. */
  supported: { organisation: string; given: number }[];
  penaltyLimit: number;
  restricted: boolean;
  restrictedReason: string | null;
  prizeThreshold: number;
  perRemoval: number;
  history: BadgeEntry[];
}

/** What others said and earned of a helper, as offer cards and /profile show it. */
export interface HelperRecord {
  completedHelps: number;
  helpBadges: number;
  donatedBadges: number;
  ratingCount: number;
  ratingAverage: number | null;
  /** The newest comments, newest first. */
  comments: string[];
  /** The viewer's own colour mark for this helper; never anyone else's. */
  mark: "green" | "yellow" | "red" | null;
}

/** Why a penalty was given; each is given at most once per chat. */
export const PENALTY_REASONS = ["helper-cancel", "requester-cancel", "no-show"] as const;
export type PenaltyReason = (typeof PENALTY_REASONS)[number];
/** Every reason a badge row is written for, as /badges names it in the history. */
export const BADGE_REASONS = ["completed", "redeemed", "donated", ...PENALTY_REASONS] as const;
