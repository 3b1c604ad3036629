import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DestinationStream } from "pino";
import { createDb, type Db } from "../../db/create-db.js";
import { startApp, type App } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Clock } from "../../src/clock.js";
import type { RateLimits } from "../../src/outbox/rate-limiter.js";
import type { FakeTelegram } from "./fake-telegram/index.js";
import { tempSqliteUrl } from "./databases.js";
import { TestClock } from "./clock.js";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface BotOptions {
  /** Extra environment, e.g. ADMIN_IDS; defaults give a fresh SQLite file. */
  env?: Record<string, string>;
  databaseUrl?: string;
  /** Where the log lines go (stdout by default), for tests that read what was logged. */
  logDestination?: DestinationStream;
}

function environment(fake: FakeTelegram, databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return { BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", ...env };
}

export interface RunningBot {
  databaseUrl: string;
  app: App;
  clock: TestClock;
  /** A second connection for assertions on what the database holds. */
  db: Db;
  stop(): Promise<void>;
}

/** The real app in this process, with a clock the test controls. */
export async function startBot(
  fake: FakeTelegram,
  opts: BotOptions & { clock?: TestClock; outboxLimits?: RateLimits; random?: () => number } = {},
): Promise<RunningBot> {
  const databaseUrl = opts.databaseUrl ?? tempSqliteUrl();
  const config = parseConfig(environment(fake, databaseUrl, opts.env));
  const clock = opts.clock ?? new TestClock();
  const app: App = await startApp({
    config,
    token: fake.token,
    logger: createLogger(config.logLevel, opts.logDestination),
    clock: clock as Clock,
    outboxLimits: opts.outboxLimits,
    random: opts.random,
  });
  const db = createDb(databaseUrl);
  return {
    databaseUrl,
    app,
    clock,
    db,
    async stop() {
      await app.stop();
      await db.destroy();
    },
  };
}

export interface BotProcess {
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The bot as a child process (`npm start`: compiled; `node`: the sources through tsx) that can be
 * killed with SIGKILL mid-update. Resolves once it logged that it is ready.
 */
export async function startBotProcess(
  fake: FakeTelegram,
  opts: BotOptions & { command?: "node" | "npm"; waitForReady?: boolean } = {},
): Promise<BotProcess> {
  const databaseUrl = opts.databaseUrl ?? tempSqliteUrl();
  const env = { ...process.env, ...environment(fake, databaseUrl, { LOG_LEVEL: "info", ...opts.env }) };
  const child =
    opts.command === "npm"
      ? spawn("npm", ["start", "--silent"], { cwd: projectRoot, env, detached: true })
      : spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: projectRoot, env });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  if (opts.waitForReady !== false) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot did not become ready:\n${output}`)), 20_000);
      const check = () => {
        if (output.includes("doum is ready")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", check);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`bot exited with ${code} before it was ready:\n${output}`));
      });
    });
  }
  return {
    process: child,
    output: () => output,
    exited,
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        // npm does not pass signals on to the bot it started: signal the whole process group,
        // as a terminal's Ctrl-C would.
        if (opts.command === "npm" && child.pid) process.kill(-child.pid, signal);
        else child.kill(signal);
      }
      return exited;
    },
  };
}
