/**
 * The cost of a scene step as wrong answers pile up: the real bot's middleware, driven with
 * `bot.handleUpdate` on an SQLite file, answering through the fake Telegram (HTTP on loopback,
 * in this process, so its share of CPU is in the figures too, the same for every update).
 * Each run enters the helper registration and sends stickers to its first (text) question.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { middlewareBot } from "./middleware-bot.js";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { parseConfig } from "../../src/config.js";
import { startFakeTelegram } from "../support/fake-telegram/index.js";
import type { Persona, TgMessage } from "../support/fake-telegram/index.js";
import { StatementCounter } from "./timing.js";

interface Sample {
  wallMs: number;
  cpuMs: number;
  statements: number;
  stateBytes: number;
}

export interface SceneBenchResult {
  /** Index i holds the samples of the (i+1)-th wrong answer, one per measured run. */
  byAnswer: Sample[][];
  runs: number;
}

export async function benchSceneSteps(opts: { wrongAnswers: number; runs: number }): Promise<SceneBenchResult> {
  const fake = await startFakeTelegram({ limits: false });
  const dir = mkdtempSync(join(tmpdir(), "doum-bench-scenes-"));
  const config = parseConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, DATABASE_URL: `sqlite:${join(dir, "bot.sqlite")}` });
  const database = createDb(config.databaseUrl);
  try {
    await migrateToLatest(database.kysely);
    const counter = new StatementCounter();
    counter.attach(database.sqlite!);
    const bot = await middlewareBot(fake.token, config, database.kysely);

    let updateId = 0;
    const stateBytes = async (chatId: number) =>
      (
        await database.kysely
          .selectFrom("conversation_state")
          .select((eb) => eb.fn<number>("length", ["state"]).as("bytes"))
          .where("key", "=", `scene:${chatId}`)
          .executeTakeFirst()
      )?.bytes ?? 0;
    const step = async (persona: Persona, act: (p: Persona) => Promise<TgMessage>): Promise<Sample> => {
      // What the persona sent is also queued for getUpdates, which nobody polls here.
      const update = { update_id: ++updateId, message: await act(persona) } as unknown as Update;
      const statementsBefore = counter.count;
      const cpu = process.cpuUsage();
      const wall = performance.now();
      await bot.handleUpdate(update);
      const wallMs = performance.now() - wall;
      const { user, system } = process.cpuUsage(cpu);
      const statements = counter.count - statementsBefore;
      return { wallMs, cpuMs: (user + system) / 1000, statements, stateBytes: await stateBytes(persona.id) };
    };

    const byAnswer: Sample[][] = Array.from({ length: opts.wrongAnswers }, () => []);
    // The first run only warms up (JIT, statement caches), as hours of service would.
    for (let run = 0; run <= opts.runs; run++) {
      const persona = fake.persona({ firstName: `Bench${run}`, languageCode: "en" });
      await step(persona, (p) => p.command("helper"));
      for (let i = 0; i < opts.wrongAnswers; i++) {
        const sample = await step(persona, (p) => p.sendSticker());
        if (run > 0) byAnswer[i]!.push(sample);
      }
      const hints = persona.inbox.filter((m) => m.text.startsWith("Please send text.")).length;
      if (hints !== opts.wrongAnswers) throw new Error(`expected ${opts.wrongAnswers} hints, the persona got ${hints}`);
    }
    return { byAnswer, runs: opts.runs };
  } finally {
    await database.destroy();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// The median: one garbage collection landing on a sample would otherwise move a mean of ten.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One table row per measured wrong answer, over the runs. */
export function sceneRow(result: SceneBenchResult, answer: number) {
  const samples = result.byAnswer[answer - 1]!;
  return {
    "wrong answer": answer,
    runs: samples.length,
    "p50 wall ms": median(samples.map((s) => s.wallMs)).toFixed(2),
    "p50 CPU ms": median(samples.map((s) => s.cpuMs)).toFixed(2),
    "SQL statements": median(samples.map((s) => s.statements)).toFixed(0),
    "state bytes": median(samples.map((s) => s.stateBytes)).toFixed(0),
  };
}
