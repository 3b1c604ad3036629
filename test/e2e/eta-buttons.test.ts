import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL, buttonRows } from "../support/stories.js";

describe("a helper's request notice", () => {
  let world: World;
  let ann: Persona;
  let minji: Persona;
  let rita: Persona;
  beforeEach(async () => {
    world = await openWorld();
    ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    for (const p of [ann, minji]) {
      await p.command("start");
      await p.next();
      await seedApprovedHelper(world.bot.db.kysely, p, northOf(SEOUL, 1), 3, world.bot.clock.now());
    }
  });
  afterEach(async () => {
    await world.close();
  });

  it("offers the arrival times as short labels, two to a row, in each helper's language", async () => {
    await askForHelp(rita, { at: SEOUL });
    const english = await ann.waitFor("Repairs");
    expect(english.text).toContain("Tap how soon you can be there");
    expect(buttonRows(english)).toEqual([
      ["10 min", "20 min"],
      ["30 min", "1 h"],
    ]);
    const korean = await minji.waitFor("수리");
    expect(korean.text).toContain("도착할 수 있는 시간을 눌러 주세요");
    expect(buttonRows(korean)).toEqual([
      ["10분", "20분"],
      ["30분", "1시간"],
    ]);

    // Once the offer is made the invitation to tap a time is gone; what was offered is said in full.
    await ann.pressIn(english.message_id, "1 h");
    const offered = await ann.waitForEdit(english.message_id, "You offered to be there in 60 min");
    expect(offered.text).not.toContain("Tap how soon");
    expect(buttonRows(offered)).toEqual([["↩️ Withdraw my offer"]]);
    await minji.pressIn(korean.message_id, "10분");
    const offeredKo = await minji.waitForEdit(korean.message_id, "10분 안에 가겠다고 제안했어요");
    expect(offeredKo.text).not.toContain("도착할 수 있는 시간을 눌러 주세요");
  });

  it("says “< 1 min left” in the last minute instead of “0 min left”", async () => {
    await askForHelp(rita, { at: SEOUL, validity: "15 min" });
    await ann.waitFor("Repairs");
    await minji.waitFor("수리");
    world.bot.clock.advance(14.5 * 60_000);
    for (const [persona, open, expected, zero] of [
      [ann, "Open #1", "⏳ < 1 min left", "0 min left"],
      [minji, "#1 보기", "⏳ 1분 미만 남음", "0분 남음"],
    ] as const) {
      await persona.command("nearby");
      await persona.waitFor((m) => buttonRows(m).flat().includes(open));
      await persona.press(open);
      const notice = await persona.waitFor((m) => m.text.includes(expected));
      expect(notice.text).not.toContain(zero);
      expect(buttonRows(notice)).toHaveLength(2);
    }
  });
});
