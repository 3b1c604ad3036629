import { InlineKeyboard } from "grammy";
import { type Board, DONATION_CHOICES, remainingOf } from "../domain/boards.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import type { Translate } from "./translator.js";

const BAR_CELLS = 10;

/** ▓▓▓░░░░░░░ 30%: full cells only when reached, so a bar looks full only at the goal. */
export function progressBar(raised: number, goal: number): string {
  const share = Math.min(1, raised / goal);
  const full = Math.floor(share * BAR_CELLS);
  return `${"▓".repeat(full)}${"░".repeat(BAR_CELLS - full)} ${Math.floor(share * 100)}%`;
}

function progressLine(t: Translate, board: Board): string {
  return t("board-progress", { bar: progressBar(board.raised, board.goal), raised: board.raised, goal: board.goal });
}

/** /boards: each open board with its progress, and a button to open its page. */
export function boardListCard(t: Translate, boards: Board[]) {
  if (boards.length === 0) return { text: t("boards-empty") };
  const lines = [t("boards-title")];
  const keyboard = new InlineKeyboard();
  for (const board of boards) {
    lines.push("", `<b>${escapeHtml(board.title)}</b> · ${escapeHtml(board.organisation)}`, progressLine(t, board));
    keyboard.text(board.title, Actions.boardOpen.data(board.id)).row();
  }
  return { text: lines.join("\n"), keyboard };
}

/** The gifts a page offers: the usual amounts up to what is still needed, and exactly that if less. */
export function donationAmounts(board: Board): number[] {
  const remaining = remainingOf(board);
  const amounts: number[] = DONATION_CHOICES.filter((amount) => amount <= remaining);
  if (remaining > 0 && remaining < DONATION_CHOICES[DONATION_CHOICES.length - 1]! && !amounts.includes(remaining)) amounts.push(remaining);
  return amounts;
}

/**
 * A board's page: what is needed, progress, supporters; gifts while open; for admins the credits
 * behind its badges and the donation pool's balance, and Edit and Close.
 */
export function boardPageCard(
  t: Translate,
  page: { board: Board; supporters: string[]; backing: { credits: number; pool: number } },
  admin: boolean,
) {
  const { board, supporters } = page;
  const lines = [
    `<b>${escapeHtml(board.title)}</b>`,
    t("board-organisation", { organisation: escapeHtml(board.organisation) }),
    "",
    escapeHtml(board.needed),
    "",
    progressLine(t, board),
    supporters.length > 0 ? t("board-supporters", { aliases: supporters.map(escapeHtml).join(", ") }) : t("board-no-supporters"),
  ];
  if (admin) lines.push(t("board-backing", { credits: page.backing.credits, pool: page.backing.pool }));
  const keyboard = new InlineKeyboard();
  if (board.status === "open") {
    for (const amount of donationAmounts(board))
      keyboard.text(t("board-donate-button", { amount }), Actions.boardDonate.data(board.id, amount));
    keyboard.row();
    if (admin)
      keyboard
        .text(t("board-edit-button"), Actions.boardEdit.data(board.id))
        .text(t("board-close-button"), Actions.boardClose.data(board.id))
        .row();
  } else lines.push("", t(board.closeReason === "goal" ? "board-closed-goal" : "board-closed"));
  return { text: lines.join("\n"), keyboard };
}

export function donationConfirmCard(t: Translate, board: Board, amount: number, help: number, nth: number) {
  return {
    text: t("board-donate-confirm", { amount, help, title: escapeHtml(board.title), organisation: escapeHtml(board.organisation) }),
    keyboard: new InlineKeyboard()
      .text(t("board-donate-yes", { amount }), Actions.boardDonateConfirm.data(board.id, amount, nth, "yes"))
      .text(t("board-donate-no"), Actions.boardDonateConfirm.data(board.id, amount, nth, "no")),
  };
}

export function closeConfirmCard(t: Translate, board: Board) {
  return {
    text: t("board-close-confirm", { title: escapeHtml(board.title) }),
    keyboard: new InlineKeyboard()
      .text(t("board-close-yes"), Actions.boardCloseConfirm.data(board.id, "yes"))
      .text(t("board-close-no"), Actions.boardCloseConfirm.data(board.id, "no")),
  };
}
