import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleOptions, starterOptions } from "../../scripts/build.mjs";
import { runWithCodeCache } from "../../src/code-cache.js";

type Fixture = typeof globalThis & { codeCacheFixture?: string };

/** A bundle that leaves its mark, `mark` being one letter so that every version has the same length. */
function writeBundle(file: string, mark: string): void {
  writeFileSync(file, `globalThis.codeCacheFixture = "${mark}"; exports.ran = true;\n`);
}

describe("the code cache npm start compiles the bundle with", () => {
  it("is written after the first start and used by the next, for that very bundle only", () => {
    const dir = mkdtempSync(join(tmpdir(), "doum-code-cache-"));
    const bundle = join(dir, "main.cjs");
    const cache = `${bundle}.cache`;
    writeBundle(bundle, "A");

    const first = runWithCodeCache(bundle);
    expect(first.use).toBe("none");
    expect((globalThis as Fixture).codeCacheFixture).toBe("A");
    expect(existsSync(cache)).toBe(false);
    first.save();
    const hash = createHash("sha256").update(readFileSync(bundle)).digest();
    expect(readFileSync(cache).subarray(0, hash.length).equals(hash)).toBe(true);

    const second = runWithCodeCache(bundle);
    expect(second.use).toBe("used");
    const written = statSync(cache).mtimeMs;
    second.save();
    expect(statSync(cache).mtimeMs).toBe(written);

    // A rebuilt bundle of the same length: V8 alone would take the old cache and run the old code.
    writeBundle(bundle, "B");
    const rebuilt = runWithCodeCache(bundle);
    expect(rebuilt.use).toBe("stale");
    expect((globalThis as Fixture).codeCacheFixture).toBe("B");
    rebuilt.save();
    expect(runWithCodeCache(bundle).use).toBe("used");
    expect((globalThis as Fixture).codeCacheFixture).toBe("B");
  });

  it("runs the bundle when V8 refuses the cache, and a cache that cannot be written is no error", () => {
    const dir = mkdtempSync(join(tmpdir(), "doum-code-cache-"));
    const bundle = join(dir, "main.cjs");
    writeBundle(bundle, "C");
    const hash = createHash("sha256").update(readFileSync(bundle)).digest();
    writeFileSync(`${bundle}.cache`, Buffer.concat([hash, Buffer.from("not what V8 writes")]));

    const refused = runWithCodeCache(bundle);
    expect(refused.use).toBe("rejected");
    expect((globalThis as Fixture).codeCacheFixture).toBe("C");

    const nowhere = runWithCodeCache(bundle, join(dir, "missing", "main.cjs.cache"));
    expect(() => nowhere.save()).not.toThrow();
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });

  it("as npm start runs it: stack traces point into the sources, with and without the cache", () => {
    const dir = mkdtempSync(join(tmpdir(), "doum-code-cache-"));
    mkdirSync(join(dir, "src"));
    // The throw is on line 3 of the source; the bundle puts it elsewhere.
    writeFileSync(
      join(dir, "src", "failing.ts"),
      ["export function fail(): never {", "  const why: string = 'on purpose';", "  throw new Error(why);", "}", ""].join("\n"),
    );
    writeFileSync(
      join(dir, "src", "main.ts"),
      ["import { fail } from './failing';", "try { fail(); } catch (error) { console.log((error as Error).stack); }", ""].join("\n"),
    );
    buildSync({
      ...bundleOptions,
      entryPoints: [join(dir, "src", "main.ts")],
      outfile: join(dir, "app", "main.cjs"),
      sourcemap: true,
      sourcesContent: false,
    });
    buildSync({ ...starterOptions, outfile: join(dir, "app", "start.cjs") });

    const start = () => execFileSync(process.execPath, [join(dir, "app", "start.cjs")], { encoding: "utf8" });
    expect(start()).toContain(`(${join(dir, "src", "failing.ts")}:3:9)`);
    // The first start wrote the cache as it exited; the second compiled from it.
    const cache = readFileSync(join(dir, "app", "main.cjs.cache"));
    expect(start()).toContain(`(${join(dir, "src", "failing.ts")}:3:9)`);
    expect(readFileSync(join(dir, "app", "main.cjs.cache")).equals(cache)).toBe(true);
  });
});
