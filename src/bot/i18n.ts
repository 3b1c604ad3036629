import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Context, MiddlewareFn, MiddlewareObj } from "grammy";
import { particleFor } from "../domain/korean-particles.js";
import { LANGUAGES, type Language, languageOf } from "../domain/language.js";
import type { User } from "../domain/users.js";
import { userById } from "../services/users.js";
import type { ServiceDeps } from "../services/deps.js";
import type { Translate, Translator } from "../ui/translator.js";
import { userBeingHandled } from "./update-user.js";

/** What a context gains: `t` in the language of the user behind the update. */
export interface I18nFlavor {
  t: Translate;
}

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

const DEFAULT: Language = "en";

type Pattern = NonNullable<NonNullable<ReturnType<FluentBundle["getMessage"]>>["value"]>;
/** Text, or the name of a variable. */
type Part = string | { variable: string };

interface FoundMessage {
  bundle: FluentBundle;
  pattern: Pattern;
  /** The pattern's parts when it holds nothing but text and variables, else null. */
  parts: Part[] | null;
  /** The text without variables, once asked for. */
  fixed?: string;
}

function partsOf(pattern: Pattern): Part[] | null {
  if (typeof pattern === "string") return [pattern];
  const parts: Part[] = [];
  for (const element of pattern) {
    if (typeof element === "string") parts.push(element);
    else if (element.type === "var") parts.push({ variable: element.name });
    else return null;
  }
  return parts;
}

/**
 * A message of text and string variables, joined as Fluent joins it (with isolation marks off and
 * no transform): most messages with variables are such, and Fluent's resolver took a few
 * microseconds for each. Undefined when a variable is missing or not a string (Fluent formats
 * numbers for the language and reports what is missing).
 */
function joined(parts: Part[], variables: Record<string, string | number>): string | undefined {
  let text = "";
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const value = Object.hasOwn(variables, part.variable) ? variables[part.variable] : undefined;
    if (typeof value !== "string") return undefined;
    text += value;
  }
  return text;
}

/**
 * The messages of every language, read and parsed once per process (the outer tree and the scenes
 * each have an I18n). The same relative path from this file (src/bot/) and from the compiled
 * bundle (dist/app/, with the messages copied to dist/i18n/ by `npm run build`).
 */
let parsed: Map<string, FluentBundle> | undefined;
function bundles(): Map<string, FluentBundle> {
  if (parsed) return parsed;
  parsed = new Map();
  for (const language of LANGUAGES) {
    // Fluent wraps variables in Unicode isolation marks by default; in chat they show as junk.
    const bundle = new FluentBundle(language, { useIsolating: false, functions: { PARTICLE } });
    const source = readFileSync(fileURLToPath(new URL(`../i18n/${language}.ftl`, import.meta.url)), "utf8");
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length > 0) throw new Error(`${language}.ftl: ${errors.map(String).join("; ")}`);
    parsed.set(language, bundle);
  }
  return parsed;
}

/**
 * The messages of every language, one Fluent bundle each, and the middleware that gives each update
 * `ctx.t` in its user's language. The language is settled once per update and `t` goes straight to
 * that bundle (the grammY i18n plugin matched locales again on every `t`, a tenth of a plain update).
 */
export class I18n<C extends Context & { user?: User }> implements Translator, MiddlewareObj<C & I18nFlavor> {
  private readonly bundles = bundles();
  private readonly bound = new Map<string, Translate>();
  private readonly found = new Map<FluentBundle, Map<string, FoundMessage | undefined>>();

  constructor(private readonly languageOfUpdate: (ctx: C) => Language | Promise<Language>) {
    for (const [language, bundle] of this.bundles) this.bound.set(language, (key, variables) => this.format(bundle, key, variables));
  }

  /** `key` or `key.attribute`, in `locale` (the default language when it has no such message). */
  t(locale: string, key: string, variables?: Record<string, string | number>): string {
    return this.translateIn(locale)(key, variables);
  }

  translateIn(locale: string): Translate {
    return this.bound.get(locale) ?? this.bound.get(DEFAULT)!;
  }

  private format(bundle: FluentBundle, key: string, variables?: Record<string, string | number>): string {
    const message = this.lookUp(bundle, key);
    if (!message) return `{${key}}`;
    // A message without variables always reads the same: formatted once per language.
    if (variables === undefined) return (message.fixed ??= message.bundle.formatPattern(message.pattern));
    return (
      (message.parts && joined(message.parts, variables)) ??
      message.bundle.formatPattern(message.pattern, variables as Record<string, FluentVariable>)
    );
  }

  /** `key` or `key.attribute` in `bundle`, or in the default language's when `bundle` lacks it; looked up once. */
  private lookUp(bundle: FluentBundle, key: string): FoundMessage | undefined {
    let known = this.found.get(bundle);
    if (!known) this.found.set(bundle, (known = new Map()));
    if (known.has(key)) return known.get(key);
    const [id, attribute] = key.split(".", 2) as [string, string | undefined];
    let found: FoundMessage | undefined;
    for (const candidate of bundle.locales[0] === DEFAULT ? [bundle] : [bundle, this.bundles.get(DEFAULT)!]) {
      const message = candidate.getMessage(id);
      const pattern = attribute === undefined ? message?.value : message?.attributes[attribute];
      if (pattern) {
        found = { bundle: candidate, pattern, parts: partsOf(pattern) };
        break;
      }
    }
    known.set(key, found);
    return found;
  }

  middleware(): MiddlewareFn<C & I18nFlavor> {
    // Not awaited when the language is known already (almost always): one promise less per update.
    return (ctx, next) => {
      const language = this.languageOfUpdate(ctx);
      if (language instanceof Promise)
        return language.then((settled) => {
          ctx.t = this.translateIn(settled);
          return next();
        });
      ctx.t = this.translateIn(language);
      return next();
    };
  }
}

/** Generic over the context so the same kind of instance serves the outer tree and the scenes. */
export function createI18n<C extends Context & { user?: User }>(deps: Pick<ServiceDeps, "db">): I18n<C> {
  // Scene contexts have no `ctx.user`: they take the one loadUser read for this update. Scenes
  // are kept per chat, so a replayed update from someone else still needs a read by id.
  return new I18n<C>((ctx) => {
    const id = ctx.from?.id;
    const clientLanguage = ctx.from?.language_code;
    const known = ctx.user ?? (id === undefined ? undefined : userBeingHandled(id));
    if (id === undefined) return languageOf(undefined, clientLanguage);
    if (known && known.id === id) return languageOf(known, clientLanguage);
    return userById(deps, id).then((user) => languageOf(user, clientLanguage));
  });
}
