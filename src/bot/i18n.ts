import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { particleFor } from "../domain/korean-particles.js";
import { LANGUAGES, languageOf } from "../domain/language.js";
import type { User } from "../domain/users.js";
import { userById } from "../services/users.js";
import type { ServiceDeps } from "../services/deps.js";
import { updateUserOf } from "./update-user.js";

/** A Fluent argument as text: numbers arrive wrapped, and only their value is wanted. */
const plain = (value: unknown): string =>
  typeof value === "object" && value !== null ? String((value as { valueOf(): unknown }).valueOf()) : String(value);

/**
 * `{ PARTICLE($alias, "을") }` in a message: the form of the particle that follows the variable's
 * last sound (ko.ftl), so no message prints both forms.
 */
function PARTICLE(positional: unknown[]): string {
  const [word, particle] = positional.map(plain);
  return particleFor(word ?? "", particle ?? "");
}

/** Generic over the context so the same instance serves the outer tree and the scenes. */
export function createI18n<C extends Context & { user?: User }>(deps: Pick<ServiceDeps, "db">): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: "en",
    // Fluent wraps variables in Unicode isolation marks by default; in chat they show as junk.
    fluentBundleOptions: { useIsolating: false, functions: { PARTICLE } },
    // Scene contexts have no `ctx.user`: they take the one loadUser read for this update. Scenes
    // are kept per chat, so a replayed update from someone else still needs a read by id.
    localeNegotiator: async (ctx) => {
      const known = ctx.user ?? updateUserOf();
      const user = known && known.id === ctx.from?.id ? known : ctx.from ? await userById(deps, ctx.from.id) : undefined;
      return languageOf(user, ctx.from?.language_code);
    },
  });
  // The same relative path from this file (src/bot/) and from the compiled bundle (dist/app/,
  // with the messages copied to dist/i18n/ by `npm run build`).
  for (const language of LANGUAGES) {
    i18n.loadLocaleSync(language, { filePath: fileURLToPath(new URL(`../i18n/${language}.ftl`, import.meta.url)) });
  }
  return i18n;
}
