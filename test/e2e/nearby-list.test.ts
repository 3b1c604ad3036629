import { afterEach, describe, expect, it } from "vitest";
import { cancelRequest } from "../../src/services/requests/closing.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { northOf, SEOUL } from "../support/stories.js";

const buttonsOf = (m: InboxMessage) => m.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

describe("/nearby: one list that stays in its place", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("turns pages in place, marks what closed and what the helper offered on, and closes notices opened from it", async () => {
    world = await openWorld({ env: { MAX_OPEN_REQUESTS_PER_USER: "10" } });
    const hal = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    const min = world.fake.persona({ firstName: "Min", languageCode: "ko" });
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    for (const p of [hal, min, rita]) {
      await p.command("start");
      await p.next();
    }
    // Posted through the service, as in requests.test.ts: seven scenes in a row would outpace
    // Telegram's per-chat limit. The third closes by itself after ten minutes.
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      const posted = await postRequest(world.bot.app.deps, rita.id, {
        category: "repairs",
        description: `Job ${i + 1}`,
        place: northOf(SEOUL, 0.4 * (i + 1)),
        validityMinutes: i === 2 ? 10 : 60,
        fee: 0,
      });
      if (!posted.ok) throw new Error("not posted");
      ids.push(posted.requestId);
    }
    const now = world.bot.clock.now();
    await seedApprovedHelper(world.bot.db.kysely, hal, SEOUL, 5, now);
    await seedApprovedHelper(world.bot.db.kysely, min, SEOUL, 5, now);

    await hal.command("nearby");
    const list = await hal.waitFor("Open requests near you (1/2)");
    expect(
      list.text
        .split("\n")
        .slice(1)
        .map((l) => /Job (\d)/.exec(l)?.[1]),
    ).toEqual(["1", "2", "3", "4", "5"]);
    expect(buttonsOf(list)).toEqual(["Open #1", "Open #2", "Open #3", "Open #4", "Open #5", "Next ▶️"]);
    await min.command("nearby");
    const minList = await min.waitFor("근처의 열린 요청 (1/2)");

    // Hal opens #2 and offers; opens #3 and leaves it be.
    await hal.pressIn(list.message_id, "Open #2");
    const second = await hal.waitFor((m) => m.text.includes("Job 2") && buttonsOf(m).length > 0);
    const pin = hal.inbox[hal.inbox.indexOf(second) - 1]!;
    expect(pin.kind).toBe("location");
    expect(pin.location!.horizontal_accuracy).toBe(500);
    await hal.pressIn(second.message_id, "10 min");
    await hal.waitForEdit(second.message_id, "You offered to be there in 10 min");
    await rita.waitFor(/can help — there in ~10 min/);
    await hal.pressIn(list.message_id, "Open #3");
    const third = await hal.waitFor((m) => m.text.includes("Job 3") && buttonsOf(m).length > 0);
    await min.pressIn(minList.message_id, "#4 보기");
    const minFourth = await min.waitFor((m) => m.text.includes("Job 4") && buttonsOf(m).length > 0);
    await min.pressIn(minFourth.message_id, "10분");
    await min.waitForEdit(minFourth.message_id, "10분 안에 가겠다고 제안했어요");

    // #1 is cancelled and #3 expires: the notice opened from the list is closed like any other.
    expect(await cancelRequest(world.bot.app.deps, rita.id, ids[0]!)).toBe(true);
    world.bot.clock.advance(11 * 60_000);
    await world.bot.app.runDueDeadlines();
    await hal.waitForEdit(third.message_id, (m) => m.text.includes("expired. No longer available.") && m.reply_markup === undefined);

    // The pages turn in the same message; closed entries are marked in place, the others keep their buttons.
    await hal.pressIn(list.message_id, "Next ▶️");
    const page2 = await hal.waitForEdit(list.message_id, "Open requests near you (2/2)");
    expect(
      page2.text
        .split("\n")
        .slice(1)
        .map((l) => /Job (\d)/.exec(l)?.[1]),
    ).toEqual(["6", "7"]);
    expect(buttonsOf(page2)).toEqual(["Open #6", "Open #7", "◀️ Previous"]);
    await hal.pressIn(list.message_id, "◀️ Previous");
    const page1 = await hal.waitForEdit(list.message_id, "Open requests near you (1/2)");
    const lines = page1.text.split("\n").slice(1);
    expect(lines[0]).toBe("1. Repairs — no longer available");
    expect(lines[1]).toMatch(/^2\. ✋ You offered · 🆘 Repairs · .* — Job 2$/);
    expect(lines[2]).toBe("3. Repairs — no longer available");
    expect(lines[3]).toMatch(/^4\. 🆘 Repairs · .* — Job 4$/);
    expect(page1.entities.some((e) => e.type === "strikethrough")).toBe(true);
    expect(buttonsOf(page1)).toEqual(["Open #2", "Open #4", "Open #5", "Next ▶️"]);
    expect(hal.inbox.filter((m) => m.text.startsWith("Open requests near you"))).toHaveLength(1);

    // #4 is cancelled too; pressing it marks it closed where it is, and the rest stay.
    expect(await cancelRequest(world.bot.app.deps, rita.id, ids[3]!)).toBe(true);
    const pressed = await hal.pressIn(list.message_id, "Open #4");
    expect((await hal.waitForCallbackAnswer(pressed)).text).toBe("This request is no longer available.");
    const marked = await hal.waitForEdit(list.message_id, (m) => m.text.includes("4. Repairs — no longer available"));
    expect(buttonsOf(marked)).toEqual(["Open #2", "Open #5", "Next ▶️"]);

    // In Korean too: Min's list marks the closed entries and the one Min offered on.
    await min.pressIn(minList.message_id, "다음 ▶️");
    await min.waitForEdit(minList.message_id, "근처의 열린 요청 (2/2)");
    await min.pressIn(minList.message_id, "◀️ 이전");
    const minPage = await min.waitForEdit(minList.message_id, "근처의 열린 요청 (1/2)");
    const minLines = minPage.text.split("\n").slice(1);
    expect(minLines[0]).toBe("1. 수리 — 이제 맡을 수 없어요");
    expect(minLines[3]).toBe("4. 수리 — 이제 맡을 수 없어요");
    expect(minLines[1]).toMatch(/^2\. 🆘 수리 · 거리 .* — Job 2$/);
    expect(buttonsOf(minPage)).toEqual(["#2 보기", "#5 보기", "다음 ▶️"]);
    // Min's offer on #4 was declined when it closed; an entry with a live offer reads "제안했어요".
    await min.pressIn(minList.message_id, "#5 보기");
    const minFifth = await min.waitFor((m) => m.text.includes("Job 5") && buttonsOf(m).length > 0);
    await min.pressIn(minFifth.message_id, "20분");
    await min.waitForEdit(minFifth.message_id, "20분 안에 가겠다고 제안했어요");
    await min.pressIn(minList.message_id, "다음 ▶️");
    await min.waitForEdit(minList.message_id, "(2/2)");
    await min.pressIn(minList.message_id, "◀️ 이전");
    const minAgain = await min.waitForEdit(minList.message_id, (m) => m.text.includes("(1/2)") && m.text.includes("제안했어요"));
    expect(minAgain.text.split("\n")[5]).toMatch(/^5\. ✋ 제안했어요 · 🆘 수리 · 거리 .* — Job 5$/);

    const kept = await world.bot.db.kysely.selectFrom("nearby_lists").selectAll().orderBy("helper_id").execute();
    expect(kept.map((k) => [k.helper_id, k.message_id, JSON.parse(k.request_ids)])).toEqual([
      [hal.id, list.message_id, ids],
      [min.id, minList.message_id, ids],
    ]);
  });
});
