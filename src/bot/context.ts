import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "../logger.js";
import type { ServiceDeps } from "../services/deps.js";
import type { User } from "../domain/users.js";

/** What every handler may use; built once in main and passed to createBot. */
export type BotDeps = ServiceDeps;

interface AppFlavor {
  deps: BotDeps;
  logger: Logger;
  /** The user who sent this update; set for every update that has a `from`. */
  user?: User;
  /** Set once the update's callback query was answered; Telegram refuses a second answer. */
  callbackAnswered?: boolean;
}

/** Context of the outer middleware tree. */
export type BotContext = ConversationFlavor<Context & I18nFlavor & AppFlavor>;

/** Context inside a scene: a fresh object per update, rebuilt on replay, so no outer flavors. */
export type SceneContext = Context & I18nFlavor;

export type Scene = Conversation<BotContext, SceneContext>;
