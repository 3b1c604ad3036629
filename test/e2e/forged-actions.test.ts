import { afterEach, describe, expect, it } from "vitest";
import { createBoard } from "../../src/services/boards.js";
import { ALL_ACTIONS, type Action } from "../../src/ui/actions.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { approveByButton, askForHelp, northOf, registerHelper, SEOUL } from "../support/stories.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";

const ADMIN_ID = 900_101;
const STALE = "This button is no longer available.";
const NOT_ALLOWED = "You are not allowed to use this button.";
const CLOSED = "This request is no longer available.";
const ERROR = "something went wrong";

/** Everything a press could change that matters; scene state and sent messages are not in it. */
async function snapshot(world: World) {
  const db = world.bot.db.kysely;
  return {
    users: await db.selectFrom("users").select(["id", "alias", "language", "restricted_at"]).orderBy("id").execute(),
    helpers: await db.selectFrom("helpers").selectAll().orderBy("user_id").execute(),
    requests: await db.selectFrom("requests").selectAll().orderBy("id").execute(),
    offers: await db.selectFrom("offers").selectAll().orderBy("id").execute(),
    audit: await db.selectFrom("admin_audit").selectAll().orderBy("id").execute(),
    credits: await db.selectFrom("ledger_entries").selectAll().orderBy("id").execute(),
    history: await db.selectFrom("helper_status_history").selectAll().orderBy("id").execute(),
    chats: await db.selectFrom("chats").selectAll().orderBy("id").execute(),
    badges: await db.selectFrom("badge_entries").selectAll().orderBy("id").execute(),
    reviews: await db.selectFrom("reviews").selectAll().orderBy("id").execute(),
    boards: await db.selectFrom("boards").selectAll().orderBy("id").execute(),
    donations: await db.selectFrom("board_donations").selectAll().orderBy("id").execute(),
  };
}

/** Data no button of this action could carry: missing, malformed, extra or oversized arguments. */
function malformed(action: Action): string[] {
  const prefix = `1:${action.code}`;
  return [
    prefix,
    `${prefix}:`,
    `${prefix}:${action.args.map(() => "@@").join(":")}`,
    `${prefix}:${[...action.args, null].map(() => "1").join(":")}`,
    `${prefix}:-1`,
    `${prefix}:${"9".repeat(64 - prefix.length - 1)}`,
  ];
}

// Values that fit most argument types while naming nothing that exists.
const HARMLESS = ["999999", "help", "off", "keep", "resume", "submit", "cancel", "en", "avail", "10", "other", "alias", "category"];

/** Well-formed data for the action, with arguments that name no row of anyone's. */
function wellFormed(action: Action): string {
  const args = action.args.map((type) => HARMLESS.find((value) => type.parse(value) !== undefined));
  return [`1:${action.code}`, ...args.filter((a) => a !== undefined)].join(":");
}

async function press(persona: Persona, messageId: number, data: string) {
  const query = persona.pressForged(messageId, data);
  return (await persona.waitForCallbackAnswer(query)).text ?? "";
}

describe("every registered action refuses forged data", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("malformed, foreign and admin-only presses change nothing and never fail", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await registerHelper(ann, { at: northOf(SEOUL, 0.5) });
    await approveByButton(admin, ann);
    const pete = world.fake.persona({ firstName: "Pete", languageCode: "en" });
    await registerHelper(pete, { at: northOf(SEOUL, 1) });
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    const notice = await ann.waitFor("Repairs");
    await ann.pressIn(notice.message_id, "10 min");
    await rita.waitFor(/can help/);
    await world.settle();
    const db = world.bot.db.kysely;
    const request = await db.selectFrom("requests").select("id").executeTakeFirstOrThrow();
    const offer = await db.selectFrom("offers").select("id").executeTakeFirstOrThrow();

    const board = await createBoard(world.bot.app.deps, ADMIN_ID, {
      organisation: "Home",
      title: "Blankets",
      needed: "Blankets.",
      goal: 10,
      photoFileId: null,
    });

    const mallory = world.fake.persona({ firstName: "Mallory", languageCode: "en" });
    await mallory.command("start");
    const greeting = await mallory.waitFor("I am doum");
    const before = await snapshot(world);
    // The first refusal takes the greeting's keyboard away; let that land before pressing on.
    expect(await press(mallory, greeting.message_id, "1:nosuchaction:1")).toBe(STALE);
    await mallory.waitForEdit(greeting.message_id, (m) => m.reply_markup === undefined);

    for (const action of ALL_ACTIONS) {
      // An admin action is not allowed to anyone else, whatever its data; any other is stale when malformed.
      const refusal = action.who === "admin" ? NOT_ALLOWED : STALE;
      for (const data of malformed(action)) expect(await press(mallory, greeting.message_id, data), data).toBe(refusal);
      const answer = await press(mallory, greeting.message_id, wellFormed(action));
      if (action.who === "admin") expect(answer, wellFormed(action)).toBe(NOT_ALLOWED);
      expect(answer.toLowerCase(), wellFormed(action)).not.toContain(ERROR);
    }
    // Well-formed, but naming someone else's request, offer or application.
    const foreign: [string, string][] = [
      [`1:cho:${offer.id}`, STALE],
      [`1:wd:${offer.id}`, STALE],
      [`1:rcan:${request.id}`, CLOSED],
      [`1:again:${request.id}`, STALE],
      [`1:nbo:${request.id}`, CLOSED],
      [`1:happ:${pete.id}`, NOT_ALLOWED],
      [`1:hrej:${pete.id}`, NOT_ALLOWED],
      [`1:bded:${board}`, NOT_ALLOWED],
      [`1:bdcl:${board}`, NOT_ALLOWED],
      [`1:bdclok:${board}:yes`, NOT_ALLOWED],
      [`1:bdd:${board}:5`, "You have 0 help badges, so you cannot give 5. Nothing was given."],
    ];
    for (const [data, expected] of foreign) expect(await press(mallory, greeting.message_id, data), data).toBe(expected);
    await world.settle();

    expect(await snapshot(world)).toEqual(before);
    expect(mallory.inbox.some((m) => m.text.toLowerCase().includes(ERROR))).toBe(false);
    // Pete's application is still waiting for a real admin, and nobody was told otherwise.
    expect(pete.inbox.some((m) => /approved|rejected/i.test(m.text))).toBe(false);
    expect(rita.inbox.some((m) => m.text.includes("You chose"))).toBe(false);
  });
});

