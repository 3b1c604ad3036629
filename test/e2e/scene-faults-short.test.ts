import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectOnlyRepeatedAnswers, stepWithFaults } from "../support/faults.js";
import { seedApprovedHelper } from "../support/seed.js";
import { northOf, registerHelper, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_301;

describe("the short scenes survive lost answers and repeated updates at every step", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("quiet hours are set once from a lost and repeated answer", async () => {
    world = await openWorld();
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
    await seedApprovedHelper(world.bot.db.kysely, ann, northOf(SEOUL, 1), 3, world.bot.clock.now());
    await stepWithFaults(world, ann, { act: () => ann.command("quiet"), answered: () => ann.waitFor("Quiet hours:"), drop: "sendMessage" });
    await stepWithFaults(world, ann, {
      act: () => ann.send("23:00-07:00"),
      answered: () => ann.waitFor("Quiet hours set"),
      drop: "sendMessage",
    });
    const helper = await world.bot.db.kysely
      .selectFrom("helpers")
      .select(["quiet_start_minute", "quiet_end_minute"])
      .where("user_id", "=", ann.id)
      .executeTakeFirst();
    expect(helper).toEqual({ quiet_start_minute: 23 * 60, quiet_end_minute: 7 * 60 });
    expectOnlyRepeatedAnswers(world);
  });

  it("a rejection's reason, lost and delivered twice, decides once and tells the applicant once", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const pete = world.fake.persona({ firstName: "Pete", languageCode: "en" });
    await registerHelper(pete, { at: SEOUL });
    const card = await admin.waitFor(`Helper application #${pete.id}`);
    await stepWithFaults(world, admin, {
      act: () => admin.pressIn(card.message_id, "✖️ Reject"),
      answered: () => admin.waitFor("Why is"),
      drop: "answerCallbackQuery",
    });
    await stepWithFaults(world, admin, {
      act: () => admin.send("Please add a proof of identity."),
      answered: () => admin.waitFor("Rejected"),
      drop: "sendMessage",
    });
    await pete.waitFor("was not approved");
    await world.settle();
    expect(pete.inbox.filter((m) => m.text.includes("was not approved"))).toHaveLength(1);
    const audit = await world.bot.db.kysely.selectFrom("admin_audit").select("action").execute();
    expect(audit).toEqual([{ action: "helper.reject" }]);
    expectOnlyRepeatedAnswers(world);
  });
});
