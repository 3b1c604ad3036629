export const LANGUAGES = ["en", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Korean for Korean clients, English for everyone else, unless the user chose. */
export function languageOf(
  user: { language: Language | null; clientLanguage: string | null } | undefined,
  clientLanguage?: string,
): Language {
  if (user?.language) return user.language;
  const client = user?.clientLanguage ?? clientLanguage;
  return client?.toLowerCase().startsWith("ko") ? "ko" : "en";
}
