import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { publishUserCommands } from "../src/bot/commands.js";
import { menuRole, standingOf } from "../src/services/command-menus.js";
import { chooseLanguage } from "../src/services/users.js";
import { Actions } from "../src/ui/actions.js";
import { languageMenu } from "../src/ui/menus.js";
import type { Translator } from "../src/ui/translator.js";
import { beginStep } from "./resilient.js";
import { buttonAnswer, waitForAnswer } from "./steps.js";

/** /language: one question, answered by a button; the answer also re-labels the command menu. */
export function chooseLanguageScene(deps: BotDeps, i18n: Translator) {
  return async function language(conversation: Scene, ctx: SceneContext): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("language-prompt"), { reply_markup: languageMenu() });
    const { value, ctx: answer } = await waitForAnswer(conversation, (c) =>
      buttonAnswer(c, Actions.chooseLanguage, "scene-expected-button"),
    );
    const [language] = value;
    const userId = answer.from!.id;
    const previous = await conversation.external((outside) => chooseLanguage(outside.deps, userId, language));
    await answer.answerCallbackQuery();
    await answer.editMessageText(i18n.t(language, previous === language ? "language-unchanged" : "language-set"));
    const role = menuRole(await conversation.external((outside) => standingOf(outside.deps, userId)));
    await publishUserCommands(answer.api, i18n, userId, language, role);
  };
}
