import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

/**
 * An offer for a request that was matched meanwhile attaches to nothing, and the helper is told
 * in words that someone else was faster. The Accept buttons pressed here are on notices opened
 * from /nearby, tapped as the screen showed them before the match's edit reached the phone.
 */
describe("a late offer", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  async function helperAt(name: string, km: number, language: "en" | "ko"): Promise<Persona> {
    const persona = world.fake.persona({ firstName: name, languageCode: language });
    await persona.command("start");
    await persona.next();
    await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, km), 5, world.bot.clock.now());
    // The seeded profile names the user id; a real helper's profile is their own words.
    await world.bot.db.kysely.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", persona.id).execute();
    return persona;
  }

  /** The request's notice, opened from the helper's /nearby list. */
  async function openFromNearby(helper: Persona, openLabel: string, acceptLabel: string) {
    await helper.command("nearby");
    const list = await helper.waitFor(/^(Open requests near you|근처의 열린 요청)/);
    await helper.pressIn(list.message_id, openLabel);
    return helper.waitFor(
      (m) =>
        m.message_id > list.message_id &&
        m.text.includes("Please help me hang") &&
        JSON.stringify(m.reply_markup ?? {}).includes(acceptLabel),
    );
  }

  it("gets “someone else was faster”, in English and Korean, and no offer is stored", async () => {
    world = await openWorld();
    const ann = await helperAt("Ann", 0.4, "en");
    const joe = await helperAt("Joe", 0.6, "en");
    const min = await helperAt("Min", 0.8, "ko");
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    // The wave's notices first, so the copies opened next are the newest messages.
    await world.settle();
    const joeCopy = await openFromNearby(joe, "Open #1", "10 min");
    const minCopy = await openFromNearby(min, "#1 보기", "10분");
    // Their screens as they were before the match: the edit that takes the buttons away may
    // reach a phone only after the tap, so the tap is played from the old screen.
    const tapFrom = (copy: typeof joeCopy, label: string) =>
      copy.raw.reply_markup!.inline_keyboard.flat().find((b) => b.text === label)!.callback_data!;
    const joeTap = tapFrom(joeCopy, "10 min");
    const minTap = tapFrom(minCopy, "10분");

    const notice = await ann.waitFor("Please help me hang");
    await ann.pressIn(notice.message_id, "10 min");
    const card = await rita.waitFor("can help — there in ~10 min");
    await rita.pressIn(card.message_id, /^✅ Choose/);
    await ann.waitFor("You were chosen");

    const late = joe.pressForged(joeCopy.message_id, joeTap);
    expect((await joe.waitForCallbackAnswer(late)).text).toBe(
      "Someone else was faster: this request already has its helper. Thank you for offering!",
    );
    const lateKo = min.pressForged(minCopy.message_id, minTap);
    expect((await min.waitForCallbackAnswer(lateKo)).text).toBe(
      "다른 헬퍼가 먼저 맡았어요. 이 요청에는 이미 헬퍼가 정해졌어요. 제안해 주셔서 고마워요!",
    );
    await world.settle();
    // The buttons that can no longer do anything are gone.
    for (const [helper, copy] of [
      [joe, joeCopy],
      [min, minCopy],
    ] as const) {
      expect(helper.inbox.find((m) => m.message_id === copy.message_id)!.reply_markup).toBeUndefined();
    }
    const offers = await world.bot.db.kysely.selectFrom("offers").select(["helper_id", "status"]).execute();
    expect(offers).toEqual([{ helper_id: ann.id, status: "chosen" }]);
    // Rita hears nothing of offers that never were.
    const aliases = await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "in", [joe.id, min.id]).execute();
    expect(aliases).toHaveLength(2);
    for (const { alias } of aliases) expect(rita.inbox.filter((m) => m.text.includes(alias!))).toEqual([]);
    expectNoIdentityLeak(world, rita, ann);
  });
});
