import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/**
 * What became of the code cache in a start: `used`; `none` was written yet; the one written was
 * for another build of the bundle (`stale`); V8 refused it (`rejected`: another Node version or
 * other flags).
 */
export type CodeCacheUse = "used" | "none" | "stale" | "rejected";

export interface CodeCacheRun {
  use: CodeCacheUse;
  /**
   * Writes the cache, unless the one used matched: called once the start is over, so that the
   * functions compiled while starting are in it. Never throws: a start without a cache only
   * takes longer.
   */
  save(): void;
}

type CommonJsWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/**
 * Runs a CommonJS bundle as `require` would, compiled from V8's code cache of it in `cacheFile`
 * when one was written for this very bundle. The cache starts with a hash of the bundle: V8 checks
 * only the length of the source it was made from, so a rebuilt bundle of the same length would
 * otherwise run the old code.
 */
export function runWithCodeCache(bundleFile: string, cacheFile = `${bundleFile}.cache`): CodeCacheRun {
  const source = readFileSync(bundleFile, "utf8");
  const hash = createHash("sha256").update(source).digest();
  const stored = readIfThere(cacheFile);
  const matching = stored !== undefined && stored.subarray(0, hash.length).equals(hash);
  const script = new Script(Module.wrap(source), {
    filename: bundleFile,
    cachedData: matching ? stored.subarray(hash.length) : undefined,
  });
  const use: CodeCacheUse = stored === undefined ? "none" : !matching ? "stale" : script.cachedDataRejected ? "rejected" : "used";

  const bundle = new Module(bundleFile);
  bundle.filename = bundleFile;
  (script.runInThisContext() as CommonJsWrapper)(bundle.exports, createRequire(bundleFile), bundle, bundleFile, dirname(bundleFile));

  let saved = use === "used";
  return {
    use,
    save() {
      if (saved) return;
      saved = true;
      // Renamed into place whole, so a bot starting meanwhile never reads half a cache.
      const partial = `${cacheFile}.${process.pid}`;
      try {
        writeFileSync(partial, Buffer.concat([hash, script.createCachedData()]));
        renameSync(partial, cacheFile);
      } catch {
        // A read-only installation or a full disk: every start compiles, as without a cache.
        removeIfThere(partial);
      }
    },
  };
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function removeIfThere(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // On a read-only file system there is nothing to remove.
  }
}
