import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { expectOnlyRepeatedAnswers, stepWithFaults } from "../support/faults.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

const ERROR = /something went wrong/i;

describe("double taps and lost answers never end in an error", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("Accept, Choose and Post it again tapped twice act once; nobody hears that something went wrong", async () => {
    world = await openWorld();
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
    await seedApprovedHelper(world.bot.db.kysely, ann, northOf(SEOUL, 0.5), 3, world.bot.clock.now());
    // The seeded profile names the user id; a real helper's profile is their own words.
    await world.bot.db.kysely.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", ann.id).execute();
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const first = await askForHelp(rita, { at: SEOUL });
    expect(first.text).toContain("One helper nearby was told.");

    const notice = await ann.waitFor("Repairs");
    await Promise.all([ann.pressIn(notice.message_id, "10 min"), ann.pressIn(notice.message_id, "10 min")]);
    const card = await rita.waitFor(/can help/);
    await world.settle();
    const offers = await world.bot.db.kysely.selectFrom("offers").select("status").execute();
    expect(offers).toEqual([{ status: "active" }]);

    const taps = await Promise.all([rita.pressIn(card.message_id, /Choose/), rita.pressIn(card.message_id, /Choose/)]);
    const answers = await Promise.all(taps.map((q) => rita.waitForCallbackAnswer(q)));
    expect(answers.filter((a) => a.text === undefined || a.text === "")).toHaveLength(1);
    await ann.waitFor("You were chosen");
    await world.settle();
    expect(ann.inbox.filter((m) => m.text.includes("You were chosen"))).toHaveLength(1);
    const matched = await world.bot.db.kysely.selectFrom("requests").select("status").execute();
    expect(matched).toEqual([{ status: "matched" }]);

    // A second request expires; "Post it again" tapped twice opens the scene once.
    const posted = await askForHelp(rita, { at: SEOUL, description: "Second job" });
    expect(posted.text).toContain("Posted");
    world.bot.clock.advance(31 * 60_000);
    await world.bot.app.runDueDeadlines();
    const expired = await rita.waitFor("nobody was chosen in time");
    await Promise.all([rita.pressIn(expired.message_id, "🔁 Post it again"), rita.pressIn(expired.message_id, "🔁 Post it again")]);
    await world.settle();
    expect(rita.inbox.filter((m) => m.text.startsWith("Let's ask your neighbours")).length).toBeGreaterThanOrEqual(1);
    for (const persona of [ann, rita]) expect(persona.inbox.some((m) => ERROR.test(m.text))).toBe(false);
    expectNoIdentityLeak(world, rita, ann);
    // Both taps carried the keyboard, so both try to take it away: Telegram answers the second
    // "not modified", which the bot takes as done. That is the only rule a double tap may touch.
    const rules = world.fake.takeViolations().map((v) => v.rule);
    expect(rules.filter((r) => r !== "message not modified")).toEqual([]);
  });

  it("/language with its answer lost and delivered twice switches once and answers in the new language", async () => {
    world = await openWorld();
    const minji = world.fake.persona({ firstName: "Minji", languageCode: "en" });
    await stepWithFaults(world, minji, {
      act: () => minji.command("language"),
      answered: () => minji.waitFor("Choose your language"),
      drop: "sendMessage",
    });
    // The lost answer was sent again: the question may be there twice; Minji answers the newest.
    const prompt = minji.inbox.findLast((m) => m.text.startsWith("Choose your language"))!.message_id;
    await stepWithFaults(world, minji, {
      act: () => minji.press("한국어"),
      answered: () => minji.waitForEdit(prompt, "한국어로"),
      drop: "answerCallbackQuery",
    });
    const user = await world.bot.db.kysely.selectFrom("users").select("language").where("id", "=", minji.id).executeTakeFirst();
    expect(user).toEqual({ language: "ko" });
    expectOnlyRepeatedAnswers(world);
  });
});
