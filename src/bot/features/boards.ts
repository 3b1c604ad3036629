import { SCENES } from "../../../scenes/ids.js";
import { boardPage, closeBoard, donate, donationCheck, type DonationResult, listOpenBoards } from "../../services/boards.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { boardListCard, boardPageCard, closeConfirmCard, donationConfirmCard } from "../../ui/board-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";
import { isAdmin } from "../filters.js";

/**
 * Badge donation boards: /boards and a board's page for everyone, gifts after a confirmation;
 * /newboard and a page's Edit and Close for admins (for anyone else "unknown command", and
 * their buttons are refused like stale ones by `onAction`).
 */
export const boardsFeature = new Feature({ commands: ["boards", "newboard"], on: [BUTTONS] });
const privateChats = boardsFeature.chatType("private");

privateChats.command("boards", async (ctx) => {
  const card = boardListCard(ctx.t, await listOpenBoards(ctx.deps));
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

privateChats.filter(isAdmin).command("newboard", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.board, null);
});

/** A page is a new message (after its photo, if any), so the list stays where it was. */
onAction(boardsFeature, Actions.boardOpen, async (ctx, boardId) => {
  const page = await boardPage(ctx.deps, boardId);
  if (!page) return refuseButton(ctx, "board-gone");
  await ctx.answerCallbackQuery();
  if (page.board.photoFileId)
    await ctx.replyWithPhoto(page.board.photoFileId, { caption: `<b>${escapeHtml(page.board.title)}</b>`, parse_mode: "HTML" });
  const card = boardPageCard(ctx.t, page, isAdmin(ctx));
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

/** Why a gift cannot be made, with the numbers. */
function refusal(ctx: BotContext, result: Exclude<DonationResult, { ok: true }>): string {
  switch (result.reason) {
    case "short":
      return ctx.t("board-donate-short", { help: result.help, amount: result.amount });
    case "exceeds":
      return ctx.t("board-donate-over-goal", { remaining: result.remaining, amount: result.amount });
    case "done":
      return ctx.t("board-donate-already");
    case "gone":
      return ctx.t("board-gone");
  }
}

onAction(boardsFeature, Actions.boardDonate, async (ctx, boardId, amount) => {
  const check = await donationCheck(ctx.deps, ctx.from.id, boardId, amount);
  if (!check.ok && check.reason === "gone") return refuseButton(ctx, "board-gone");
  // A refusal is a pop-up the user must close: they asked for something and are told why not.
  if (!check.ok) return void (await ctx.answerCallbackQuery({ text: refusal(ctx, check), show_alert: true }));
  await ctx.answerCallbackQuery();
  const card = donationConfirmCard(ctx.t, check.board, amount, check.help, check.nth);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(boardsFeature, Actions.boardDonateConfirm, async (ctx, boardId, amount, nth, answer) => {
  if (answer === "no") {
    await ctx.answerCallbackQuery();
    return void (await ctx.editMessageText(ctx.t("board-donate-kept")));
  }
  const result = await donate(ctx.deps, ctx.from.id, boardId, amount, nth);
  // A second tap of a made gift is told so; it is not the board that went away.
  if (!result.ok && (result.reason === "gone" || result.reason === "done"))
    return refuseButton(ctx, result.reason === "done" ? "board-donate-already" : "board-gone");
  await ctx.answerCallbackQuery();
  if (!result.ok) return void (await ctx.editMessageText(refusal(ctx, result), { parse_mode: "HTML" }));
  const board = { title: escapeHtml(result.board.title), organisation: escapeHtml(result.board.organisation) };
  const lines = [ctx.t("board-donate-done", { amount, help: result.help, ...board })];
  if (result.reachedGoal) lines.push(ctx.t("board-donate-reached-goal"));
  await ctx.editMessageText(lines.join("\n"), { parse_mode: "HTML" });
});

onAction(boardsFeature, Actions.boardEdit, async (ctx, boardId) => {
  const page = await boardPage(ctx.deps, boardId);
  if (page?.board.status !== "open") return refuseButton(ctx, "board-gone");
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.board, boardId);
});

onAction(boardsFeature, Actions.boardClose, async (ctx, boardId) => {
  const page = await boardPage(ctx.deps, boardId);
  if (page?.board.status !== "open") return refuseButton(ctx, "board-gone");
  await ctx.answerCallbackQuery();
  const card = closeConfirmCard(ctx.t, page.board);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(boardsFeature, Actions.boardCloseConfirm, async (ctx, boardId, answer) => {
  const page = await boardPage(ctx.deps, boardId);
  if (!page) return refuseButton(ctx, "board-gone");
  if (answer === "no") {
    await ctx.answerCallbackQuery();
    return void (await ctx.editMessageText(ctx.t("board-close-kept")));
  }
  if ((await closeBoard(ctx.deps, ctx.from.id, boardId)) === "gone") return refuseButton(ctx, "board-gone");
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("board-closed-done", { title: escapeHtml(page.board.title) }), { parse_mode: "HTML" });
});
