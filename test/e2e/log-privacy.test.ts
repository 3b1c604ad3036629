import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueMessages } from "../../db/repositories/outbox.js";
import { OutboxPriority } from "../../db/schema.js";
import { openWorld, type World } from "../support/e2e.js";

const FIRST_NAME = "Zebulon";
const LAST_NAME = "Quixmantle";
const USERNAME = "zq_lantern_77";
const PHONE = "+82 10 7351 9264";
const TEXT = "Meet me behind the Pomegranate bakery";
const LATITUDE = 37.123456;
const LONGITUDE = 127.654321;

/** Every form in which the person's data could show up in a log line. */
const PERSONAL = [
  FIRST_NAME,
  LAST_NAME,
  USERNAME,
  PHONE,
  PHONE.replace(/\D/g, ""),
  TEXT,
  "Pomegranate",
  // Three decimals already place someone within about a hundred metres.
  LATITUDE.toFixed(3),
  LONGITUDE.toFixed(3),
];

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

describe("logs without personal data", () => {
  let world: World;
  let output: string[];
  beforeEach(async () => {
    output = [];
    world = await openWorld({ env: { LOG_LEVEL: "debug" }, logDestination: { write: (line) => void output.push(line) } });
  });
  afterEach(async () => {
    await world.close();
  });

  it("failed updates and refused sends are logged by kind, chat and handler, never by what the user sent", async () => {
    const user = world.fake.persona({ firstName: FIRST_NAME, lastName: LAST_NAME, username: USERNAME, phone: PHONE, languageCode: "en" });
    await user.command("start");
    await user.waitFor("I am doum");

    // Telegram refuses an outbox message (unclosed tag): the GrammyError carries the text in its payload.
    await enqueueMessages(world.bot.db.kysely, world.bot.clock.now(), [
      {
        chatId: user.id,
        priority: OutboxPriority.relay,
        method: "sendMessage",
        params: { text: `<b>${FIRST_NAME} ${LAST_NAME} wrote: ${TEXT}, at ${LATITUDE}, ${LONGITUDE}`, parse_mode: "HTML" },
      },
    ]);
    world.bot.app.deps.outbox.wake();
    await world.bot.app.outboxIdle();
    expect(world.fake.takeViolations().map((v) => v.rule)).toEqual(["entity parse error"]);

    // A feature fails on a shared location.
    await sql`drop table helpers`.execute(world.bot.db.kysely);
    await user.sendLocation(LATITUDE, LONGITUDE);
    await user.waitFor("Sorry, something went wrong on my side");

    // Every update fails before any feature: text, contact and location all reach the error boundary.
    await sql`alter table users rename to users_gone`.execute(world.bot.db.kysely);
    await user.send(TEXT);
    await user.waitFor("Something went wrong.");
    await user.sendContact(PHONE, FIRST_NAME);
    await user.waitFor("Something went wrong.");
    await user.sendLocation(LATITUDE, LONGITUDE);
    await user.waitFor("Something went wrong.");

    const leaks = output.filter((line) => PERSONAL.some((secret) => line.toLowerCase().includes(secret.toLowerCase())));
    expect(leaks).toEqual([]);

    const lines = output.map((line) => JSON.parse(line) as LogLine);
    const failures = lines.filter((l) => l.msg === "update failed");
    expect(failures.map((l) => [l.updateType, l.handler])).toEqual([
      ["message:location", "helperFeature"],
      ["message:text", "middleware"],
      ["message:contact", "middleware"],
      ["message:location", "middleware"],
    ]);
    const located = failures[0]!;
    expect(located).toMatchObject({ chatId: user.id, updateId: expect.any(Number), err: { type: "SqliteError" } });
    expect((located.err as { message: string }).message).toMatch(/no such table: helpers/);
    expect(Object.keys(located).sort()).toEqual(
      ["app", "chatId", "err", "handler", "level", "msg", "time", "updateId", "updateType"].sort(),
    );

    const refused = lines.find((l) => l.msg === "outbox: Telegram refused a message");
    expect(refused?.err).toMatchObject({ type: "GrammyError", error_code: 400, method: "sendMessage" });
    expect(refused?.err).not.toHaveProperty("payload");
  });
});
