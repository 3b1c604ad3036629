/** Turns a message key into text in one language; the i18n plugin's `t` fits. */
export interface Translator {
  t(locale: string, key: string, variables?: Record<string, string | number>): string;
}

/** `t` bound to one language, as `ctx.t` is. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

export function translateIn(i18n: Translator, language: string): Translate {
  return (key, variables) => i18n.t(language, key, variables);
}
