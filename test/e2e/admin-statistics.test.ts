import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { ledgerProblems } from "../support/ledger.js";
import { ADMIN, DAY, expectedFigures, MIDNIGHT, NOW, scriptDay } from "./statistics-support.js";

const KO_ADMIN = 900_302;
/** Every number of the card, in order of appearance (the period's dates and times left out). */
function figuresOf(text: string): number[] {
  const [, ...lines] = text.split("\n").slice(1);
  return lines.flatMap((line) => [...line.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replaceAll(",", ""))));
}

function flatten(e: Awaited<ReturnType<typeof expectedFigures>>): number[] {
  return [
    e.users,
    e.joined,
    ...[e.helpers[1]!, e.helpers[0]!, e.helpers[3]!, e.helpers[2]!],
    e.posted,
    ...e.requests,
    e.rate,
    e.firstOffer,
    e.match,
    e.badges,
    e.credits,
    e.donated,
  ];
}

describe("the admin console's statistics", () => {
  let world: World;
  afterEach(async () => world?.close());

  it("after a scripted day, the figures shown for today and for 7 days equal what the database holds, in English and Korean", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${ADMIN},${KO_ADMIN}` } });
    expect(world.bot.clock.now()).toBe(NOW);
    const db = world.bot.db.kysely;
    const admin = world.fake.persona({ id: ADMIN, firstName: "Mina", languageCode: "en" });
    const koAdmin = world.fake.persona({ id: KO_ADMIN, firstName: "Jun", languageCode: "ko" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    await koAdmin.command("start");
    await koAdmin.waitFor("doum");
    await scriptDay(db);
    // The day's credits are double entry: all accounts sum to zero, none a user owns is below zero.
    expect(await ledgerProblems(db)).toEqual([]);

    await admin.command("admin");
    const opened = await admin.waitFor("Admin console");
    expect(opened.raw.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(["📅 Today", "7 days", "30 days"]);
    await admin.press("📅 Today");
    const today = await admin.waitForEdit(opened.message_id, "Statistics — today");
    expect(today.text).toContain("23/11, 00:00 → 23/11, 10:00");
    const expectedToday = await expectedFigures(db, MIDNIGHT);
    // The day has requests in every state, offers and matches, so no figure is a vacuous zero.
    expect(expectedToday.requests.every((n) => n > 0)).toBe(true);
    expect(figuresOf(today.text)).toEqual(flatten(expectedToday));
    expect(today.text).toContain(`Completion rate: ${expectedToday.rate}%`);
    expect(today.text).toContain(`Median time to the first offer: ${expectedToday.firstOffer} min`);

    await admin.press("30 days");
    const month = await admin.waitForEdit(opened.message_id, "last 30 days");
    expect(figuresOf(month.text)).toEqual(flatten(await expectedFigures(db, NOW - 30 * DAY)));

    await koAdmin.command("admin");
    const koConsole = await koAdmin.waitFor("관리자 콘솔");
    await koAdmin.press("7일");
    const week = await koAdmin.waitForEdit(koConsole.message_id, "통계 — 최근 7일");
    const expectedWeek = await expectedFigures(db, NOW - 7 * DAY);
    expect(figuresOf(week.text)).toEqual(flatten(expectedWeek));
    expect(week.text).toContain(`완료율: ${expectedWeek.rate}%`);
    expect(week.text).toContain(`매칭까지 걸린 시간(중앙값): ${expectedWeek.match}분`);
  });

  it("a non-admin gets 'unknown command' for /admin and 'not allowed' for the statistics button, forged or not", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN) } });
    const eve = world.fake.persona({ firstName: "Eve", languageCode: "en" });
    await eve.command("start");
    const greeting = await eve.waitFor("I am doum");
    await eve.command("admin");
    await eve.waitFor("I don't know that command");
    const query = eve.pressForged(greeting.message_id, "1:astat:today");
    expect((await eve.waitForCallbackAnswer(query)).text).toBe("You are not allowed to use this button.");
    await world.settle();
    expect(eve.inbox.some((m) => m.text.includes("Statistics"))).toBe(false);
  });
});
