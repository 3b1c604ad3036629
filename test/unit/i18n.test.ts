import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const keysOf = (file: string) =>
  new Set(
    readFileSync(join(root, "src/i18n", file), "utf8")
      .split("\n")
      .map((line) => /^([a-zA-Z][\w-]*) =/.exec(line)?.[1])
      .filter((k): k is string => k !== undefined),
  );

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("translations", () => {
  const en = keysOf("en.ftl");
  const ko = keysOf("ko.ftl");

  it("English and Korean have the same messages", () => {
    expect([...en].filter((k) => !ko.has(k))).toEqual([]);
    expect([...ko].filter((k) => !en.has(k))).toEqual([]);
  });

  it("every message key written literally in the code exists", () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles("src"), ...sourceFiles("scenes")]) {
      for (const match of readFileSync(join(root, file), "utf8").matchAll(/\bt\(\s*"([a-z0-9-]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });
});
