/**
 * `npm start` to ready: the compiled bot (what `npm start` runs after its build; the first start
 * after a build writes the code cache the next ones compile from) beside the same
 * sources through tsx, each a single node process against the fake Telegram, timed from spawn
 * to the "doum is ready" line; RSS read from /proc once it has been idle a moment.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startFakeTelegram } from "../support/fake-telegram/index.js";
import { tempSqliteUrl } from "../support/databases.js";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface StartSample {
  readyMs: number;
  rssMb: number;
}

/** The node flags `npm start` runs the bundle with. */
export const START_FLAGS = ["--max-semi-space-size=4"];
export const COMPILED = [...START_FLAGS, "dist/app/start.cjs"];
export const TSX = ["--import", "tsx", "src/main.ts"];

/** What `npm start` builds before it runs, without the code cache a start wrote for it. */
export function build(): void {
  execFileSync("npm", ["run", "-s", "build"], { cwd: projectRoot, stdio: "inherit" });
  rmSync(`${projectRoot}dist/app/main.cjs.cache`, { force: true });
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}

export async function timeStart(args: string[], env: Record<string, string> = {}): Promise<StartSample> {
  const fake = await startFakeTelegram();
  try {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, DATABASE_URL: tempSqliteUrl(), LOG_LEVEL: "info", ...env },
    });
    let output = "";
    const readyMs = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("doum is ready")) resolve(performance.now() - started);
      });
      child.once("exit", (code) => reject(new Error(`the bot exited with ${code}: ${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sample = { readyMs, rssMb: rssMb(child.pid!) };
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    return sample;
  } finally {
    await fake.close();
  }
}
