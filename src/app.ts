import { run, type RunnerHandle } from "@grammyjs/runner";
import { createDb } from "../db/create-db.js";
import { migrateToLatest } from "../db/migrate.js";
import { createBot } from "./bot/create-bot.js";
import { publishDefaultCommands } from "./bot/commands.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";

export interface App {
  /** Stops taking updates, lets the ones in progress finish, then closes the database. */
  stop(): Promise<void>;
}

/** Everything `npm start` does after reading the config; tests call it in-process too. */
export async function startApp(opts: { config: Config; token: string; logger: Logger; clock: Clock; random?: () => number }): Promise<App> {
  const { config, token, logger, clock } = opts;
  const database = createDb(config.databaseUrl);
  await migrateToLatest(database.kysely);

  const { bot, i18n } = createBot(token, { config, db: database.kysely, logger, clock, random: opts.random ?? Math.random });
  await bot.init();
  await publishDefaultCommands(bot.api, i18n);

  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member"] } },
  });
  logger.info({ bot: bot.botInfo.username, database: database.dialect }, "doum is ready");

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        if (runner.isRunning()) await runner.stop();
        await database.destroy();
        logger.info("doum stopped");
      })();
      return stopping;
    },
  };
}
