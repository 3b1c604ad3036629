import { readdirSync, readFileSync, statSync } from "node:fs";
import { PERSONAL_DETAILS } from "../../src/domain/personal-details.js";
import { basename, join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SCENE_IDS } from "../../scenes/ids.js";
import { LINK_REFUSALS, LIVE_STATES, VOUCHER_VIEWS } from "../../src/domain/vouchers.js";
import { ADMIN_COMMANDS, EVERYONE_COMMANDS, HELPER_COMMANDS } from "../../src/ui/commands.js";
import { RESTRICTION_COMMANDS, SUSPENSION_COMMANDS } from "../../src/bot/features/admin.js";
import { LANGUAGES } from "../../src/domain/language.js";
import { parseConfig } from "../../src/config.js";
import { ALIAS_PROBLEMS, DRAFT_STEPS, TEXT_PROBLEMS } from "../../src/domain/helper-profile.js";
import { HELPER_STATUSES } from "../../src/domain/helpers.js";
import { REVIEW_FIELDS } from "../../src/domain/requests.js";
import { CHAT_SIDES, MARK_CHOICES, REPORT_REASONS } from "../../src/domain/chats.js";
import { BADGE_REASONS, PENALTY_REASONS } from "../../src/domain/badges.js";
import { CREDIT_REASONS, TOPUP_REFUSALS } from "../../src/domain/credits.js";
import { STATISTICS_PERIODS } from "../../src/domain/statistics.js";
import { REPORT_DECISIONS, REPORT_STATES } from "../../src/domain/reports.js";
import {
  ADJUSTABLE_BADGES,
  COUNTED_ADJUSTMENTS,
  LISTED_SECTIONS,
  USER_ADJUSTMENTS,
  USER_AUDIT_ACTIONS,
} from "../../src/domain/admin-console.js";

/**
 * Every template literal that builds message keys, written with `*` for its placeholder, and the
 * values the placeholder takes, read from the code's own lists so a new value needs its messages.
 */
const FAMILIES: Record<string, readonly string[]> = {
  // Operators may configure other categories; the defaults are what must ship translated.
  "category-*": parseConfig({}).categories,
  // "none": the admin replies for an application that no longer has a helper row.
  "helper-status-*": [...HELPER_STATUSES, "none"],
  "cmd-*": [...EVERYONE_COMMANDS, ...HELPER_COMMANDS, ...ADMIN_COMMANDS],
  "alias-problem-*": ALIAS_PROBLEMS,
  "text-problem-*": TEXT_PROBLEMS,
  "personal-*": PERSONAL_DETAILS,
  "scene-*": SCENE_IDS,
  "ask-edit-*": REVIEW_FIELDS,
  "edit-field-*": DRAFT_STEPS,
  "admin-*-usage": [...SUSPENSION_COMMANDS, ...RESTRICTION_COMMANDS].map(([command]) => command),
  "admin-*-done": [...SUSPENSION_COMMANDS, ...RESTRICTION_COMMANDS].map(([command]) => command),
  "admin-*-unchanged": RESTRICTION_COMMANDS.map(([command]) => command),
  "report-reason-*": REPORT_REASONS,
  "report-member-*": CHAT_SIDES,
  "mark-*": MARK_CHOICES,
  "penalty-reason-*": PENALTY_REASONS,
  "badge-reason-*": BADGE_REASONS,
  "credit-reason-*": CREDIT_REASONS,
  "topup-refused-*": TOPUP_REFUSALS,
  "topup-*": ["credited", "already", "unmatched"],
  "admin-stats-period-*": STATISTICS_PERIODS,
  "admin-stats-button-*": STATISTICS_PERIODS,
  "report-*-done": REPORT_DECISIONS,
  "report-decided-*": REPORT_STATES.filter((state) => state !== "open"),
  "admin-*-none": LISTED_SECTIONS,
  "admin-*-title": LISTED_SECTIONS,
  "admin-requests-row-*": ["open", "matched"],
  "admin-user-*": USER_ADJUSTMENTS,
  "admin-adjust-amount-*": COUNTED_ADJUSTMENTS,
  "admin-adjust-reason-*": USER_ADJUSTMENTS,
  "admin-badges-done-*": ADJUSTABLE_BADGES,
  "admin-badges-below-zero-*": ADJUSTABLE_BADGES,
  "badges-adjusted-*": ADJUSTABLE_BADGES,
  "audit-*": USER_AUDIT_ACTIONS.map((action) => action.replace(".", "-")),
  "voucher-link-*": LINK_REFUSALS,
  "voucher-line-*": VOUCHER_VIEWS,
  "admin-voucher-state-*": LIVE_STATES,
};

