import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { Language } from "../../db/schema.js";
import { LANGUAGES } from "./locale.js";

/** Commands every user sees, in menu order. */
const USER_COMMANDS = ["start", "helper", "language", "help", "cancel"] as const;

// I18n is generic over the context type; only its translate function is used here.
type Translator = Pick<I18n<never>, "t">;

export function commandMenu(i18n: Translator, language: Language): BotCommand[] {
  return USER_COMMANDS.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
}

/** The menus shown to users who have not chosen a language: by their Telegram client language. */
export async function publishDefaultCommands(api: Api, i18n: Translator): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, "en"), { scope: { type: "all_private_chats" } });
  for (const language of LANGUAGES.filter((l) => l !== "en")) {
    await api.setMyCommands(commandMenu(i18n, language), { scope: { type: "all_private_chats" }, language_code: language });
  }
}

/**
 * Telegram picks menus by client language, not by our stored choice; a menu scoped to the
 * user's own chat makes it follow the choice made with /language.
 */
export async function publishUserCommands(api: Api, i18n: Translator, userId: number, language: Language): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, language), { scope: { type: "chat", chat_id: userId } });
}
