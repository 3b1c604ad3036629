import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LANGUAGES, type Language } from "../domain/language.js";
import type { Translator } from "../ui/translator.js";

/** Commands every user sees, in menu order. */
export const USER_COMMANDS = [
  "start",
  "ask",
  "requests",
  "nearby",
  "helper",
  "profile",
  "available",
  "radius",
  "quiet",
  "language",
  "help",
  "cancel",
] as const;
/** Shown only in admins' own menus; everyone else gets "unknown command" for them. */
export const ADMIN_COMMANDS = ["pending", "approve", "reject", "suspend", "reinstate", "restrict", "unrestrict", "credit"] as const;

function commandMenu(i18n: Translator, language: Language, isAdmin = false): BotCommand[] {
  const commands = isAdmin ? [...USER_COMMANDS, ...ADMIN_COMMANDS] : USER_COMMANDS;
  return commands.map((command) => ({ command, description: i18n.t(language, `cmd-${command}`) }));
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
export async function publishUserCommands(api: Api, i18n: Translator, userId: number, language: Language, isAdmin: boolean): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, language, isAdmin), { scope: { type: "chat", chat_id: userId } });
}
