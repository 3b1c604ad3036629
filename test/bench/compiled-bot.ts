import { buildSync } from "esbuild";
import { cpSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const OUTFILE = `${projectRoot}dist/bench/bot.cjs`;

export type CompiledBot = typeof import("./bot-bundle-entry.js");

/**
 * The bot's code as `npm start` runs it: bundled by esbuild with the flags of `npm run build`
 * (CommonJS, the npm packages inside but better-sqlite3 and pg), beside the messages in
 * dist/i18n where the bundle looks for them. Under tsx every function a hot path creates is
 * also named at run time (esbuild's keepNames), which production never pays.
 */
export function compiledBot(): CompiledBot {
  buildSync({
    entryPoints: [fileURLToPath(new URL("./bot-bundle-entry.ts", import.meta.url))],
    bundle: true,
    external: ["better-sqlite3", "pg"],
    platform: "node",
    format: "cjs",
    target: "node20",
    define: { "import.meta.url": "importMetaUrl" },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    outfile: OUTFILE,
    logLevel: "warning",
  });
  cpSync(`${projectRoot}src/i18n`, `${projectRoot}dist/i18n`, { recursive: true });
  return createRequire(import.meta.url)(OUTFILE) as CompiledBot;
}
