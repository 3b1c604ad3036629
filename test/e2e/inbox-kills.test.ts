import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/create-db.js";
import { startBotProcess, type BotProcess } from "../support/bot.js";
import { tempSqliteUrl } from "../support/databases.js";
import { HUMAN_PACE_LIMITS } from "../support/e2e.js";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";
import { mulberry32 } from "../support/random.js";
import { askUpToFee, SEOUL, type Waiter } from "../support/stories.js";

// A kill lands between a press and its answer: the user sees a spinner, the update runs again
// after the restart, answers a query Telegram already saw answered and edits a message into what
// it already shows. Nothing else is allowed.
const KILL_EFFECTS = new Set([
  "callback query answered twice",
  "callback query answered too late",
  "callback query not answered",
  "message not modified",
]);
const WAIT = { timeoutMs: 30_000 };

const within30s: Waiter = (persona, text) => persona.waitFor(text, WAIT);

function onlyKillEffects(fake: FakeTelegram): void {
  const others = fake.takeViolations().filter((v) => !KILL_EFFECTS.has(v.rule));
  expect(others.map((v) => `${v.rule}: ${v.method} ${v.description}`)).toEqual([]);
}

/** The "ask" scene up to its fee question, each step waited for as the story says. */
const askUpTo = (persona: Persona, description: string, waitFor: Waiter = within30s) =>
  askUpToFee(persona, { at: SEOUL, description, waitFor });

describe("the durable inbox, with the bot killed as `kill -9` would", () => {
  let fake: FakeTelegram;
  const processes: BotProcess[] = [];
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill("SIGKILL");
    await fake?.close();
  });

  async function start(databaseUrl: string): Promise<BotProcess> {
    const bot = await startBotProcess(fake, { databaseUrl, env: { MAX_OPEN_REQUESTS_PER_USER: "10000" } });
    processes.push(bot);
    return bot;
  }

  async function requestsBy(databaseUrl: string): Promise<{ requester_id: number; description: string }[]> {
    const db = createDb(databaseUrl);
    try {
      return await db.kysely.selectFrom("requests").select(["requester_id", "description"]).orderBy("id").execute();
    } finally {
      await db.destroy();
    }
  }

  it("killed while the confirmation card is on its way: after the restart the scene has caught up and Post works", async () => {
    fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
    const databaseUrl = tempSqliteUrl();
    const first = await start(databaseUrl);
    const rita = fake.persona({ firstName: "Rita", languageCode: "en" });
    await askUpTo(rita, "Hang a heavy mirror");

    // Telegram applies the send (Rita sees the card) but the bot dies before it hears back.
    const held = fake.holdResponse("sendMessage", (p) => String(p.text).includes("Check your request"));
    await rita.press("No fee");
    await held.arrived;
    await rita.waitFor("Check your request", WAIT);
    expect(await first.kill("SIGKILL")).toBeNull();
    held.release();

    await start(databaseUrl);
    await rita.press("📣 Post");
    await rita.waitFor("Posted", WAIT);
    await fake.settle({ timeoutMs: 20_000 });
    expect(await requestsBy(databaseUrl)).toEqual([{ requester_id: rita.id, description: "Hang a heavy mirror" }]);
    onlyKillEffects(fake);
  }, 90_000);

  it("50 kills at random moments while three people post requests: every post is there exactly once", async () => {
    fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
    const databaseUrl = tempSqliteUrl();
    let bot = await start(databaseUrl);
    const random = mulberry32(7);
    const people = ["Rita", "Sam", "Minji"].map((firstName) => fake.persona({ firstName, languageCode: "en" }));
    let killing = true;
    let killsEndedAt = Infinity;
    const posted = new Map<number, string[]>(people.map((p) => [p.id, []]));
    // While the bot dies every second or two a step may make no progress in one life: a reply waits
    // its turn under Telegram's per-chat pace, and the kill may come first. What must hold is that
    // every step lands within 30 s once the killing has stopped.
    const throughKills: Waiter = async (persona, text) => {
      for (;;) {
        try {
          return await persona.waitFor(text, WAIT);
        } catch (error) {
          if (!killing && Date.now() - killsEndedAt >= WAIT.timeoutMs) throw error;
        }
      }
    };

    const story = async (persona: Persona) => {
      for (let round = 0; killing || round < 2; round++) {
        const description = `Job ${round} for ${persona.firstName}`;
        await askUpTo(persona, description, throughKills);
        await persona.press("No fee");
        await throughKills(persona, "Check your request");
        await persona.press("📣 Post");
        await throughKills(persona, "Posted");
        posted.get(persona.id)!.push(description);
      }
    };
    const killer = async () => {
      for (let kill = 0; kill < 50; kill++) {
        // Each life is long enough for a reply at Telegram's per-chat pace (the bot waits its turn);
        // a kill still lands in the middle of whatever is being handled.
        await new Promise((resolve) => setTimeout(resolve, 1000 + random() * 1000));
        await bot.kill("SIGKILL");
        bot = await start(databaseUrl);
      }
      killing = false;
      killsEndedAt = Date.now();
    };
    await Promise.all([killer(), ...people.map(story)]);
    await fake.settle({ timeoutMs: 30_000 });

    const stored = await requestsBy(databaseUrl);
    for (const person of people) {
      const theirs = stored.filter((r) => r.requester_id === person.id).map((r) => r.description);
      expect(theirs).toEqual(posted.get(person.id));
    }
    // Every update Telegram handed out was handled, none is left waiting.
    const db = createDb(databaseUrl);
    const pending = await db.kysely.selectFrom("inbox").select("update_id").where("status", "!=", "handled").execute();
    await db.destroy();
    expect(pending).toEqual([]);
    onlyKillEffects(fake);
  }, 900_000);
});
