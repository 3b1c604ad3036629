import { startFakeTelegram, type FakeTelegram } from "./fake-telegram/index.js";
import { startBot, type BotOptions, type RunningBot } from "./bot.js";
import type { TestClock } from "./clock.js";

export interface World {
  fake: FakeTelegram;
  bot: RunningBot;
  /** Waits for the bot to go quiet, checks that Telegram's rules held, and shuts everything down. */
  close(): Promise<void>;
}

/** A strict fake Telegram and the real bot, in-process, on a fresh SQLite database. */
export async function openWorld(opts: BotOptions & { clock?: TestClock } = {}): Promise<World> {
  const fake = await startFakeTelegram();
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
