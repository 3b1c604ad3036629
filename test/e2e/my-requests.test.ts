import { afterEach, describe, expect, it } from "vitest";
import { findRequest } from "../../db/repositories/requests.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

const MINUTE = 60_000;
const buttons = (m: InboxMessage) =>
  ((m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);

async function started(world: World, firstName: string, languageCode: "en" | "ko"): Promise<Persona> {
  const persona = world.fake.persona({ firstName, languageCode });
  await persona.command("start");
  await persona.waitFor(languageCode === "en" ? "I am doum" : "도움");
  return persona;
}

/** Posts a request through the Korean "ask" scene (수리, 30분, no fee) and returns the "📣 Posted" reply. */
async function askInKorean(persona: Persona, description: string): Promise<InboxMessage> {
  await persona.command("ask");
  await persona.waitFor("어떤 도움이 필요하세요?");
  await persona.press("수리");
  await persona.waitFor("필요한 일을 몇 문장으로");
  await persona.send(description);
  await persona.waitFor("어디인가요?");
  await persona.press("📍 내 위치 보내기", { location: SEOUL });
  await persona.waitFor("요청을 얼마 동안 열어 둘까요?");
  await persona.press("30분");
  await persona.waitFor("사례금(크레딧)을 걸까요?");
  await persona.press("사례금 없음");
  await persona.waitFor("요청 내용을 확인하세요");
  await persona.press("📣 올리기");
  return persona.waitFor("📣 올렸어요");
}

const requestId = async (world: World, description: string) =>
  (await world.bot.db.kysely.selectFrom("requests").select("id").where("description", "=", description).executeTakeFirstOrThrow()).id;

describe("/requests and the “📣 Posted” message", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("lists open requests first with offers and time left, then closed ones; Cancel and Post again work; Posted follows every change", async () => {
    world = await openWorld();
    const hal = await started(world, "Hal", "en");
    await seedApprovedHelper(world.bot.db.kysely, hal, northOf(SEOUL, 0.5), 3, world.bot.clock.now());
    // The seeded profile names the user id; a real helper's profile is their own words.
    await world.bot.db.kysely.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", hal.id).execute();
    const rita = await started(world, "Rita", "en");

    const postedA = await askForHelp(rita, { at: SEOUL, description: "Hang a mirror" });
    expect(postedA.text).toContain("Request: Repairs");
    expect(buttons(postedA)).toEqual(["✖️ Cancel request"]);
    const postedB = await askForHelp(rita, { at: SEOUL, category: "Moving / carrying", description: "Carry a sofa", validity: "1 h" });
    const postedC = await askForHelp(rita, { at: SEOUL, category: "Errands / shopping", description: "Buy milk", validity: "15 min" });
    expect(postedC.text).toContain("Request: Errands / shopping");
    const b = await requestId(world, "Carry a sofa");
    const c = await requestId(world, "Buy milk");

    const notice = await hal.waitFor("Hang a mirror");
    await hal.pressIn(notice.message_id, "10 min");
    const offerCard = await rita.waitFor("can help");

    // At the limit, /ask says where the open requests are.
    await rita.command("ask");
    const refusal = await rita.waitFor("You already have 3 open requests");
    expect(refusal.text).toContain("/requests shows them");

    world.bot.clock.advance(14.5 * MINUTE);
    await rita.command("requests");
    const list = await rita.waitFor("Your requests");
    expect(list.text.split("\n")).toEqual([
      "Your requests",
      "",
      "1. Errands / shopping — Buy milk",
      "🟢 Open · ⏳ < 1 min left · no offers so far",
      "",
      "2. Repairs — Hang a mirror",
      "🟢 Open · ⏳ 15 min left · 1 offer so far",
      "",
      "3. Moving / carrying — Carry a sofa",
      "🟢 Open · ⏳ 45 min left · no offers so far",
      "",
      "Open requests first, then those closed in the last 7 days.",
    ]);
    expect(buttons(list)).toEqual(["✖️ Cancel #1", "✖️ Cancel #2", "✖️ Cancel #3"]);

    // Cancel in the list: the list is drawn again, and the request's own Posted message follows.
    const cancel = await rita.pressIn(list.message_id, "✖️ Cancel #3");
    expect((await rita.waitForCallbackAnswer(cancel)).text).toBe("Request cancelled. Helpers who saw it were told.");
    const redrawn = await rita.waitForEdit(list.message_id, "✖️ Cancelled · no offers");
    expect(buttons(redrawn)).toEqual(["✖️ Cancel #1", "✖️ Cancel #2", "🔁 Post #3 again"]);
    expect((await findRequest(world.bot.db.kysely, b))?.status).toBe("cancelled");
    const cancelledB = await rita.waitForEdit(postedB.message_id, "✖️ Moving / carrying — Request cancelled.");
    expect(buttons(cancelledB)).toEqual(["🔁 Post it again"]);

    // C expires: its Posted message loses Cancel, and a message (which rings) offers to post it again.
    world.bot.clock.advance(MINUTE);
    await world.bot.app.runDueDeadlines();
    const expiredC = await rita.waitForEdit(postedC.message_id, "⌛ Errands / shopping — closed before anyone was chosen.");
    // Post again is on the message that tells of the expiry, not on both.
    expect(buttons(expiredC)).toEqual([]);
    const told = await rita.waitFor("⌛ Your request “Errands / shopping” closed: nobody was chosen in time.");
    expect(buttons(told)).toEqual(["🔁 Post it again"]);
    expect((await findRequest(world.bot.db.kysely, c))?.status).toBe("expired");

    // A is matched: its Posted message says with whom and loses Cancel.
    await rita.pressIn(offerCard.message_id, /Choose/);
    const alias = (await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "=", hal.id).executeTakeFirstOrThrow()).alias;
    await rita.waitForEdit(postedA.message_id, (m) => m.text.includes(`✅ Repairs — you chose ${alias}.`) && m.reply_markup === undefined);

    // The list still shows A's Cancel from before the match: it answers clearly and changes nothing.
    const stale = await rita.pressIn(list.message_id, "✖️ Cancel #2");
    const answer = await rita.waitForCallbackAnswer(stale);
    expect(answer).toMatchObject({
      text: "You already chose a helper for this request, so it cannot be cancelled here.",
      show_alert: true,
    });
    await rita.waitForEdit(list.message_id, "✅ Helper chosen · 1 offer");
    const a = await world.bot.db.kysely
      .selectFrom("requests")
      .select(["status", "helper_id"])
      .where("description", "=", "Hang a mirror")
      .execute();
    expect(a).toEqual([{ status: "matched", helper_id: hal.id }]);
    expect(await world.bot.db.kysely.selectFrom("offers").select("status").execute()).toEqual([{ status: "chosen" }]);

    // Nothing open now: the closed ones, newest first; Post again on those nobody took.
    await rita.command("requests");
    const closed = await rita.waitFor("Your requests");
    expect(closed.text).toContain("1. Errands / shopping — Buy milk\n⌛ Expired · no offers");
    expect(closed.text).toContain("2. Moving / carrying — Carry a sofa\n✖️ Cancelled · no offers");
    expect(closed.text).toContain("3. Repairs — Hang a mirror\n✅ Helper chosen · 1 offer");
    expect(buttons(closed)).toEqual(["🔁 Post #1 again", "🔁 Post #2 again"]);
    await rita.pressIn(closed.message_id, "🔁 Post #1 again");
    // The old answers are kept; only the time is asked again.
    await rita.waitFor("How long should the request stay open?");
    await rita.command("cancel");
    await rita.waitFor("Cancelled");

    // A week later they are history.
    world.bot.clock.advance(8 * 24 * 60 * MINUTE);
    await rita.command("requests");
    await rita.waitFor("You have no open requests and none closed in the last 7 days. /ask to post one.");
    await world.settle();
    expectNoIdentityLeak(world, rita, hal);
  });

  it("Cancel tapped twice on the Posted message cancels once and leaves Post it again", async () => {
    world = await openWorld();
    const rita = await started(world, "Rita", "en");
    const posted = await askForHelp(rita, { at: SEOUL, description: "Walk me home" });
    const taps = await Promise.all([
      rita.pressIn(posted.message_id, "✖️ Cancel request"),
      rita.pressIn(posted.message_id, "✖️ Cancel request"),
    ]);
    const answers = (await Promise.all(taps.map((q) => rita.waitForCallbackAnswer(q)))).map((a) => a.text).sort();
    expect(answers).toEqual(["Request cancelled. Helpers who saw it were told.", "This request is no longer available."]);
    await world.settle();
    const now = rita.inbox.find((m) => m.message_id === posted.message_id)!;
    expect(now.text).toBe("✖️ Repairs — Request cancelled. Helpers who saw it were told.");
    expect(buttons(now)).toEqual(["🔁 Post it again"]);
    expect(await world.bot.db.kysely.selectFrom("requests").select("status").execute()).toEqual([{ status: "cancelled" }]);
  });

  it("in Korean: the Posted message, the list, and Cancel from it", async () => {
    world = await openWorld();
    const hal = await started(world, "Hal", "en");
    await seedApprovedHelper(world.bot.db.kysely, hal, northOf(SEOUL, 0.5), 3, world.bot.clock.now());
    const minji = await started(world, "Minji", "ko");

    const posted = await askInKorean(minji, "거울 걸기 도와주세요");
    const id = await requestId(world, "거울 걸기 도와주세요");
    expect(posted.text).toContain("근처 헬퍼 1명에게 알렸어요");
    expect(posted.text).toContain("요청: 수리");
    expect(buttons(posted)).toEqual(["✖️ 요청 취소"]);
    const notice = await hal.waitFor("거울 걸기");
    await hal.pressIn(notice.message_id, "20 min");
    await minji.waitFor("20분");

    world.bot.clock.advance(10 * MINUTE);
    await minji.command("requests");
    const list = await minji.waitFor("내 요청");
    expect(list.text).toContain("1. 수리 — 거울 걸기 도와주세요\n🟢 열림 · ⏳ 20분 남음 · 지금까지 제안 1건");
    expect(list.text).toContain("열린 요청이 먼저, 그다음 최근 7일 안에 닫힌 요청이에요.");
    const cancel = await minji.pressIn(list.message_id, "✖️ 1번 취소");
    expect((await minji.waitForCallbackAnswer(cancel)).text).toBe("요청을 취소했어요. 요청을 본 헬퍼들에게도 알렸어요.");
    const redrawn = await minji.waitForEdit(list.message_id, "✖️ 취소됨 · 제안 1건");
    expect(buttons(redrawn)).toEqual(["🔁 1번 다시 올리기"]);
    const closed = await minji.waitForEdit(posted.message_id, "✖️ 수리 — 요청을 취소했어요.");
    expect(buttons(closed)).toEqual(["🔁 다시 올리기"]);
    expect((await findRequest(world.bot.db.kysely, id))?.status).toBe("cancelled");

    // A second request is matched: its Posted message says with whom, in Korean, and has no Cancel.
    const postedSecond = await askInKorean(minji, "선반 달기");
    const second = await requestId(world, "선반 달기");
    const secondNotice = await hal.waitFor("선반 달기");
    await hal.pressIn(secondNotice.message_id, "10 min");
    const card = await minji.waitFor("10분");
    await minji.pressIn(card.message_id, /선택/);
    await minji.waitForEdit(postedSecond.message_id, (m) => m.text.includes("헬퍼를 선택했어요") && m.reply_markup === undefined);
    // A Cancel pressed before that edit arrived (the old button's data) is refused in words and changes nothing.
    const stale = minji.pressForged(postedSecond.message_id, `1:rcan:${second}`);
    expect((await minji.waitForCallbackAnswer(stale)).text).toBe("이미 헬퍼를 선택한 요청이라 여기서는 취소할 수 없어요.");
    expect((await findRequest(world.bot.db.kysely, second))?.status).toBe("matched");
  });
});
