/**
 * What `npm start` runs (built to dist/app/start.cjs): the bundle of main.ts beside it
 * (main.cjs), compiled from V8's code cache when one was written for that bundle (decision 106).
 * Compiling the bundle and the functions its start runs took about a fifth of the time to
 * ready; Node 20 keeps no compile cache of its own. Stack traces are mapped to the sources by
 * source-map-support, as Node's --enable-source-maps does not map code compiled through `vm`.
 */
import { dirname, join } from "node:path";
import { install as mapStackTraces } from "source-map-support";
import { runWithCodeCache } from "./code-cache.js";

mapStackTraces({ environment: "node", handleUncaughtExceptions: false });
const { save } = runWithCodeCache(join(dirname(process.argv[1]!), "main.cjs"));
// The cache is written once the start is over: after a while, or when the bot stops before that.
// Not after a failed start, whose cache would hold only what ran before it failed.
setTimeout(save, 10_000).unref();
process.once("exit", (code) => {
  if (code === 0) save();
});
