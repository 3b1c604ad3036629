import type { Language, User } from "../../db/schema.js";

export const LANGUAGES: readonly Language[] = ["en", "ko"];

/** Korean for Korean clients, English for everyone else, unless the user chose. */
export function languageOf(user: Pick<User, "language" | "client_language"> | undefined, clientLanguage?: string): Language {
  if (user?.language) return user.language;
  const client = user?.client_language ?? clientLanguage;
  return client?.toLowerCase().startsWith("ko") ? "ko" : "en";
}
