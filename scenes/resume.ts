import { InlineKeyboard } from "grammy";
import type { Scene, SceneContext } from "../src/bot/context.js";
import type { Actions } from "../src/ui/actions.js";
import { beginStep } from "./resilient.js";
import { buttonAnswer, waitForAnswer } from "./steps.js";

/** The two scenes that keep a draft ask the same question with their own prompt and button data. */
type ResumeAction = typeof Actions.askResume | typeof Actions.registrationResume;

/** "Continue where you left off?" for a kept draft; the buttons go once one is pressed. */
export async function askToResume(
  conversation: Scene,
  ctx: SceneContext,
  promptKey: string,
  action: ResumeAction,
): Promise<"resume" | "restart"> {
  beginStep(conversation);
  await ctx.reply(ctx.t(promptKey), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("reg-resume-continue"), action.data("resume"))
      .text(ctx.t("reg-resume-restart"), action.data("restart")),
  });
  const { value, ctx: answered } = await waitForAnswer(conversation, (c) => buttonAnswer(c, action, "scene-expected-button"));
  await answered.answerCallbackQuery();
  await answered.editMessageReplyMarkup({ reply_markup: undefined });
  return value[0];
}
