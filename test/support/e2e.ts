import { startFakeTelegram, type FakeTelegram } from "./fake-telegram/index.js";
import { startBot, type BotOptions, type RunningBot } from "./bot.js";
import type { TestClock } from "./clock.js";

export interface World {
  fake: FakeTelegram;
  bot: RunningBot;
  /** Waits for the bot to go quiet, checks that Telegram's rules held, and shuts everything down. */
  close(): Promise<void>;
}

/**
 * Personas type at machine speed, far beyond any human; within one chat they are allowed a
 * human's pace of a few messages a second. Telegram's global limit stays as it is.
 */
export const HUMAN_PACE_LIMITS = { perChatPerSecond: 30, perChatBurst: 30 };

/** A strict fake Telegram and the real bot, in-process, on a fresh SQLite database. */
export async function openWorld(opts: BotOptions & { clock?: TestClock } = {}): Promise<World> {
  const fake = await startFakeTelegram({ limits: HUMAN_PACE_LIMITS });
  const bot = await startBot(fake, opts);
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
