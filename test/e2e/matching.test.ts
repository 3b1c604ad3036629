import { afterEach, describe, expect, it } from "vitest";
import { findUser } from "../../db/repositories/users.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { startBot } from "../support/bot.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

async function helpersAt(world: World, kms: number[], radiusKm = 10, categories?: string[]): Promise<Persona[]> {
  const helpers: Persona[] = [];
  for (const [i, km] of kms.entries()) {
    const persona = world.fake.persona({ firstName: `Helper${i + 1}`, languageCode: "en" });
    await persona.command("start");
    await persona.waitFor("I am doum");
    await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, km), radiusKm, world.bot.clock.now(), categories);
    // The seeded profile names the user id; a real helper's profile is their own words.
    await world.bot.db.kysely.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", persona.id).execute();
    helpers.push(persona);
  }
  return helpers;
}

describe("matching: concurrency, waves, expiry, unreachable helpers", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("20 helpers accept in the same second, two Choose taps at once: exactly one match", async () => {
    world = await openWorld({ env: { FANOUT_WAVE_SIZE: "25" } });
    const helpers = await helpersAt(
      world,
      Array.from({ length: 20 }, (_, i) => 0.1 + i * 0.1),
    );
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL });
    expect(posted.text).toContain("20 helpers nearby were told");
    const notices = await Promise.all(helpers.map((h) => h.waitFor("Please help me hang")));
    await Promise.all(helpers.map((h, i) => h.pressIn(notices[i]!.message_id, "10 min")));
    await Promise.all(helpers.map((h, i) => h.waitForEdit(notices[i]!.message_id, "You offered")));

    const cards: { message_id: number }[] = [];
    for (let i = 0; i < 20; i++) cards.push(await rita.waitFor("can help — there in ~10 min"));
    const [a, b] = await Promise.all([rita.pressIn(cards[3]!.message_id, /^✅ Choose/), rita.pressIn(cards[7]!.message_id, /^✅ Choose/)]);
    const answers = await Promise.all([rita.waitForCallbackAnswer(a), rita.waitForCallbackAnswer(b)]);
    expect(answers.filter((x) => x.text === "This request is no longer available.")).toHaveLength(1);

    const request = await world.bot.db.kysely.selectFrom("requests").selectAll().executeTakeFirstOrThrow();
    expect(request.status).toBe("matched");
    const offers = await world.bot.db.kysely.selectFrom("offers").select(["helper_id", "status"]).execute();
    expect(offers).toHaveLength(20);
    expect(offers.filter((o) => o.status === "chosen")).toEqual([{ helper_id: request.helper_id, status: "chosen" }]);
    expect(offers.filter((o) => o.status === "declined")).toHaveLength(19);
    await world.fake.settle({ timeoutMs: 15_000 });
    const chosenTold = helpers.filter((h) => h.inbox.some((m) => m.text.includes("You were chosen")));
    expect(chosenTold.map((h) => h.id)).toEqual([request.helper_id]);
    // Neither side of the match, nor any helper who offered, was shown who the other is.
    await world.settle();
    for (const helper of helpers) expectNoIdentityLeak(world, rita, helper);
  });

  it("sends waves nearest first while nobody offers, skipping quiet hours, and stops when someone offers", async () => {
    world = await openWorld({ env: { FANOUT_WAVE_SIZE: "2", FANOUT_WAVE_INTERVAL_SECONDS: "180" } });
    const helpers = await helpersAt(world, [0.3, 0.6, 0.9, 1.2, 1.5, 1.8]);
    // Helper 3 sleeps at this hour (the test clock says 10:00 in Seoul).
    await world.bot.db.kysely
      .updateTable("helpers")
      .set({ quiet_start_minute: 9 * 60, quiet_end_minute: 11 * 60 })
      .where("user_id", "=", helpers[2]!.id)
      .execute();
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    await world.settle();
    const told = () => helpers.map((h) => h.inbox.some((m) => m.text.includes("Please help me hang")));
    expect(told()).toEqual([true, true, false, false, false, false]);

    world.bot.clock.advance(179_000);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    world.bot.clock.advance(1_000);
    expect(await world.bot.app.runDueDeadlines()).toBe(1);
    await world.settle();
    expect(told()).toEqual([true, true, false, true, true, false]);

    const notice = await helpers[4]!.waitFor("Please help me hang");
    await helpers[4]!.pressIn(notice.message_id, "20 min");
    await rita.waitFor("can help — there in ~20 min");
    world.bot.clock.advance(600_000);
    await world.bot.app.runDueDeadlines();
    await world.settle();
    expect(told()).toEqual([true, true, false, true, true, false]);
  });

  it("tells only helpers of the request's category, however many nearer helpers do other things", async () => {
    world = await openWorld({ env: { FANOUT_WAVE_SIZE: "2" } });
    // More helpers of other categories nearer than one search of a wave (twice its size) reaches.
    const others = await helpersAt(world, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 10, ["pets", "moving"]);
    const repairers = await helpersAt(world, [1.0, 1.2]);
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL });
    expect(posted.text).toContain("2 helpers nearby were told");
    await Promise.all(repairers.map((h) => h.waitFor("Please help me hang")));
    await world.settle();
    expect(others.filter((h) => h.inbox.some((m) => m.text.includes("Please help me hang")))).toEqual([]);
  });

  it("expires when the validity passes (by the injected clock), and can be posted again", async () => {
    world = await openWorld();
    const [helper] = await helpersAt(world, [0.5]);
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL, validity: "15 min" });
    const notice = await helper!.waitFor("Please help me hang");
    expect(notice.text).toContain("15 min left");

    world.bot.clock.advance(14 * 60_000);
    // Only the wave timer (which finds nobody new) is due before the validity ends.
    await world.bot.app.runDueDeadlines();
    expect((await world.bot.db.kysely.selectFrom("requests").select("status").executeTakeFirstOrThrow()).status).toBe("open");
    world.bot.clock.advance(60_000);
    expect(await world.bot.app.runDueDeadlines()).toBe(1);
    await rita.waitFor("closed: nobody was chosen in time");
    // Nothing keeps looking for a closed request.
    expect(await world.bot.db.kysely.selectFrom("deadlines").select("kind").where("state", "=", "pending").execute()).toEqual([]);
    await helper!.waitForEdit(notice.message_id, (m) => m.text.includes("expired") && m.reply_markup === undefined);
    expect((await world.bot.db.kysely.selectFrom("requests").select("status").executeTakeFirstOrThrow()).status).toBe("expired");

    await rita.press("🔁 Post it again");
    await rita.waitFor("How long should the request stay open?");
    await rita.press("1 h");
    // Everything else is taken from the expired request.
    const card = await rita.waitFor("Check your request");
    expect(card.text).toContain("Please help me hang a heavy mirror.");
    await rita.press("📣 Post");
    await rita.waitFor("One helper nearby was told");
  });

  it("an expiry that falls while the bot is down fires once after the restart", async () => {
    world = await openWorld();
    await helpersAt(world, [0.5]);
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL, validity: "15 min" });
    await world.settle();
    const { databaseUrl, clock } = world.bot;
    await world.bot.stop();

    clock.advance(20 * 60_000);
    world.bot = await startBot(world.fake, { databaseUrl, clock, outboxLimits: undefined });
    await rita.waitFor("closed: nobody was chosen in time");
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    await world.settle();
    expect(rita.inbox.filter((m) => m.text.includes("nobody was chosen"))).toHaveLength(1);
    const deadlines = await world.bot.db.kysely.selectFrom("deadlines").select(["kind", "state"]).execute();
    expect(deadlines).toContainEqual({ kind: "request-expiry", state: "done" });
  });

  it("a helper who blocked the bot unnoticed is marked unreachable when notified; the others still are", async () => {
    world = await openWorld();
    const [blocker, other] = await helpersAt(world, [0.4, 0.8]);
    await blocker!.block();
    await world.settle();
    // As if the block event had been lost: the bot only learns of it when sending.
    await world.bot.db.kysely.updateTable("users").set({ reachable: 1 }).where("id", "=", blocker!.id).execute();
    await world.bot.db.kysely.updateTable("helpers").set({ reachable: 1 }).where("user_id", "=", blocker!.id).execute();

    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    await other!.waitFor("Please help me hang");
    await world.settle();
    expect((await findUser(world.bot.db.kysely, blocker!.id))?.reachable).toBe(false);
    expect(world.fake.errors.some((e) => e.description.includes("blocked"))).toBe(true);
    const dropped = await world.bot.db.kysely.selectFrom("outbox").select("status").where("chat_id", "=", blocker!.id).execute();
    expect(dropped.every((r) => r.status === "dropped")).toBe(true);
  });
});