/** Kebab-case literals in the code that are not messages; any other kebab-case literal must be one. */
const NOT_MESSAGES = new Set([
  // Deadline kinds, stored in the deadlines table.
  "request-expiry",
  "request-wave",
  "completion-reminder",
  "completion-timeout",
  "no-show-check",
  // Walk home: timers, completion states, refusal and PIN outcomes
  "walk-check-in",
  "walk-alarm",
  // Vouchers: the expiry timer; a hand issue refused for a kind retired meanwhile.
  "voucher-expiry",
  "no-kind",
  "walk-arrived",
  "walk-pin",
  "not-urgent",
  "not-a-pin",
  "same-as-pin",
  "no-pin",
  // Ledger reasons and why a chat closed, stored in rows.
  "fee-paid",
  "fee-received",
  "fee-held",
  "fee-settled",
  "fee-returned",
  "cancel-fee",
  "platform-share",
  "badge-backing",
  "late-cancel",
  // System accounts of the ledger.
  "donation-pool",
  "one-side",
  "helper-cancel",
  "requester-cancel",
  "no-show",
  // Why a service refused; the features map each reason to a message of their own.
  "already-helper",
  "insufficient-credits",
  "live-ended",
  "no-user",
  "not-found",
  "not-helper",
  "not-pending",
  "not-yours",
  "offer-gone",
  "other-category",
  "out-of-range",
  "own-request",
  "too-many-open",
  "would-go-negative",
  "below-zero",
  "chat-ended",
  "no-penalty",
  "not-asked",
  "too-long",
  "no-provider",
  "unknown-order",
  "wrong-price",
]);

const KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const root = new URL("../../", import.meta.url).pathname;

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), extension) : entry.name.endsWith(extension) ? [join(dir, entry.name)] : [],
  );
}

// Production code is every folder the compiler checks except the tests, wherever files move within them.
const { config: tsconfig } = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
const productionDirs = (tsconfig.include as string[]).filter((path) => path !== "test" && statSync(join(root, path)).isDirectory());

/** Variables a message uses, including those inside selectors, function calls and attributes. */
function placeables(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => placeables(child, found));
  else if (typeof node === "object" && node !== null) {
    if ("type" in node && node.type === "var" && "name" in node) found.add(`$${String(node.name)}`);
    else Object.values(node).forEach((child) => placeables(child, found));
  }
  return found;
}

const translations = LANGUAGES.map((language) => {
  const files = productionDirs.flatMap((dir) => filesUnder(dir, ".ftl")).filter((file) => basename(file) === `${language}.ftl`);
  if (files.length !== 1) throw new Error(`expected one ${language}.ftl, found: ${files.join(", ") || "none"}`);
  const source = readFileSync(join(root, files[0]!), "utf8");
  const entries = new FluentResource(source).body.filter((entry) => !entry.id.startsWith("-"));
  const messages = new Map(entries.map((entry) => [entry.id, [...placeables(entry)].sort().join(", ")]));
  const started = [...source.matchAll(/^([a-zA-Z][\w-]*) *=/gm)].map((match) => match[1]!);
  return { file: `${language}.ftl`, messages, started };
});

