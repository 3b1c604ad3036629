import type { Kysely } from "kysely";
import { pino } from "pino";
import type { Database } from "../../db/schema.js";
import { createI18n } from "../../src/bot/i18n.js";
import { parseConfig } from "../../src/config.js";
import type { ServiceDeps } from "../../src/services/deps.js";
import { TestClock } from "./clock.js";

/** What the app hands its use cases, for tests that call services without a bot. */
export function serviceDeps(db: Kysely<Database>, env: Record<string, string> = {}): ServiceDeps & { clock: TestClock } {
  return {
    config: parseConfig(env),
    db,
    clock: new TestClock(),
    logger: pino({ level: "silent" }),
    i18n: createI18n({ db }),
    outbox: { wake() {} },
    deadlines: { wake() {} },
    random: Math.random,
  };
}
