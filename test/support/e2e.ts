import { startFakeTelegram, type FakeTelegram } from "./fake-telegram/index.js";
import { startBot, type BotOptions, type RunningBot } from "./bot.js";
import type { TestClock } from "./clock.js";
import { TELEGRAM_LIMITS } from "../../src/outbox/rate-limiter.js";

export interface World {
  fake: FakeTelegram;
  bot: RunningBot;
  /** Waits for the bot to go quiet, checks that Telegram's rules held, and shuts everything down. */
  close(): Promise<void>;
}

/**
 * Personas type at machine speed: a handful of them produce more replies per second than a
 * city of humans. Interactive stories therefore allow a faster pace; the stories about
 * fan-out (test/e2e/fanout.test.ts) keep Telegram's real limits, and the outbox keeps its
 * global limit everywhere.
 */
export const HUMAN_PACE_LIMITS = { perChatPerSecond: 30, perChatBurst: 30, globalPerSecond: 200, globalBurst: 200 };

/** A strict fake Telegram and the real bot, in-process, on a fresh SQLite database. */
export async function openWorld(opts: BotOptions & { clock?: TestClock } = {}): Promise<World> {
  const fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
  // The outbox keeps Telegram's global limit; per chat it may go at the same pace as personas.
  const bot = await startBot(fake, { ...opts, outboxLimits: { ...TELEGRAM_LIMITS, perChatPerSecond: 20, perChatBurst: 20 } });
  return {
    fake,
    bot,
    async close() {
      try {
        await fake.settle();
        fake.assertNoViolations();
      } finally {
        await bot.stop();
        await fake.close();
      }
    },
  };
}
