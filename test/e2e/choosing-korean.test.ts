import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

/**
 * Matching as Korean helpers read it: only helpers of the request's category hear of it, and when
 * the requester chooses, the chosen helper's own notice says they were chosen while every other
 * offerer's says someone else took it.
 */
describe("choosing, in Korean", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  async function koreanHelper(name: string, km: number, categories: string[]): Promise<Persona> {
    const persona = world.fake.persona({ firstName: name, languageCode: "ko" });
    await persona.command("start");
    await persona.next();
    await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, km), 5, world.bot.clock.now(), categories);
    // The seeded profile names the user id; a real helper's profile is their own words.
    await world.bot.db.kysely.updateTable("helpers").set({ profile: "손재주가 좋아요" }).where("user_id", "=", persona.id).execute();
    return persona;
  }

  it("tells only helpers of the category; the chosen one reads “선택되었어요”, the other that another helper was chosen", async () => {
    world = await openWorld();
    const mover = await koreanHelper("민수", 0.3, ["moving"]);
    const jun = await koreanHelper("준호", 0.6, ["repairs"]);
    const sora = await koreanHelper("소라", 0.9, ["repairs", "moving"]);
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL });
    expect(posted.text).toContain("2 helpers nearby were told");

    const junNotice = await jun.waitFor("🆘 수리");
    const soraNotice = await sora.waitFor("🆘 수리");
    await jun.pressIn(junNotice.message_id, "10분");
    await jun.waitForEdit(junNotice.message_id, "10분 안에 가겠다고 제안했어요");
    await sora.pressIn(soraNotice.message_id, "20분");
    await sora.waitForEdit(soraNotice.message_id, "20분 안에 가겠다고 제안했어요");
    await rita.waitFor("can help — there in ~10 min");
    const second = await rita.waitFor("can help — there in ~20 min");
    await rita.pressIn(second.message_id, /^✅ Choose/);

    await sora.waitForEdit(soraNotice.message_id, (m) => m.text.startsWith("✅ 수리 — 선택되었어요") && m.reply_markup === undefined);
    await sora.waitFor("✅ 수리 요청에 선택되었어요!");
    await jun.waitForEdit(junNotice.message_id, (m) => m.reply_markup === undefined && !m.text.includes("선택되었어요"));
    await world.settle();
    // Only the chosen helper reads "선택되었어요"; only the other reads that another helper was chosen.
    expect(sora.inbox.some((m) => m.text.includes("다른 헬퍼"))).toBe(false);
    expect(jun.inbox.some((m) => m.text.includes("선택되었어요"))).toBe(false);
    expect(jun.inbox.find((m) => m.message_id === junNotice.message_id)!.text).toBe(
      "요청자가 “수리”에 다른 헬퍼를 선택했어요. 제안해 주셔서 고마워요!",
    );
    // The match opened one chat between the two, with a four-digit meeting code.
    const chats = await world.bot.db.kysely.selectFrom("chats").selectAll().execute();
    expect(chats.map((c) => [Number(c.requester_id), Number(c.helper_id), c.status])).toEqual([[rita.id, sora.id, "open"]]);
    expect(chats[0]!.meeting_code).toMatch(/^\d{4}$/);
    // The helper who only carries things never heard of a repair.
    expect(mover.inbox.filter((m) => m.text.includes("🆘"))).toEqual([]);
    // Neither of the matched pair was shown who the other is.
    expectNoIdentityLeak(world, rita, sora);
  });
});
