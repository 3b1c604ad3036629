import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectOnlyRepeatedAnswers, stepWithFaults } from "../support/faults.js";
import { SEOUL } from "../support/stories.js";

describe("asking for help survives lost answers and repeated updates at every step", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("each step is taken once, and exactly one request is posted", async () => {
    world = await openWorld();
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const next = (text: string) => () => rita.waitFor(text, { timeoutMs: 20_000 });
    const steps = [
      { act: () => rita.command("ask"), answered: next("What do you need help with?"), drop: "sendMessage" },
      { act: () => rita.press("Repairs"), answered: next("Describe what you need"), drop: "answerCallbackQuery" },
      { act: () => rita.send("Hang a heavy mirror"), answered: next("Where?"), drop: "sendMessage" },
      {
        act: () => rita.press("📍 Send my location", { location: SEOUL }),
        answered: next("How long should the request stay open?"),
        drop: "sendMessage",
      },
      { act: () => rita.press("30 min"), answered: next("Would you like to offer a fee"), drop: "answerCallbackQuery" },
      { act: () => rita.press("No fee"), answered: next("Check your request"), drop: "answerCallbackQuery" },
      { act: () => rita.press("📣 Post"), answered: next("Posted"), drop: "answerCallbackQuery" },
    ];
    for (const step of steps) await stepWithFaults(world, rita, step);

    const requests = await world.bot.db.kysely.selectFrom("requests").select(["description", "requester_id"]).execute();
    expect(requests).toEqual([{ description: "Hang a heavy mirror", requester_id: rita.id }]);
    expect(await world.bot.db.kysely.selectFrom("conversation_state").selectAll().execute()).toEqual([]);
    expectOnlyRepeatedAnswers(world);
  }, 120_000);
});
