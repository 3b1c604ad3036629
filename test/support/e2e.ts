import { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from "./fake-telegram/index.js";
import { startBot, type BotOptions, type RunningBot } from "./bot.js";
import type { TestClock } from "./clock.js";
import { TELEGRAM_LIMITS } from "../../src/outbox/rate-limiter.js";

export interface World {
  fake: FakeTelegram;
  bot: RunningBot;
  /** Waits until every update is handled, the outbox has nothing due and Telegram saw no call for a moment. */
  settle(): Promise<void>;
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
export async function openWorld(
  opts: BotOptions & {
    clock?: TestClock;
    /** Aliases and fuzzing drawn from it (transcripts want the same ones every run). */
    random?: () => number;
    /** Telegram's flood limits; a story of hundreds of messages in one chat lifts them (`false`). */
    limits?: FakeTelegramOptions["limits"];
  } = {},
): Promise<World> {
  const { limits = HUMAN_PACE_LIMITS, ...botOptions } = opts;
  const fake = await startFakeTelegram({ limits });
  // The outbox keeps Telegram's global limit; per chat it may go at the same pace as personas.
  const bot = await startBot(fake, { ...botOptions, outboxLimits: { ...TELEGRAM_LIMITS, perChatPerSecond: 20, perChatBurst: 20 } });
  const world: World = {
    fake,
    bot,
    async settle() {
      // Telegram's quiet alone does not mean the bot is done: it works through its inbox, and
      // timers fill the outbox without any update.
      await fake.settle({ timeoutMs: 60_000 });
      await world.bot.app.inboxIdle();
      await world.bot.app.outboxIdle();
      await fake.settle();
    },
    async close() {
      try {
        await world.settle();
        fake.assertNoViolations();
      } finally {
        await world.bot.stop();
        await fake.close();
      }
    },
  };
  return world;
}
