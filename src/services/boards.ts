import { recordAudit } from "../../db/repositories/admin-audit.js";
import { addBadgeEntry, badgeCounts } from "../../db/repositories/badges.js";
import {
  boardDonorIds,
  boardSupporters,
  closeBoardRow,
  donationCount,
  findBoard,
  insertBoard,
  insertDonation,
  lockBoard,
  openBoards,
  updateBoardDetails,
} from "../../db/repositories/boards.js";
import { lockUser } from "../../db/repositories/users.js";
import { type Board, type BoardDetails, remainingOf } from "../domain/boards.js";
import { escapeHtml } from "../telegram/html.js";
import type { Translate } from "../ui/translator.js";
import type { ServiceDeps } from "./deps.js";
import { backGift, boardBacking } from "./donation-pool.js";
import { inUnitOfWork, type UnitOfWork } from "./unit-of-work.js";

const BOARDS_LISTED = 20;
const SUPPORTERS_SHOWN = 30;

export function listOpenBoards(deps: ServiceDeps): Promise<Board[]> {
  return openBoards(deps.db, BOARDS_LISTED);
}

export interface BoardPage {
  board: Board;
  supporters: string[];
  /** Shown to admins: credits behind the board's badges, and the donation pool's balance. */
  backing: { credits: number; pool: number };
}

/** A board, the aliases of its supporters and the credits behind it, for its page. */
export async function boardPage(deps: ServiceDeps, boardId: number): Promise<BoardPage | undefined> {
  const board = await findBoard(deps.db, boardId);
  if (!board) return undefined;
  return { board, supporters: await boardSupporters(deps.db, boardId, SUPPORTERS_SHOWN), backing: await boardBacking(deps, boardId) };
}

/** Opens a board; audited like every admin action, with its title as the reason. */
export function createBoard(deps: ServiceDeps, adminId: number, details: BoardDetails): Promise<number> {
  return inUnitOfWork(deps, async (uow) => {
    const boardId = await insertBoard(uow.trx, details, adminId, uow.now);
    await recordAudit(uow.trx, { adminId, action: "board.create", subjectId: boardId, reason: details.title, at: uow.now });
    return boardId;
  });
}

/** Edits an open board; a closed one stays as its donors last saw it. */
export function editBoard(deps: ServiceDeps, adminId: number, boardId: number, details: BoardDetails): Promise<"edited" | "gone"> {
  return inUnitOfWork(deps, async (uow) => {
    const board = await lockBoard(uow.trx, boardId);
    if (board?.status !== "open") return "gone";
    await updateBoardDetails(uow.trx, boardId, details, uow.now);
    await recordAudit(uow.trx, { adminId, action: "board.edit", subjectId: boardId, reason: details.title, at: uow.now });
    // A goal lowered to what is already raised is reached by the edit itself.
    if (details.goal <= board.raised) await reachGoal(deps, uow, { ...board, ...details });
    return "edited";
  });
}

/** An admin closes a board before its goal; its donations stay given. */
export function closeBoard(deps: ServiceDeps, adminId: number, boardId: number): Promise<"closed" | "gone"> {
  return inUnitOfWork(deps, async (uow) => {
    const board = await lockBoard(uow.trx, boardId);
    if (board?.status !== "open") return "gone";
    await closeBoardRow(uow.trx, boardId, "admin", uow.now);
    await recordAudit(uow.trx, { adminId, action: "board.close", subjectId: boardId, reason: board.title, at: uow.now });
    return "closed";
  });
}

/** Closes a board at its goal and tells every admin and every donor, inside the change: once. */
async function reachGoal(deps: ServiceDeps, uow: UnitOfWork, board: Board): Promise<void> {
  await closeBoardRow(uow.trx, board.id, "goal", uow.now);
  const title = escapeHtml(board.title);
  const organisation = escapeHtml(board.organisation);
  const render = (key: string) => (t: Translate) => t(key, { title, organisation, goal: board.goal });
  const donors = await boardDonorIds(uow.trx, board.id);
  for (const donor of donors) await uow.tell(donor, render("board-goal-reached-donor"));
  for (const admin of deps.config.adminIds) if (!donors.includes(admin)) await uow.tell(admin, render("board-goal-reached-admin"));
}

export type DonationCheck =
  | { ok: true; board: Board; help: number; nth: number }
  | { ok: false; reason: "gone" | "done" }
  | { ok: false; reason: "short"; help: number; amount: number }
  | { ok: false; reason: "exceeds"; remaining: number; amount: number };

function donationRule(board: Board | undefined, help: number, amount: number, nth: number): DonationCheck {
  if (board?.status !== "open" || amount < 1) return { ok: false, reason: "gone" };
  if (amount > help) return { ok: false, reason: "short", help, amount };
  const remaining = remainingOf(board);
  if (amount > remaining) return { ok: false, reason: "exceeds", remaining, amount };
  return { ok: true, board, help, nth };
}

/** Whether a donation could go ahead now, with the numbers either way (asked before confirming). */
export async function donationCheck(deps: ServiceDeps, userId: number, boardId: number, amount: number): Promise<DonationCheck> {
  const board = await findBoard(deps.db, boardId);
  return donationRule(board, (await badgeCounts(deps.db, userId)).help, amount, (await donationCount(deps.db, userId)) + 1);
}

export type DonationResult = Exclude<DonationCheck, { ok: true }> | { ok: true; board: Board; help: number; reachedGoal: boolean };

/**
 * Gives `amount` help badges to a board, backed by credits from the donation pool. The board's row
 * is locked, then the donor's, then the pool's: two donations take turns, so neither the donor's
 * badges, the board's goal nor the pool is ever overspent.
 * `nth` is the donation the confirmation was shown for: a second tap of it finds it made ("done").
 */
export function donate(deps: ServiceDeps, userId: number, boardId: number, amount: number, nth?: number): Promise<DonationResult> {
  return inUnitOfWork(deps, async (uow) => {
    const board = await lockBoard(uow.trx, boardId);
    await lockUser(uow.trx, userId);
    const next = (await donationCount(uow.trx, userId)) + 1;
    if (nth !== undefined && nth !== next) return { ok: false, reason: nth < next ? "done" : "gone" };
    const check = donationRule(board, (await badgeCounts(uow.trx, userId)).help, amount, next);
    if (!check.ok) return check;
    const donationId = await insertDonation(uow.trx, { boardId, userId, amount, at: uow.now });
    const entry = { userId, reason: "donated", subjectId: donationId, at: uow.now };
    await addBadgeEntry(uow.trx, { ...entry, kind: "help", amount: -amount });
    await addBadgeEntry(uow.trx, { ...entry, kind: "donated", amount });
    await backGift(deps, uow, { boardId, donationId, badges: amount });
    const after = { ...check.board, raised: check.board.raised + amount };
    const reachedGoal = remainingOf(after) === 0;
    if (reachedGoal) await reachGoal(deps, uow, { ...after, status: "closed", closeReason: "goal" });
    return { ok: true, board: after, help: check.help - amount, reachedGoal };
  });
}
