import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer } from "grammy";
import type { BotContext, BotDeps, SceneContext } from "../src/bot/context.js";
import { chooseLanguageScene } from "./choose-language.js";

/**
 * Registers every scene. Plugins of the outer tree do not reach inside a scene, so i18n is
 * installed again for each one.
 */
export function scenes(deps: BotDeps, i18n: I18n<SceneContext>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const plugins = [i18n.middleware()];
  composer.use(createConversation(chooseLanguageScene(deps, i18n), { id: "language", plugins }));
  return composer;
}
