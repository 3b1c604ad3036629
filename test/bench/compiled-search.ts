import { buildSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { START_FLAGS } from "./start.js";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const OUTFILE = "dist/bench/search-process.js";

/**
 * The memory a bot's nearby search holds over a database of a million helpers: search-process.ts
 * built as `npm start`'s bundle is (esbuild, ESM for node 20) and run under `npm start`'s node
 * flags, without the benchmark's generated helpers and tsx around it.
 */
export function searchInCompiledProcess(file: string, seed: number, count: number, radiusM: number, limit: number): { rssMb: number } {
  buildSync({
    entryPoints: [fileURLToPath(new URL("./search-process.ts", import.meta.url))],
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: `${projectRoot}${OUTFILE}`,
    logLevel: "warning",
  });
  const output = execFileSync(
    process.execPath,
    [...START_FLAGS, OUTFILE, file, String(seed), String(count), String(radiusM), String(limit)],
    {
      cwd: projectRoot,
      encoding: "utf8",
    },
  );
  return JSON.parse(output) as { rssMb: number };
}
