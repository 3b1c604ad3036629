import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { LANGUAGES } from "../../src/domain/language.js";

type Pattern = NonNullable<NonNullable<ReturnType<FluentBundle["getMessage"]>>["value"]>;

/** The variables a pattern names, anywhere in it. */
const variablesIn = (pattern: Pattern): string[] => [
  ...new Set([...JSON.stringify(pattern).matchAll(/"type":"var","name":"([^"]+)"/g)].map((match) => match[1]!)),
];

describe("messages formatted by the bot", () => {
  // Fluent itself, as the bot sets it up: the reference every message must match.
  const fluent = (language: string) => {
    const bundle = new FluentBundle(language, { useIsolating: false, functions: { PARTICLE: () => "" } });
    bundle.addResource(new FluentResource(readFileSync(`src/i18n/${language}.ftl`, "utf8")));
    return bundle;
  };

  it("read exactly as Fluent formats them, for every message and attribute, with text variables", () => {
    const i18n = createI18n({ db: undefined as never });
    let compared = 0;
    for (const language of LANGUAGES) {
      const reference = fluent(language);
      for (const { id, value, attributes } of new FluentResource(readFileSync(`src/i18n/${language}.ftl`, "utf8")).body) {
        const message = reference.getMessage(id)!;
        const patterns: Array<[string, Pattern]> = [
          ...(value ? [[id, message.value!] as [string, Pattern]] : []),
          ...Object.keys(attributes).map((name): [string, Pattern] => [`${id}.${name}`, message.attributes[name]!]),
        ];
        for (const [key, pattern] of patterns) {
          const names = variablesIn(pattern);
          // Messages with functions are Fluent's either way (the bot's PARTICLE is not set up here).
          if (names.length === 0 || JSON.stringify(pattern).includes('"type":"func"')) continue;
          // Text with characters HTML and Fluent care about, and Korean, so nothing is escaped or lost.
          const variables = Object.fromEntries(names.map((name, i) => [name, `<b>{$${name}}</b> 민지 ${i}`]));
          expect(i18n.t(language, key, variables), `${language} ${key}`).toBe(reference.formatPattern(pattern, variables));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("leave numbers to Fluent, formatted for the language, and say which variable is missing", () => {
    const i18n = createI18n({ db: undefined as never });
    expect(i18n.t("en", "greeting", { alias: "Kim" })).toContain("Hello, <b>Kim</b>!");
    expect(() => i18n.t("en", "greeting", {})).toThrow(/Unknown variable: \$alias/);
    expect(i18n.t("en", "greeting", { alias: 1234.5 })).toContain("<b>1,234.5</b>");
  });
});
