import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { approveByButton, askForHelp, northOf, registerHelper, SEOUL, type Place } from "../support/stories.js";

const ADMIN_ID = 900_001;
const INTERVAL_S = 180;
const NOTICE = "Please help me hang";

/** "I keep looking" (ask-posted-nobody) must be true: helpers who turn up later hear of the request. */
describe("matching keeps looking for the whole validity time", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  async function open(): Promise<void> {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID), FANOUT_WAVE_INTERVAL_SECONDS: String(INTERVAL_S) } });
  }

  async function helperAt(name: string, at: Place, language: "en" | "ko" = "en"): Promise<Persona> {
    const persona = world.fake.persona({ firstName: name, languageCode: language });
    await persona.command("start");
    await persona.next();
    await seedApprovedHelper(world.bot.db.kysely, persona, at, 5, world.bot.clock.now());
    return persona;
  }

  /** Rita posts with nobody near to tell: the bot promises to keep looking. */
  async function postWithNobodyNear(): Promise<{ rita: Persona; requestId: number }> {
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL, validity: "1 h" });
    expect(posted.text).toContain("I keep looking until the request closes");
    const request = await world.bot.db.kysely.selectFrom("requests").select("id").executeTakeFirstOrThrow();
    return { rita, requestId: request.id };
  }

  const notices = (persona: Persona) => persona.inbox.filter((m) => m.text.includes(NOTICE));

  /** One more wave interval passes (waves keep running); the helper still has exactly one notice. */
  async function stillToldOnce(persona: Persona, requestId: number): Promise<void> {
    world.bot.clock.advance(INTERVAL_S * 1000);
    await world.bot.app.runDueDeadlines();
    await world.settle();
    expect(notices(persona)).toHaveLength(1);
    const rows = await world.bot.db.kysely
      .selectFrom("request_notifications")
      .select("request_id")
      .where("helper_id", "=", persona.id)
      .execute();
    expect(rows).toEqual([{ request_id: requestId }]);
  }

  it("a helper who registers and is approved later is told at once, with the map, once", async () => {
    await open();
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.next();
    const { requestId } = await postWithNobodyNear();

    const hana = world.fake.persona({ firstName: "Hana", languageCode: "en" });
    await hana.command("start");
    await hana.next();
    await registerHelper(hana, { at: northOf(SEOUL, 0.8) });
    await world.settle();
    expect(notices(hana)).toHaveLength(0);
    await approveByButton(admin, hana);
    const notice = await hana.waitFor(NOTICE);
    expect(notice.text).toContain("under 1 km away");
    expect(JSON.stringify(notice.reply_markup)).toContain("10 min");
    expect(hana.inbox.some((m) => m.location !== undefined)).toBe(true);
    await stillToldOnce(hana, requestId);
  });

  it("a helper who moves near is told at once, in their language, once", async () => {
    await open();
    const min = await helperAt("Min", northOf(SEOUL, 40), "ko");
    const { requestId } = await postWithNobodyNear();
    await min.sendLocation(northOf(SEOUL, 1).latitude, northOf(SEOUL, 1).longitude);
    const notice = await min.waitFor(NOTICE);
    expect(notice.text).toContain("거리 약 1 km");
    expect(notice.text).toContain("지도는 대략적인 지역이에요");
    await stillToldOnce(min, requestId);
  });

  it("a helper who turns available is told at once, once", async () => {
    await open();
    const joe = await helperAt("Joe", northOf(SEOUL, 0.5));
    await joe.command("available", "off");
    await joe.waitFor("Paused");
    const { requestId } = await postWithNobodyNear();
    await joe.command("available", "on");
    await joe.waitFor("You are available");
    await joe.waitFor(NOTICE);
    await stillToldOnce(joe, requestId);
  });

  it("a helper whose quiet hours end is told by the next wave, within one interval, once", async () => {
    await open();
    // The test clock says 10:00 in Seoul: Sol sleeps until 10:05.
    const sol = await helperAt("Sol", northOf(SEOUL, 0.5));
    await sol.command("quiet", "22:00-10:05");
    await sol.waitFor("Quiet hours set");
    const { requestId } = await postWithNobodyNear();
    world.bot.clock.advance(INTERVAL_S * 1000);
    await world.bot.app.runDueDeadlines();
    await world.settle();
    expect(notices(sol)).toHaveLength(0);
    // 10:06: one wave after the quiet hours ended.
    world.bot.clock.advance(INTERVAL_S * 1000);
    await world.bot.app.runDueDeadlines();
    await sol.waitFor(NOTICE);
    await stillToldOnce(sol, requestId);
  });

  it("an arriving helper hears of the nearest requests nobody offered for, at most three; the next wave brings the rest", async () => {
    await open();
    const bob = await helperAt("Bob", northOf(SEOUL, 0.1));
    const ann = await helperAt("Ann", northOf(SEOUL, 40));
    for (const [job, km] of [
      ["A", 2],
      ["B", 0.5],
      ["C", 1],
      ["D", 1.5],
      ["E", 0.2],
    ] as const) {
      const requester = world.fake.persona({ firstName: `Requester${job}`, languageCode: "en" });
      await askForHelp(requester, { at: northOf(SEOUL, km), description: `Job ${job}: please help me carry a sofa.` });
    }
    // Bob offers for E: it has its helper candidate, and waves for it stop.
    const e = await bob.waitFor("Job E");
    await bob.pressIn(e.message_id, "10 min");
    await bob.waitForEdit(e.message_id, "You offered");

    await ann.sendLocation(SEOUL.latitude, SEOUL.longitude);
    await ann.waitFor("Job D");
    await world.settle();
    const jobs = () => ann.inbox.flatMap((m) => /Job (\w)/.exec(m.text)?.[1] ?? []);
    expect(jobs()).toEqual(["B", "C", "D"]);
    world.bot.clock.advance(INTERVAL_S * 1000);
    await world.bot.app.runDueDeadlines();
    await ann.waitFor("Job A");
    await world.settle();
    expect(jobs()).toEqual(["B", "C", "D", "A"]);
  });

  it("a wave is not stalled by many sleeping helpers nearer than awake ones", async () => {
    world = await openWorld({ env: { FANOUT_WAVE_SIZE: "2" } });
    // More sleepers than every search of a wave together reaches (4 searches of twice its size).
    const sleepers: Persona[] = [];
    for (let i = 0; i < 20; i++) sleepers.push(await helperAt(`Sleeper${i}`, northOf(SEOUL, 0.05 + i * 0.02)));
    await world.bot.db.kysely
      .updateTable("helpers")
      .set({ quiet_start_minute: 9 * 60, quiet_end_minute: 11 * 60 })
      .where(
        "user_id",
        "in",
        sleepers.map((s) => s.id),
      )
      .execute();
    const awake = [await helperAt("Awake1", northOf(SEOUL, 1.5)), await helperAt("Awake2", northOf(SEOUL, 2))];
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL });
    expect(posted.text).toContain("2 helpers nearby were told");
    await Promise.all(awake.map((h) => h.waitFor(NOTICE)));
    await world.settle();
    expect(sleepers.filter((s) => notices(s).length > 0)).toEqual([]);
  });
});
