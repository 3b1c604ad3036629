import { afterEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../support/bot.js";
import { matchInChat, nearbyHelper } from "../support/chats.js";
import type { World } from "../support/e2e.js";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

/** Each is sent a notice and its map pin: 600 messages. */
const HELPERS = 300;
const RELAYED = 16;

/**
 * Replies and the outbox share Telegram's budget (the fake enforces ~30 msg/s and ~1 msg/s per
 * chat; the bot runs with its production limits): a big fan-out goes at nearly the whole rate,
 * and a matched pair chatting meanwhile is not kept waiting behind it.
 */
describe("one send budget for replies and the outbox", () => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it(
    `a ${2 * HELPERS}-message fan-out runs at ≥ 28 msg/s with no 429, and relayed messages meanwhile arrive within 100 ms`,
    { timeout: 180_000 },
    async () => {
      fake = await startFakeTelegram();
      bot = await startBot(fake, { env: { FANOUT_WAVE_SIZE: String(HELPERS + 1) } });
      const world = { fake, bot } as World;
      // The pair in a chat, matched the way users are: no pauses, the shared limiter paces the replies.
      const rita = fake.persona({ firstName: "Rita", languageCode: "en" });
      await rita.command("start");
      await rita.next();
      const sora = fake.persona({ firstName: "Sora", languageCode: "en" });
      await sora.command("start");
      await sora.next();
      await nearbyHelper(world, sora);
      await matchInChat(rita, sora, {
        description: "Please help me hang a heavy mirror.",
        eta: "10 min",
        requesterBanner: "Your chat with",
        helperBanner: "Your chat with",
      });

      // Helpers who started the bot on an earlier day, all near the next request.
      const helpers: Persona[] = [];
      for (let i = 0; i < HELPERS; i++) {
        const helper = fake.persona({ firstName: `H${i}`, languageCode: "en" });
        helper.started = true;
        await seedUser(bot.db.kysely, { id: helper.id, alias: `Helper${i}`, now: bot.clock.now() });
        await seedHelperRow(bot.db.kysely, { userId: helper.id, at: northOf(SEOUL, 0.002 * (i + 1)), radiusKm: 3, now: bot.clock.now() });
        helpers.push(helper);
      }
      await fake.settle({ timeoutMs: 30_000 });

      const minho = fake.persona({ firstName: "Minho", languageCode: "en" });
      await minho.command("start");
      await minho.next();
      const posted = await askForHelp(minho, { at: SEOUL, description: "Please carry a sofa upstairs." });
      // Sora, a helper too, is told as well.
      expect(posted.text).toContain(`${HELPERS + 1} helpers nearby were told`);

      // Sora writes to Rita while the notices go out, at a human pace (Telegram allows ~1 msg/s per chat).
      const sentAt = new Map<number, number>();
      for (let i = 0; i < RELAYED; i++) {
        const message = await sora.send(`On my way ${i}`);
        sentAt.set(message.message_id, Date.now());
        await new Promise((resolve) => setTimeout(resolve, 1_100));
      }
      await bot.app.outboxIdle();
      await fake.settle({ timeoutMs: 60_000 });

      const notified = helpers.filter((h) => h.inbox.some((m) => m.text.includes("Please carry a sofa upstairs.")));
      expect(notified).toHaveLength(HELPERS);
      const helperIds = new Set(helpers.map((h) => h.id));
      const notices = [...fake.callsTo("sendMessage"), ...fake.callsTo("sendLocation")]
        .filter((c) => helperIds.has(c.params.chat_id as number) && c.response?.ok)
        .sort((a, b) => a.at - b.at);
      expect(notices).toHaveLength(2 * HELPERS);
      const seconds = (notices.at(-1)!.at - notices[0]!.at) / 1000;
      const rate = (notices.length - 1) / seconds;
      expect(rate, `${rate.toFixed(1)} msg/s`).toBeGreaterThanOrEqual(28);

      // Each relayed copy reached Telegram within 100 ms of Sora sending it, fan-out or not.
      const copies = fake
        .callsTo("copyMessage")
        .filter((c) => c.params.from_chat_id === sora.id && sentAt.has(c.params.message_id as number));
      expect(copies).toHaveLength(RELAYED);
      const waits = copies.map((c) => c.at - sentAt.get(c.params.message_id as number)!).sort((a, b) => a - b);
      expect(waits.at(-1), `waits ${waits.join(", ")} ms`).toBeLessThanOrEqual(100);
      expect(rita.inbox.filter((m) => m.text.startsWith("On my way "))).toHaveLength(RELAYED);

      expect(fake.violations.filter((v) => v.rule.includes("rate"))).toEqual([]);
      fake.assertNoViolations();
    },
  );
});
