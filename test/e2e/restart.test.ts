import { execFileSync } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/create-db.js";
import { loadDraft } from "../../db/repositories/helper-drafts.js";
import { findUser } from "../../db/repositories/users.js";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram/index.js";
import { startBotProcess, type BotProcess } from "../support/bot.js";
import { tempSqliteUrl } from "../support/databases.js";
import { HUMAN_PACE_LIMITS } from "../support/e2e.js";

describe("the bot as `npm start` runs it, as a separate process", () => {
  let fake: FakeTelegram;
  const processes: BotProcess[] = [];
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill("SIGKILL");
    await fake?.close();
  });

  it("npm start without a token explains how to get one and exits with code 2", async () => {
    fake = await startFakeTelegram();
    const bot = await startBotProcess(fake, { command: "npm", waitForReady: false, env: { BOT_TOKEN: "" } });
    processes.push(bot);
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toContain("@BotFather");
    expect(bot.output()).toContain("BOT_TOKEN=");
    expect(bot.output()).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
  });

  it("npm start with an unreachable Bot API says so within seconds and exits", async () => {
    fake = await startFakeTelegram();
    // A port that was just free: nothing listens there, so every connection is refused.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const bot = await startBotProcess(fake, { waitForReady: false, env: { BOT_API_ROOT: `http://127.0.0.1:${closed}` } });
    processes.push(bot);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(`cannot reach the Telegram Bot API at http://127.0.0.1:${closed}`);
    expect(bot.output()).toContain("BOT_API_ROOT");
  });

  it("npm start answers /start for an English and a Korean user, each in their language", async () => {
    fake = await startFakeTelegram();
    const bot = await startBotProcess(fake, { command: "npm" });
    processes.push(bot);
    // Production runs the compiled output in one node process: no tsx, no loader child.
    const group = execFileSync("ps", ["-o", "args=", "-g", String(bot.process.pid)], { encoding: "utf8" });
    const nodes = group.split("\n").filter((args) => /^\S*node /.test(args));
    expect(nodes).toEqual(["node --max-semi-space-size=4 dist/app/start.cjs"]);
    expect(group).not.toContain("tsx");
    const ann = fake.persona({ firstName: "Ann", languageCode: "en" });
    const minji = fake.persona({ firstName: "민지", languageCode: "ko" });
    await Promise.all([ann.command("start"), minji.command("start")]);
    await ann.waitFor("I am doum", { timeoutMs: 15_000 });
    await minji.waitFor("이웃끼리 손을 빌려주는 봇", { timeoutMs: 15_000 });
    await fake.settle();
    fake.assertNoViolations();
    // As on Ctrl-C: the bot finishes what it was doing and says so.
    await bot.kill("SIGINT");
    expect(bot.output()).toContain("doum stopped");
  });

  it("a scene interrupted by kill -9 continues at the same step after a restart", async () => {
    fake = await startFakeTelegram();
    const databaseUrl = tempSqliteUrl();
    const first = await startBotProcess(fake, { databaseUrl });
    processes.push(first);
    const ann = fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("language");
    const prompt = await ann.waitFor("Choose your language", { timeoutMs: 15_000 });
    await fake.settle();
    expect(await first.kill("SIGKILL")).toBeNull();

    // While the bot is down the user answers; the update waits at Telegram.
    const query = await ann.press("한국어");
    const second = await startBotProcess(fake, { databaseUrl });
    processes.push(second);
    await ann.waitForCallbackAnswer(query, { timeoutMs: 15_000 });
    await ann.waitForEdit(prompt.message_id, "이제부터 한국어로", { timeoutMs: 15_000 });
    await fake.settle();
    fake.assertNoViolations();

    const db = createDb(databaseUrl);
    expect((await findUser(db.kysely, ann.id))?.language).toBe("ko");
    await db.destroy();
    // A graceful stop: SIGTERM lets in-flight updates finish and exits 0.
    expect(await second.kill("SIGTERM")).toBe(0);
  });

  it("a helper registration killed at step 3 resumes at step 3, with the earlier answers kept", async () => {
    fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
    const databaseUrl = tempSqliteUrl();
    const first = await startBotProcess(fake, { databaseUrl });
    processes.push(first);
    const ann = fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7", { timeoutMs: 15_000 });
    await ann.send("Restart Ann");
    await ann.waitFor("2/7");
    await ann.press("Car");
    await ann.press("✔️ Done");
    await ann.waitFor("Anything else");
    await ann.press("Skip");
    await ann.waitFor("3/7");
    await fake.settle();
    await first.kill("SIGKILL");

    const second = await startBotProcess(fake, { databaseUrl });
    processes.push(second);
    await ann.send("I can jump-start cars.");
    await ann.waitFor("4/7", { timeoutMs: 15_000 });
    await ann.press("Skip");
    await ann.waitFor("5/7");
    await ann.press("✔️ Done");
    await ann.waitFor("experience");
    await ann.press("Skip");
    await ann.waitFor("6/7");
    await ann.sendLocation(37.5, 127);
    await ann.waitFor("7/7");
    await ann.press("1 km");
    const review = await ann.waitFor("Check your application");
    expect(review.text).toContain("Alias: Restart Ann");
    expect(review.text).toContain("Helps with: Car");
    expect(review.text).toContain("Profile: I can jump-start cars.");
    await fake.settle();
    fake.assertNoViolations();
  });

  it("categories toggled before kill -9 are still the choice after the restart", async () => {
    fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
    const databaseUrl = tempSqliteUrl();
    const first = await startBotProcess(fake, { databaseUrl });
    processes.push(first);
    const ann = fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7", { timeoutMs: 15_000 });
    await ann.send("Toggle Ann");
    const question = await ann.waitFor("2/7");
    await ann.press("Car");
    await ann.press("Pets");
    await ann.press(/^(✅ )?Car$/);
    await ann.waitForEdit(question.message_id, (m) => {
      const labels = JSON.stringify(m.reply_markup);
      return labels.includes("✅ Pets") && !labels.includes("✅ Car");
    });
    await fake.settle();
    await first.kill("SIGKILL");

    const second = await startBotProcess(fake, { databaseUrl });
    processes.push(second);
    await ann.press("✔️ Done");
    await ann.waitFor("Anything else", { timeoutMs: 15_000 });
    await ann.press("Skip");
    await ann.waitFor("3/7");
    await fake.settle();
    fake.assertNoViolations();
    const db = createDb(databaseUrl);
    expect((await loadDraft(db.kysely, ann.id))?.categories).toEqual(["pets"]);
    await db.destroy();
  });
});
