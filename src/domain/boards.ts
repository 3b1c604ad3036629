/** A badge donation board as users and admins see it (SPEC 7). */
export interface Board {
  id: number;
  organisation: string;
  title: string;
  needed: string;
  goal: number;
  raised: number;
  photoFileId: string | null;
  status: "open" | "closed";
  closeReason: "goal" | "admin" | null;
}

/** What an admin gives when creating or editing a board. */
export interface BoardDetails {
  organisation: string;
  title: string;
  needed: string;
  goal: number;
  photoFileId: string | null;
}

export const BOARD_LIMITS = { organisation: 100, title: 100, needed: 1000, goalMax: 1_000_000 } as const;

/** The donation buttons a board page offers; one above what a user has is refused with the numbers. */
export const DONATION_CHOICES = [1, 5, 10] as const;

/** Help badges still needed before the board reaches its goal. */
export function remainingOf(board: Pick<Board, "goal" | "raised">): number {
  return Math.max(0, board.goal - board.raised);
}

/** A goal as an admin types it: a whole number from 1, thousands separators allowed. */
export function parseGoal(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,_\s]/g, "");
  if (!/^\d{1,7}$/.test(cleaned)) return undefined;
  const goal = Number(cleaned);
  return goal >= 1 && goal <= BOARD_LIMITS.goalMax ? goal : undefined;
}