describe("offers only from helpers who could have been told", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("a forged Accept from a helper far away or of other categories is refused; neither heard of the request", async () => {
    world = await openWorld();
    const [near, far, gardener] = ["Near", "Far", "Gardener"].map((firstName) => world.fake.persona({ firstName, languageCode: "en" }));
    const greetings = new Map<Persona, number>();
    for (const p of [near!, far!, gardener!]) {
      await p.command("start");
      greetings.set(p, (await p.waitFor("I am doum")).message_id);
    }
    const db = world.bot.db.kysely;
    const now = world.bot.clock.now();
    await seedApprovedHelper(db, near!, northOf(SEOUL, 0.5), 5, now);
    // 325 km away with the widest radius there is: the request's own 3 km still leaves it out.
    await seedApprovedHelper(db, far!, northOf(SEOUL, 325), 10, now);
    await seedApprovedHelper(db, gardener!, northOf(SEOUL, 0.5), 5, now, ["pets", "errands"]);

    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL });
    expect(posted.text).toContain("One helper nearby was told");
    await near!.waitFor("Please help me hang");
    await world.settle();
    const request = await db.selectFrom("requests").select("id").executeTakeFirstOrThrow();
    const told = await db.selectFrom("request_notifications").select("helper_id").execute();
    expect(told.map((r) => r.helper_id)).toEqual([near!.id]);

    expect(await press(far!, greetings.get(far!)!, `1:acc:${request.id}:10`)).toBe(
      "This request is too far from you: outside your travel radius or the area the requester is searching.",
    );
    expect(await press(gardener!, greetings.get(gardener!)!, `1:acc:${request.id}:10`)).toBe(
      "This request is not in a category you help with. /profile lets you change your categories.",
    );
    await gardener!.command("nearby");
    await gardener!.waitFor("No open requests near you right now.");
    await world.settle();

    expect(await db.selectFrom("offers").selectAll().execute()).toEqual([]);
    expect(rita.inbox.some((m) => m.text.includes("can help"))).toBe(false);
    for (const p of [far!, gardener!]) expect(p.inbox.some((m) => m.text.includes("Please help me hang"))).toBe(false);
  });
});

describe("a chat's buttons belong to its two sides", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("someone else pressing Complete, Cancel, Report, a review or the no-show answer on a real chat changes nothing", async () => {
    world = await openWorld();
    const db = world.bot.db.kysely;
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
    await seedApprovedHelper(db, ann, northOf(SEOUL, 0.5), 5, world.bot.clock.now());
    // The seeded profile names the user id; a real helper's profile is their own words.
    await db.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", ann.id).execute();
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    const notice = await ann.waitFor("Please help me hang");
    await ann.pressIn(notice.message_id, "10 min");
    const offer = await rita.waitFor(/can help/);
    await rita.pressIn(offer.message_id, /^✅ Choose/);
    await rita.waitFor("both of you press");
    await world.settle();
    const chat = await db.selectFrom("chats").select("id").executeTakeFirstOrThrow();

    const mallory = world.fake.persona({ firstName: "Mallory", languageCode: "en" });
    await mallory.command("start");
    const greeting = await mallory.waitFor("I am doum");
    const before = await snapshot(world);
    expect(await press(mallory, greeting.message_id, "1:nosuchaction:1")).toBe(STALE);
    await mallory.waitForEdit(greeting.message_id, (m) => m.reply_markup === undefined);
    for (const data of [
      "chdone",
      "chcan",
      "chcanok",
      "chrep",
      "chrepend",
      "chrepr:%:abuse",
      "rate:%:5",
      "mark:%:red",
      "rvskip",
      "came:%:no",
    ]) {
      const forged = `1:${data.includes("%") ? data.replace("%", String(chat.id)) : `${data}:${chat.id}`}`;
      expect(await press(mallory, greeting.message_id, forged), forged).toBe(STALE);
    }
    await world.settle();
    expect(await snapshot(world)).toEqual(before);
    for (const p of [rita, ann]) expect(p.inbox.some((m) => /completed|ended|cancelled/i.test(m.text))).toBe(false);
    expectNoIdentityLeak(world, rita, ann);
  });
});
