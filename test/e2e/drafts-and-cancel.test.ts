import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBot } from "../support/bot.js";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedHelperRow } from "../support/seed.js";
import { buttonRows, registerHelper, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;

/** Through the English "ask" scene up to the confirmation card, without posting. */
async function draftUpToConfirmation(rita: Persona, description: string): Promise<void> {
  await rita.command("ask");
  await rita.waitFor("What do you need help with?");
  await rita.press("Repairs");
  await rita.waitFor("Describe what you need");
  await rita.send(description);
  await rita.waitFor("Where?");
  await rita.press("📍 Send my location", { location: SEOUL });
  await rita.waitFor("How long should the request stay open?");
  await rita.press("30 min");
  await rita.waitFor("Would you like to offer a fee");
  await rita.press("No fee");
  await rita.waitFor("Check your request");
}

describe("drafts are kept or cancelled as the user means", () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
  });
  afterEach(async () => {
    await world.close();
  });
  const requestDrafts = () => world.bot.db.kysely.selectFrom("request_drafts").selectAll().execute();

  it("typing “cancel” or “취소” inside a scene cancels it, and its draft goes", async () => {
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await rita.command("ask");
    await rita.waitFor("What do you need help with?");
    await rita.press("Repairs");
    await rita.waitFor("Describe what you need");
    await rita.send("Cancel");
    await rita.waitFor("Cancelled. Nothing was saved.");
    expect(await requestDrafts()).toEqual([]);
    // The scene is gone: the next text is not taken as a description.
    await rita.send("Please fix my door");
    await rita.waitFor("I did not understand that");
    expect(await world.bot.db.kysely.selectFrom("requests").selectAll().execute()).toEqual([]);

    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("helper");
    await minji.waitFor("1/7");
    await minji.send("민지 이웃");
    await minji.waitFor("2/7");
    await minji.send("취소");
    await minji.waitFor("취소했어요");
    expect(await world.bot.db.kysely.selectFrom("helper_drafts").selectAll().execute()).toEqual([]);
  });

  it("/nearby at the confirmation card answers, then says the draft is kept; Continue works after a restart", async () => {
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await draftUpToConfirmation(rita, "Carry a sofa upstairs");
    await rita.command("nearby");
    await rita.waitFor("/nearby shows open requests to approved helpers");
    const note = await rita.waitFor("Your request draft is kept");
    expect(buttonRows(note)).toEqual([["▶️ Continue", "🗑 Discard"]]);
    expect(await requestDrafts()).toHaveLength(1);

    const { databaseUrl, clock } = world.bot;
    await world.settle();
    await world.bot.stop();
    world.bot = await startBot(world.fake, { databaseUrl, clock, env: { ADMIN_IDS: String(ADMIN_ID) } });

    await rita.pressIn(note.message_id, "▶️ Continue");
    const card = await rita.waitFor((m) => m.text.includes("Check your request") && m.message_id > note.message_id);
    expect(card.text).toContain("What: Carry a sofa upstairs");
    await rita.pressIn(card.message_id, "📣 Post");
    await rita.waitFor("Posted");
    expect(await requestDrafts()).toEqual([]);
    // The note's buttons were spent; pressed again they change nothing.
    const stale = rita.pressForged(note.message_id, "1:kept:ask:resume");
    expect((await rita.waitForCallbackAnswer(stale)).text).toBe("This button is no longer available.");
    expect(await world.bot.db.kysely.selectFrom("requests").selectAll().execute()).toHaveLength(1);
  });

  it("in Korean: /start keeps the draft and says so; Discard throws it away and /ask starts afresh", async () => {
    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("ask");
    await minji.waitFor("어떤 도움이 필요하세요?");
    await minji.press("수리");
    await minji.waitFor("필요한 일을 몇 문장으로");
    await minji.send("전등 교체");
    await minji.waitFor("어디인가요?");
    await minji.command("start");
    await minji.waitFor("도움");
    const note = await minji.waitFor("작성 중인 요청은 그대로 남아 있어요");
    expect(buttonRows(note)).toEqual([["▶️ 이어서 하기", "🗑 버리기"]]);
    // Asking again offers the same draft back instead of throwing it away.
    await minji.command("ask");
    await minji.waitFor("작성하다 만 요청이 있어요");
    await minji.press("▶️ 이어서 하기");
    await minji.waitFor((m) => m.text.startsWith("어디인가요?") && m.message_id > note.message_id);
    await minji.command("help");
    await minji.waitFor("doum 사용법");
    await minji.command("language");
    await minji.waitFor("언어를 선택하세요");
    const second = await minji.waitFor((m) => m.text.includes("작성 중인 요청은") && m.message_id > note.message_id);
    await minji.pressIn(second.message_id, "🗑 버리기");
    await minji.waitForEdit(second.message_id, "작성 중인 요청을 버렸어요");
    expect(await requestDrafts()).toEqual([]);
    await minji.command("ask");
    await minji.waitFor("이웃에게 도움을 요청해 볼게요");
  });

  it("a helper registration left for another command is said to be kept; Continue goes on at the same step", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7");
    await ann.send("Handy Ann");
    await ann.waitFor("2/7");
    await ann.command("nearby");
    await ann.waitFor("/nearby shows open requests to approved helpers");
    const note = await ann.waitFor("Your helper registration is kept");
    await ann.pressIn(note.message_id, "▶️ Continue");
    await ann.waitFor((m) => m.text.startsWith("2/7") && m.message_id > note.message_id);
    // Continue means continue: no second "continue where you left off?" question.
    expect(ann.inbox.some((m) => m.text.includes("unfinished helper registration"))).toBe(false);

    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("helper");
    await minji.waitFor("1/7");
    await minji.send("민지 이웃");
    await minji.waitFor("2/7");
    await minji.command("start");
    const koNote = await minji.waitFor("작성 중인 헬퍼 등록은 그대로 남아 있어요");
    await minji.pressIn(koNote.message_id, "🗑 버리기");
    await minji.waitForEdit(koNote.message_id, "작성 중인 등록을 버렸어요");
    const drafts = await world.bot.db.kysely.selectFrom("helper_drafts").select("user_id").execute();
    expect(drafts).toEqual([{ user_id: ann.id }]);
  });

  it("“Apply again” after a rejection starts from the previous application", async () => {
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await registerHelper(ann, { at: SEOUL, profile: "I carry boxes." });
    await admin.command("reject", `${ann.id} please say what tools you have`);
    await ann.waitFor("was not approved");
    await ann.command("profile");
    await ann.waitFor("Reason given: please say what tools you have");
    await ann.press("🙋 Apply again");
    await ann.waitFor("Here is the application you sent before");
    const review = await ann.waitFor("Check your application");
    expect(review.text).toContain("Profile: I carry boxes.");
    expect(ann.inbox.some((m) => m.text.includes("Let's register you") && m.message_id > review.message_id)).toBe(false);
    await ann.pressIn(review.message_id, "✏️ Profile");
    await ann.waitFor((m) => m.text.startsWith("3/7") && m.message_id > review.message_id);
    await ann.send("I carry boxes and have a drill.");
    const again = await ann.waitFor((m) => m.text.includes("Check your application") && m.message_id > review.message_id);
    expect(again.text).toContain("Travel radius: 3 km");
    await ann.pressIn(again.message_id, "✅ Submit");
    await ann.waitFor((m) => m.text.includes("Submitted!") && m.message_id > again.message_id);
    const card = await admin.waitFor((m) => m.text.includes("I carry boxes and have a drill."));
    expect(card.text).toContain(`Helper application #${ann.id}`);

    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("start");
    await minji.next();
    await seedHelperRow(world.bot.db.kysely, { userId: minji.id, at: SEOUL, radiusKm: 5, now: world.bot.clock.now(), status: "rejected" });
    await minji.command("profile");
    await minji.waitFor("내 헬퍼 프로필");
    await minji.press("🙋 다시 신청");
    await minji.waitFor("지난번에 보내신 신청서예요");
    const koReview = await minji.waitFor("신청 내용을 확인하세요");
    expect(koReview.text).toContain(`Helper ${minji.id}`);
  });
});