const calleeName = (callee: ts.Expression) =>
  ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;

/** Every key the code uses, with where: literals, and each member of each template family. */
const used = new Map<string, string>();
const templates: { pattern: string; where: string }[] = [];
const literals = new Set<string>();

for (const file of productionDirs.flatMap((dir) => filesUnder(dir, ".ts"))) {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  // Keys without a hyphen ("help", "yes") only show as keys by being what t() is given, maybe through a ternary.
  const keyArguments = new Set<ts.Node>();
  const branches = (node: ts.Expression): ts.Expression[] =>
    ts.isParenthesizedExpression(node)
      ? branches(node.expression)
      : ts.isConditionalExpression(node)
        ? [...branches(node.whenTrue), ...branches(node.whenFalse)]
        : [node];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && calleeName(node.expression) === "t")
      node.arguments.flatMap(branches).forEach((a) => keyArguments.add(a));
    const moduleName = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
    if (ts.isStringLiteralLike(node) && !moduleName && (KEY.test(node.text) || keyArguments.has(node))) {
      literals.add(node.text);
      if (!NOT_MESSAGES.has(node.text) && !used.has(node.text)) used.set(node.text, where(node));
    }
    if (ts.isTemplateExpression(node)) {
      const pattern = node.head.text + node.templateSpans.map((span) => `*${span.literal.text}`).join("");
      if (KEY.test(pattern.replaceAll("*", "x")) || keyArguments.has(node))
        templates.push({ pattern, where: `${node.getText()} in ${where(node)}` });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
}
for (const { pattern, where } of templates) {
  for (const member of FAMILIES[pattern] ?? []) if (!used.has(pattern.replace("*", member))) used.set(pattern.replace("*", member), where);
}

describe("translations", () => {
  it("every entry of every .ftl file parses", () => {
    for (const { file, messages, started } of translations)
      expect(
        started.filter((id) => !messages.has(id)),
        `${file}: entries Fluent cannot parse`,
      ).toEqual([]);
  });

  it("every language has the same messages with the same placeables", () => {
    const [reference, ...others] = translations;
    const problems = others.flatMap((other) =>
      [...new Set([...reference!.messages.keys(), ...other.messages.keys()])].flatMap((id) => {
        const [mine, theirs] = [reference!.messages.get(id), other.messages.get(id)];
        if (mine === undefined || theirs === undefined)
          return [`"${id}" is missing from ${mine === undefined ? reference!.file : other.file}`];
        return mine === theirs ? [] : [`"${id}" has { ${mine} } in ${reference!.file} but { ${theirs} } in ${other.file}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it("every template that builds keys is a registered family", () => {
    const unregistered = templates.filter(({ pattern }) => !(pattern in FAMILIES)).map(({ where }) => where);
    expect(unregistered, "add these to FAMILIES with the list their placeholder takes its values from").toEqual([]);
    const found = new Set(templates.map(({ pattern }) => pattern));
    expect(
      Object.keys(FAMILIES).filter((pattern) => !found.has(pattern)),
      "families no code builds any more",
    ).toEqual([]);
    expect(
      [...NOT_MESSAGES].filter((literal) => !literals.has(literal)),
      "allowed literals no code uses any more",
    ).toEqual([]);
  });

  it("every key the code uses exists in every language", () => {
    const problems = [...used].flatMap(([key, where]) => {
      const lacking = translations.filter(({ messages }) => !messages.has(key)).map(({ file }) => file);
      return lacking.length === 0 ? [] : [`"${key}" (${where}) is missing from ${lacking.join(" and ")}`];
    });
    expect(problems).toEqual([]);
  });

  it("every message is used by the code", () => {
    expect(
      [...translations[0]!.messages.keys()].filter((id) => !used.has(id)),
      "messages no code uses",
    ).toEqual([]);
  });
});
