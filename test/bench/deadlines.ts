/**
 * 100,000 deadlines due over a few seconds, a runner process killed with SIGKILL halfway and
 * started again: every deadline must fire exactly once, and how late each fired is measured
 * (those due while no runner was up fire late by the restart, as they would in service).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { sql } from "kysely";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { tempSqliteUrl } from "../support/databases.js";

export interface DeadlineBench {
  scheduled: number;
  fired: number;
  distinct: number;
  latenessP50: number;
  latenessP99: number;
  latenessMax: number;
}

const here = new URL(".", import.meta.url).pathname;

function startWorker(url: string) {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "deadline-worker.ts"), url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("started") && resolve());
    child.once("exit", (code) => reject(new Error(`deadline worker exited with ${code}`)));
  });
  return { child, started, exited: new Promise<void>((resolve) => child.once("exit", () => resolve())) };
}

export async function benchDeadlines(opts: { count: number; spreadMs: number }): Promise<DeadlineBench> {
  const url = tempSqliteUrl();
  const database = createDb(url);
  try {
    await migrateToLatest(database.kysely);
    await sql`create table bench_fired (deadline_id bigint not null, due_at bigint not null, fired_at bigint not null)`.execute(
      database.kysely,
    );
    // Due from a moment after the runner is up, evenly over the spread.
    const first = Date.now() + 3_000;
    const sqlite = database.sqlite!;
    const insert = sqlite.prepare(
      "insert into deadlines (kind, subject_id, due_at, state, created_at) values ('request-expiry', ?, ?, 'pending', ?)",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < opts.count; i++) insert.run(i, first + Math.floor((i * opts.spreadMs) / opts.count), Date.now());
    })();

    const one = startWorker(url);
    await one.started;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, first + opts.spreadMs / 2 - Date.now())));
    one.child.kill("SIGKILL");
    await one.exited;
    const two = startWorker(url);
    await two.started;
    const count = () => Number(sqlite.prepare("select count(*) as n from bench_fired").pluck().get());
    const deadline = Date.now() + opts.spreadMs + 120_000;
    while (count() < opts.count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    // A moment more: a deadline firing twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    two.child.kill("SIGTERM");
    await two.exited;

    const lateness = (sqlite.prepare("select fired_at - due_at from bench_fired order by 1").pluck().all() as number[]).map(Number);
    const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] ?? NaN;
    return {
      scheduled: opts.count,
      fired: lateness.length,
      distinct: Number(sqlite.prepare("select count(distinct deadline_id) from bench_fired").pluck().get()),
      latenessP50: at(0.5),
      latenessP99: at(0.99),
      latenessMax: lateness.at(-1) ?? NaN,
    };
  } finally {
    await database.destroy();
  }
}
