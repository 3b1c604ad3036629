import { afterEach, describe, expect, it } from "vitest";
import { enqueueMessages } from "../../db/repositories/outbox.js";
import { OutboxPriority } from "../../db/schema.js";
import { TELEGRAM_LIMITS } from "../../src/outbox/rate-limiter.js";
import { startBot, type RunningBot } from "../support/bot.js";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram/index.js";

describe("outbox", () => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
  });

  async function enqueue(chatId: number, texts: { text: string; priority: number }[]) {
    await enqueueMessages(
      bot.db.kysely,
      bot.clock.now(),
      texts.map((t) => ({ chatId, priority: t.priority as 0, method: "sendMessage", params: { text: t.text } })),
    );
    bot.app.deps.outbox.wake();
  }

  it("sends the most urgent first and keeps within Telegram's per-chat limit", async () => {
    fake = await startFakeTelegram();
    bot = await startBot(fake, { outboxLimits: TELEGRAM_LIMITS });
    const ann = fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
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
    fake = await startFakeTelegram();
    // An outbox that ignores the per-chat limit, so Telegram (the fake) has to push back.
    bot = await startBot(fake, { outboxLimits: { ...TELEGRAM_LIMITS, perChatPerSecond: 100, perChatBurst: 100 } });
    const ann = fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
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
});
