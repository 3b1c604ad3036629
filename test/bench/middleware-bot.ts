import type { Kysely } from "kysely";
import type { Transformer } from "grammy";
import { pino } from "pino";
import type { Database } from "../../db/schema.js";
import { createBot } from "../../src/bot/create-bot.js";
import type { BotContext, BotDeps, SceneContext } from "../../src/bot/context.js";
import { createI18n, type I18n } from "../../src/bot/i18n.js";
import type { Config } from "../../src/config.js";

/** What the bot's handlers are given, with nothing running behind the outbox and the timers. */
export function benchDeps(config: Config, db: Kysely<Database>): { deps: BotDeps; i18n: I18n<BotContext> } {
  const i18n = createI18n<BotContext>({ db });
  const deps: BotDeps = {
    config,
    db,
    logger: pino({ level: "silent" }),
    clock: { now: () => Date.now() },
    i18n,
    random: Math.random,
    outbox: { wake: () => {} },
    deadlines: { wake: () => {} },
  };
  return { deps, i18n };
}

/**
 * The real bot's middleware over a database, without the inbox, the outbox sender or the
 * deadline runner: what the benches drive update by update with `handleUpdate`. `answer`, if given,
 * answers its Bot API calls (scenes included) instead of HTTP.
 */
export async function middlewareBot(token: string, config: Config, db: Kysely<Database>, answer?: Transformer) {
  const { deps, i18n } = benchDeps(config, db);
  const bot = createBot(token, deps, i18n, createI18n<SceneContext>({ db }), answer ? { answer } : {});
  await bot.init();
  return bot;
}
