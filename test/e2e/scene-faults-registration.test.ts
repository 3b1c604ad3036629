import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectOnlyRepeatedAnswers, stepWithFaults, type FaultyStep } from "../support/faults.js";
import { SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_201;

describe("registering as a helper survives lost answers and repeated updates at every step", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("each answer counts once (a repeated toggle does not undo itself), and one application reaches the admin", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    const next = (text: string) => () => ann.waitFor(text, { timeoutMs: 20_000 });
    let categories = 0;
    const steps: FaultyStep[] = [
      { act: () => ann.command("helper"), answered: next("1/7"), drop: "sendMessage" },
      { act: () => ann.press(/^Keep “/), answered: next("2/7"), drop: "answerCallbackQuery" },
      {
        act: () => ann.press("Repairs"),
        answered: () => ann.waitForEdit(categories, (m) => JSON.stringify(m.reply_markup).includes("✅ Repairs")),
        drop: "answerCallbackQuery",
      },
      { act: () => ann.press("✔️ Done"), answered: next("Anything else"), drop: "answerCallbackQuery" },
      { act: () => ann.press("Skip"), answered: next("3/7"), drop: "answerCallbackQuery" },
      { act: () => ann.send("I fix shelves and carry boxes."), answered: next("4/7"), drop: "sendMessage" },
      { act: () => ann.press("Skip"), answered: next("5/7"), drop: "answerCallbackQuery" },
      { act: () => ann.press("✔️ Done"), answered: next("experience"), drop: "answerCallbackQuery" },
      { act: () => ann.press("Skip"), answered: next("6/7"), drop: "answerCallbackQuery" },
      { act: () => ann.press("📍 Send my location", { location: SEOUL }), answered: next("7/7"), drop: "sendMessage" },
      { act: () => ann.press("3 km"), answered: next("Check your application"), drop: "answerCallbackQuery" },
      { act: () => ann.press("✅ Submit"), answered: next("Submitted!"), drop: "answerCallbackQuery" },
    ];
    for (const [i, step] of steps.entries()) {
      await stepWithFaults(world, ann, step);
      if (i === 1) categories = ann.inbox.findLast((m) => m.text.includes("2/7"))!.message_id;
    }

    const helpers = await world.bot.db.kysely.selectFrom("helpers").select(["status", "categories", "profile"]).execute();
    expect(helpers).toEqual([{ status: "pending", categories: JSON.stringify(["repairs"]), profile: "I fix shelves and carry boxes." }]);
    const cards = await world.bot.db.kysely
      .selectFrom("outbox")
      .select("id")
      .where("chat_id", "=", ADMIN_ID)
      .where("method", "=", "sendMessage")
      .execute();
    expect(cards).toHaveLength(1);
    expectOnlyRepeatedAnswers(world);
  }, 120_000);
});
