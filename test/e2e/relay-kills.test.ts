import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/create-db.js";
import { startBotProcess, type BotProcess } from "../support/bot.js";
import { tempSqliteUrl } from "../support/databases.js";
import { HUMAN_PACE_LIMITS } from "../support/e2e.js";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";
import { pollUntil } from "../support/fake-telegram/waiting.js";
import { mulberry32 } from "../support/random.js";
import { expectNoIdentityLeak } from "../support/identity.js";

// What a kill may leave behind, as in inbox-kills.test.ts: nothing a user of the chat would see.
const KILL_EFFECTS = new Set(["rate limit"]);
const WAIT = { timeoutMs: 30_000 };
const MESSAGES = 30;

describe("the relay chat, with the bot killed as `kill -9` would while both sides write", () => {
  let fake: FakeTelegram;
  const processes: BotProcess[] = [];
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill("SIGKILL");
    await fake?.close();
  });

  async function start(databaseUrl: string): Promise<BotProcess> {
    const bot = await startBotProcess(fake, { databaseUrl });
    processes.push(bot);
    return bot;
  }

  /** Someone who has started the bot, so the bot can write to them. */
  async function started(firstName: string): Promise<Persona> {
    const persona = fake.persona({ firstName, languageCode: "en" });
    await persona.command("start");
    await persona.next(WAIT);
    return persona;
  }

  /** The texts of one sender's copies, as the other side reads them, in order. */
  const copiesOf = (reader: Persona, prefix: string) =>
    reader.inbox.map((m) => m.text).filter((t) => new RegExp(`^${prefix}\\d+$`).test(t));

  it("killed twice while both send: the chat goes on, and every message arrives in order, again only if it was in flight at a kill", async () => {
    fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
    const databaseUrl = tempSqliteUrl();
    let bot = await start(databaseUrl);
    const rita = await started("Rita");
    const sora = await started("Sora");
    // The match itself is proven elsewhere; the chat it opens is the row it writes.
    const db = createDb(databaseUrl);
    await db.kysely
      .insertInto("chats")
      .values({ request_id: 1, requester_id: rita.id, helper_id: sora.id, status: "open", meeting_code: "0421", opened_at: Date.now() })
      .execute();
    await db.destroy();

    const random = mulberry32(11);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20 + random() * 60));
    const writes = async (persona: Persona, prefix: string) => {
      for (let i = 1; i <= MESSAGES; i++) {
        await persona.send(`${prefix}${i}`);
        await pause();
      }
    };
    const sentAtKills: number[] = [];
    const killer = async () => {
      for (let kill = 0; kill < 2; kill++) {
        await new Promise((resolve) => setTimeout(resolve, 300 + random() * 700));
        sentAtKills.push(rita.sent.length + sora.sent.length);
        expect(await bot.kill("SIGKILL")).toBeNull();
        bot = await start(databaseUrl);
      }
    };
    await Promise.all([killer(), writes(rita, "R"), writes(sora, "S")]);
    // The first kill landed while both were writing (the restart takes seconds, so the second may come after).
    expect(sentAtKills[0]).toBeGreaterThan(2);
    expect(sentAtKills[0]).toBeLessThan(2 * MESSAGES + 2);

    const expected = (prefix: string) => Array.from({ length: MESSAGES }, (_, i) => `${prefix}${i + 1}`);
    for (const [reader, prefix] of [
      [sora, "R"],
      [rita, "S"],
    ] as const) {
      // Each message at least once: a repeat after a kill must not stand in for one still on its way.
      await pollUntil(
        () => (new Set(copiesOf(reader, prefix)).size >= MESSAGES ? true : undefined),
        WAIT.timeoutMs,
        () => `${reader.firstName} has ${copiesOf(reader, prefix).length} of ${MESSAGES} copies: ${copiesOf(reader, prefix).join(" ")}`,
      );
    }
    await fake.settle({ timeoutMs: 20_000 });
    // Every message arrives, in order. A copy Telegram accepted just before a kill, before the
    // outbox could record it, is sent again after the restart (at least once to Telegram, decision
    // 22): so a repeat may only follow its own first copy at once, at most one per kill.
    for (const [reader, prefix] of [
      [sora, "R"],
      [rita, "S"],
    ] as const) {
      const copies = copiesOf(reader, prefix);
      const once = copies.filter((text, i) => text !== copies[i - 1]);
      expect(once).toEqual(expected(prefix));
      expect(copies.length - once.length, `${prefix} copies sent again`).toBeLessThanOrEqual(sentAtKills.length);
    }
    // The chat goes on after the restarts.
    await rita.send("Still there?");
    await sora.waitFor("Still there?", WAIT);
    await fake.settle({ timeoutMs: 20_000 });
    expectNoIdentityLeak({ fake }, rita, sora);
    const others = fake.takeViolations().filter((v) => !KILL_EFFECTS.has(v.rule));
    expect(others.map((v) => `${v.rule}: ${v.method} ${v.description}`)).toEqual([]);
  }, 120_000);
});
