import { afterEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../support/bot.js";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram/index.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

/**
 * Fan-out under Telegram's real limits: the fake enforces ~30 msg/s globally and ~1 msg/s per
 * chat, and the bot runs with its production outbox limits.
 */
describe("fan-out to 300 helpers under Telegram's real rate limits", () => {
  let fake: FakeTelegram;
  let bot: RunningBot;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it("notifies all 300 in one configured wave with zero 429s", { timeout: 120_000 }, async () => {
    fake = await startFakeTelegram();
    bot = await startBot(fake, { env: { FANOUT_WAVE_SIZE: "300" } });
    const helpers: Persona[] = [];
    for (let i = 0; i < 300; i++) helpers.push(fake.persona({ firstName: `H${i}`, languageCode: i % 2 ? "ko" : "en" }));
    // Each helper says hello once (so Telegram lets the bot write to them), spread out so the
    // greetings themselves stay within the limits too.
    for (let batch = 0; batch < helpers.length; batch += 20) {
      const group = helpers.slice(batch, batch + 20);
      await Promise.all(group.map((h) => h.command("start")));
      await Promise.all(group.map((h) => h.next({ timeoutMs: 10_000 })));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    for (const [i, helper] of helpers.entries()) {
      await seedApprovedHelper(bot.db.kysely, helper, northOf(SEOUL, 0.005 * (i + 1)), 3, bot.clock.now());
    }
    await fake.settle({ timeoutMs: 30_000 });

    const rita = fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL, paceMs: 2_000 });
    expect(posted.text).toContain("300 helpers nearby were told");
    await bot.app.outboxIdle();
    await fake.settle({ timeoutMs: 60_000 });

    const notified = helpers.filter((h) => h.inbox.some((m) => m.text.includes("Please help me hang")));
    expect(notified).toHaveLength(300);
    expect(fake.violations.filter((v) => v.rule.includes("rate")).map((v) => JSON.stringify(v).slice(0, 300))).toEqual([]);
    fake.assertNoViolations();
  });
});
