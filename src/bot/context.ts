import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { ServiceDeps } from "../services/deps.js";
import type { User } from "../domain/users.js";
import type { UserSituation } from "../services/users.js";
import type { I18nFlavor } from "./i18n.js";

/** What every handler may use; built once in main and passed to createBot. */
export type BotDeps = ServiceDeps;

interface AppFlavor {
  deps: BotDeps;
  /** The user who sent this update; set for every update that has a `from`. */
  user?: User;
  /** What the message features ask of the sender, read with the user. */
  situation?: UserSituation;
  /** Set once the update's callback query was answered; Telegram refuses a second answer. */
  callbackAnswered?: boolean;
}

/** Context of the outer middleware tree. */
export type BotContext = ConversationFlavor<Context & I18nFlavor & AppFlavor>;

/** Context inside a scene: a fresh object per update, rebuilt on replay, so no outer flavors. */
export type SceneContext = Context & I18nFlavor;

export type Scene = Conversation<BotContext, SceneContext>;
