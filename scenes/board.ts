import { InlineKeyboard } from "grammy";
import type { Scene, SceneContext } from "../src/bot/context.js";
import { BOARD_LIMITS, type BoardDetails, parseGoal } from "../src/domain/boards.js";
import { boardPage, createBoard, editBoard } from "../src/services/boards.js";
import { escapeHtml } from "../src/telegram/html.js";
import { Actions } from "../src/ui/actions.js";
import { beginStep } from "./resilient.js";
import { type StepInput, textAnswer, waitForAnswer } from "./steps.js";

type TextField = "organisation" | "title" | "needed";

/** "Keep" under a question when editing: the board's current answer stays. */
const KEEP = Symbol("keep");

function keepPressed(ctx: SceneContext, editing: boolean): boolean {
  return editing && Actions.boardStep.parse(ctx.callbackQuery?.data)?.[0] === "keep";
}

/**
 * An admin creates a board (`boardId` null) or edits an open one: organisation, title, what is
 * needed, the goal in help badges, and an optional photo. Editing shows each current answer with
 * a Keep button. Nothing is written until the last answer, so /cancel leaves everything as it was.
 */
export function boardScene() {
  return async function board(conversation: Scene, ctx: SceneContext, boardId: number | null): Promise<void> {
    const adminId = ctx.from!.id;
    const current = typeof boardId === "number" ? await conversation.external((outside) => boardPage(outside.deps, boardId)) : undefined;
    if (typeof boardId === "number" && current?.board.status !== "open") return void (await ctx.reply(ctx.t("board-scene-gone")));
    const editing = current !== undefined;
    const keepKeyboard = (extra?: InlineKeyboard) => {
      const keyboard = extra ?? new InlineKeyboard();
      return editing ? keyboard.text(ctx.t("board-scene-keep"), Actions.boardStep.data("keep")) : keyboard;
    };

    async function askText(field: TextField, max: number, promptKey: string, hintKey: string): Promise<string> {
      beginStep(conversation);
      const now = current ? ctx.t("board-scene-current", { value: escapeHtml(current.board[field]) }) : "";
      await ctx.reply(`${ctx.t(promptKey, { max })}${now}`, { parse_mode: "HTML", reply_markup: keepKeyboard() });
      const { value } = await waitForAnswer<string | typeof KEEP>(conversation, async (c) => {
        if (keepPressed(c, editing)) return (await c.answerCallbackQuery(), { value: KEEP });
        return textAnswer(c, max, hintKey);
      });
      return value === KEEP ? current!.board[field] : value;
    }

    await ctx.reply(ctx.t(editing ? "board-scene-edit-intro" : "board-scene-intro"));
    const organisation = await askText(
      "organisation",
      BOARD_LIMITS.organisation,
      "board-scene-organisation",
      "board-scene-organisation-hint",
    );
    const title = await askText("title", BOARD_LIMITS.title, "board-scene-title", "board-scene-title-hint");
    const needed = await askText("needed", BOARD_LIMITS.needed, "board-scene-needed", "board-scene-needed-hint");

    beginStep(conversation);
    const goalNow = current ? ctx.t("board-scene-current", { value: String(current.board.goal) }) : "";
    await ctx.reply(`${ctx.t("board-scene-goal")}${goalNow}`, { parse_mode: "HTML", reply_markup: keepKeyboard() });
    const { value: goal } = await waitForAnswer<number>(conversation, async (c): Promise<StepInput<number>> => {
      if (keepPressed(c, editing)) return (await c.answerCallbackQuery(), { value: current!.board.goal });
      if (c.callbackQuery) return { hint: c.t("button-stale") };
      const parsed = parseGoal(c.message?.text ?? "");
      return parsed === undefined ? { hint: c.t("board-scene-goal-hint") } : { value: parsed };
    });

    beginStep(conversation);
    const photoNow = current?.board.photoFileId ? ctx.t("board-scene-photo-current") : "";
    await ctx.reply(`${ctx.t("board-scene-photo")}${photoNow}`, {
      reply_markup: keepKeyboard(new InlineKeyboard().text(ctx.t("board-scene-no-photo"), Actions.boardStep.data("nophoto"))),
    });
    const { value: photoFileId, ctx: answered } = await waitForAnswer<string | null>(conversation, async (c) => {
      if (keepPressed(c, editing)) return (await c.answerCallbackQuery(), { value: current!.board.photoFileId });
      if (Actions.boardStep.parse(c.callbackQuery?.data)?.[0] === "nophoto") return (await c.answerCallbackQuery(), { value: null });
      if (c.callbackQuery) return { hint: c.t("button-stale") };
      // The largest size is last.
      const photo = c.message?.photo?.at(-1);
      return photo ? { value: photo.file_id } : { hint: c.t("board-scene-photo-hint") };
    });

    const details: BoardDetails = { organisation, title, needed, goal, photoFileId };
    const done = await conversation.external(async (outside) =>
      editing
        ? await editBoard(outside.deps, adminId, current.board.id, details)
        : (await createBoard(outside.deps, adminId, details), "created" as const),
    );
    const reply = done === "gone" ? "board-scene-gone" : done === "edited" ? "board-scene-edited" : "board-scene-created";
    await answered.reply(answered.t(reply, { title: escapeHtml(title) }), { parse_mode: "HTML" });
  };
}
