import { ConfigError, loadConfig } from "./config.js";
import { systemClock } from "./clock.js";
import { createLogger } from "./logger.js";
import { startApp } from "./app.js";

const HOW_TO_GET_A_TOKEN = `doum needs a Telegram bot token to run.

  1. In Telegram, open a chat with @BotFather and send /newbot.
  2. Choose a name and a username ending in "bot"; BotFather answers with a token
     like 123456789:AAE…
  3. Put it in a file named .env next to package.json:
       BOT_TOKEN=123456789:AAE…
     (or export BOT_TOKEN in your shell), then run npm start again.

Every other setting has a default; see .env.example and the README.`;

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (!config.botToken) {
    console.error(HOW_TO_GET_A_TOKEN);
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const app = await startApp({ config, token: config.botToken, logger, clock: systemClock });

  return new Promise<number>((resolve) => {
    let stopping = false;
    // Launchers (npm, tsx) may pass the same signal on once more; the second must not kill
    // the process halfway through the graceful stop.
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "stopping");
      app.stop().then(
        () => resolve(0),
        (error: unknown) => {
          logger.error({ err: error }, "unclean stop");
          resolve(1);
        },
      );
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("doum could not start:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
