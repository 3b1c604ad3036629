import type { Api } from "grammy";
import { LANGUAGES, type Language } from "../domain/language.js";
import { commandMenu, EVERYONE, type MenuRole } from "../ui/commands.js";
import { translateIn, type Translator } from "../ui/translator.js";

/** The menus shown to users with no menu of their own: by their Telegram client language. */
export async function publishDefaultCommands(api: Api, i18n: Translator): Promise<void> {
  await Promise.all([
    api.setMyCommands(commandMenu(translateIn(i18n, "en"), EVERYONE), { scope: { type: "all_private_chats" } }),
    ...LANGUAGES.filter((l) => l !== "en").map((language) =>
      api.setMyCommands(commandMenu(translateIn(i18n, language), EVERYONE), {
        scope: { type: "all_private_chats" },
        language_code: language,
      }),
    ),
  ]);
}

/**
 * Telegram picks menus by client language, not by our stored choice; a menu scoped to the
 * user's own chat makes it follow the choice made with /language, and list what their role allows.
 */
export async function publishUserCommands(api: Api, i18n: Translator, userId: number, language: Language, role: MenuRole): Promise<void> {
  await api.setMyCommands(commandMenu(translateIn(i18n, language), role), { scope: { type: "chat", chat_id: userId } });
}
