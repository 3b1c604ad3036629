import { afterEach, describe, expect, it } from "vitest";
import { enqueueMessages } from "../../db/repositories/outbox.js";
import { OutboxPriority } from "../../db/schema.js";
import { type RateLimits, TELEGRAM_LIMITS } from "../../src/outbox/rate-limiter.js";
import { startBot, type RunningBot } from "../support/bot.js";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";

describe("outbox", () => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
  });

  async function enqueue(chatId: number, texts: { text: string; priority: number; holdMs?: number }[]) {
    await enqueueMessages(
      bot.db.kysely,
      bot.clock.now(),
      texts.map((t) => ({ chatId, priority: t.priority as 0, method: "sendMessage", params: { text: t.text }, holdMs: t.holdMs })),
    );
    bot.app.deps.outbox.wake();
  }

  const textsOf = (persona: Persona, prefix: string) => persona.inbox.filter((m) => m.text.startsWith(prefix)).map((m) => m.text);

  /** The bot with an outbox under `limits`, and people who started it. */
  async function startWith(limits: RateLimits, ...names: string[]): Promise<Persona[]> {
    fake = await startFakeTelegram();
    bot = await startBot(fake, { outboxLimits: limits });
    const people = names.map((firstName) => fake.persona({ firstName, languageCode: "en" }));
    for (const persona of people) {
      await persona.command("start");
      await persona.waitFor("I am doum");
    }
    return people;
  }

  it("sends the most urgent first and keeps within Telegram's per-chat limit", async () => {
    const [ann] = (await startWith(TELEGRAM_LIMITS, "Ann")) as [Persona];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await enqueue(ann.id, [
      ...Array.from({ length: 5 }, (_, i) => ({ text: `news ${i}`, priority: OutboxPriority.broadcast })),
      { text: "your helper wrote", priority: OutboxPriority.relay },
      { text: "you were chosen", priority: OutboxPriority.notice },
    ]);
    await ann.waitFor("news 4", { timeoutMs: 15_000 });
    const order = ann.inbox.slice(1).map((m) => m.text);
    expect(order.slice(0, 2)).toEqual(["your helper wrote", "you were chosen"]);
    expect(order).toHaveLength(7);
    fake.assertNoViolations();
  });

  it("waits out a 429 as told by retry_after and delivers everything once", async () => {
    // An outbox that ignores the per-chat limit, so Telegram (the fake) has to push back.
    const [ann] = (await startWith({ ...TELEGRAM_LIMITS, perChatPerSecond: 100, perChatBurst: 100 }, "Ann")) as [Persona];
    await enqueue(
      ann.id,
      Array.from({ length: 10 }, (_, i) => ({ text: `message ${i}`, priority: OutboxPriority.notice })),
    );
    await bot.app.outboxIdle();
    await expect.poll(() => ann.inbox.filter((m) => m.text.startsWith("message ")).length, { timeout: 20_000 }).toBe(10);
    const texts = ann.inbox.filter((m) => m.text.startsWith("message ")).map((m) => m.text);
    expect(new Set(texts).size).toBe(10);
    const pushedBack = fake.takeViolations();
    expect(pushedBack.length).toBeGreaterThan(0);
    expect(pushedBack.every((v) => v.rule === "rate limit")).toBe(true);
    // The last send's result is recorded just after Telegram answered it.
    const statuses = async () => (await bot.db.kysely.selectFrom("outbox").select("status").execute()).map((r) => r.status);
    await expect.poll(statuses, { timeout: 10_000 }).toEqual(Array.from({ length: 10 }, () => "sent"));
  });

  it("sends a message again after a cut connection in its place: what followed it in that chat waits", async () => {
    const [ann] = (await startWith(TELEGRAM_LIMITS, "Ann")) as [Persona];
    const cut = fake.cutRequest("sendMessage", (p) => p.text === "pin 1");
    await enqueue(ann.id, [
      { text: "pin 1", priority: OutboxPriority.fanout },
      { text: "card 1", priority: OutboxPriority.fanout },
      { text: "pin 2", priority: OutboxPriority.fanout },
      { text: "card 2", priority: OutboxPriority.fanout },
    ]);
    await cut;
    await ann.waitFor("card 2", { timeoutMs: 15_000 });
    expect(ann.inbox.slice(1).map((m) => m.text)).toEqual(["pin 1", "card 1", "pin 2", "card 2"]);
    await expect
      .poll(async () => (await bot.db.kysely.selectFrom("outbox").select("attempts").orderBy("id").execute()).map((r) => r.attempts))
      .toEqual([1, 0, 0, 0]);
  });

  it("holds back a chat's messages behind one not due yet, and only that chat's", async () => {
    const [ann, bo] = (await startWith(TELEGRAM_LIMITS, "Ann", "Bo")) as [Persona, Persona];
    await enqueue(ann.id, [
      { text: "album for Ann", priority: OutboxPriority.relay, holdMs: 600_000 },
      { text: "after the album", priority: OutboxPriority.relay },
    ]);
    await enqueue(bo.id, [{ text: "for Bo", priority: OutboxPriority.relay }]);
    await bo.waitFor("for Bo");
    await bot.app.outboxIdle();
    expect(textsOf(ann, "a")).toEqual([]);
    // The held message comes due: both go, in their order.
    await bot.db.kysely.updateTable("outbox").set({ next_attempt_at: 0 }).where("status", "=", "pending").execute();
    bot.app.deps.outbox.wake();
    await ann.waitFor("after the album");
    expect(textsOf(ann, "a")).toEqual(["album for Ann", "after the album"]);
  });
});
