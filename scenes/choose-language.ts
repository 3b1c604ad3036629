import { findUser, setLanguage } from "../db/repositories/users.js";
import { callbackArgs, callbackPattern } from "../src/bot/callback-data.js";
import { publishUserCommands } from "../src/bot/commands.js";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { LANGUAGES } from "../src/bot/locale.js";
import { languageMenu } from "../src/bot/menus.js";
import type { Translator } from "../src/services/deps.js";

/** /language: one question, answered by a button; the answer also re-labels the command menu. */
export function chooseLanguageScene(deps: BotDeps, i18n: Translator) {
  return async function language(conversation: Scene, ctx: SceneContext): Promise<void> {
    await ctx.reply(ctx.t("language-prompt"), { reply_markup: languageMenu() });
    const answer = await conversation.waitForCallbackQuery(callbackPattern("lang"), {
      otherwise: (other) => replyExpectedButton(other),
    });
    const [code] = callbackArgs(answer.callbackQuery.data, "lang") ?? [];
    const language = LANGUAGES.find((l) => l === code);
    if (!language) {
      await answer.answerCallbackQuery({ text: answer.t("button-stale") });
      return;
    }
    const userId = answer.from.id;
    const previous = await conversation.external(async () => (await findUser(deps.db, userId))?.language ?? null);
    await conversation.external(() => setLanguage(deps.db, userId, language));
    await answer.answerCallbackQuery();
    const key = previous === language ? "language-unchanged" : "language-set";
    await answer.editMessageText(i18n.t(language, key));
    await publishUserCommands(answer.api, i18n, userId, language, deps.config.adminIds.includes(userId));
  };
}

async function replyExpectedButton(ctx: SceneContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  else await ctx.reply(ctx.t("scene-expected-button"));
}
