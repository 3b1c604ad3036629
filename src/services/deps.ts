import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { UpdateScope } from "../../db/update-scope.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Translator } from "../ui/translator.js";

/** What every use case needs: state, time, words, and a nudge for the outbox sender and the timers. */
export interface ServiceDeps {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  i18n: Translator;
  outbox: { wake(): void };
  /** Nudges the deadline runner after a new deadline was scheduled. */
  deadlines: { wake(): void };
  /** Aliases and meeting codes are drawn from it (tests and transcripts seed it). */
  random: () => number;
  /** The inbox's update being handled, in the deps the bot gives that update's handlers. */
  update?: UpdateScope;
}
