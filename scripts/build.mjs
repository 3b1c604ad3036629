// `npm run build`: the bundle `npm start` runs. The bench bundles its own entry into the bot with
// the same options (test/bench/compiled-bot.ts), so that it measures what production runs.
import { build } from "esbuild";
import { cpSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));

/**
 * One CommonJS file per entry, with the npm packages inside but the two native database drivers.
 * @type {import("esbuild").BuildOptions}
 */
export const bundleOptions = {
  bundle: true,
  external: ["better-sqlite3", "pg"],
  platform: "node",
  format: "cjs",
  target: "node20",
  // The sources use import.meta.url to find files beside them; CommonJS has __filename instead.
  define: { "import.meta.url": "importMetaUrl" },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: "warning",
};

/** The messages, where the bundle looks for them (dist/i18n beside dist/app and dist/bench). */
export function copyMessages() {
  cpSync(`${projectRoot}src/i18n`, `${projectRoot}dist/i18n`, { recursive: true });
}

/**
 * The starter, which loads main.cjs through V8's code cache and needs nothing of the bot.
 * @type {import("esbuild").BuildOptions}
 */
export const starterOptions = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
  entryPoints: [`${projectRoot}src/start-compiled.ts`],
};

async function buildApp() {
  await build({
    ...bundleOptions,
    entryPoints: [`${projectRoot}src/main.ts`],
    outfile: `${projectRoot}dist/app/main.cjs`,
    // Stack traces are mapped back to the sources, which stay out of the map.
    sourcemap: true,
    sourcesContent: false,
  });
  await build({ ...starterOptions, outfile: `${projectRoot}dist/app/start.cjs` });
  copyMessages();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildApp();
