import { buildSync } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { bundleOptions, copyMessages } from "../../scripts/build.mjs";

const OUTFILE = fileURLToPath(new URL("../../dist/bench/bot.cjs", import.meta.url));

export type CompiledBot = typeof import("./bot-bundle-entry.js");

/**
 * The bot's code as `npm start` runs it: bundled with the options of `npm run build`, beside the
 * messages in dist/i18n where the bundle looks for them. Under tsx every function a hot path
 * creates is also named at run time (esbuild's keepNames), which production never pays.
 */
export function compiledBot(): CompiledBot {
  buildSync({ ...bundleOptions, entryPoints: [fileURLToPath(new URL("./bot-bundle-entry.ts", import.meta.url))], outfile: OUTFILE });
  copyMessages();
  return createRequire(import.meta.url)(OUTFILE) as CompiledBot;
}
