import { afterEach, describe, expect, it } from "vitest";
import { creditsOf } from "../../src/services/ledger.js";
import { startBot } from "../support/bot.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { badgesOf, ledgerOf, matchThem, seededHelper, started } from "./closing-support.js";

const ADMIN_ID = 900_301;
const MINUTE = 60_000;

describe("completing a chat", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("both sides press Complete, with double taps: one help badge, one fee transfer; the next offer card shows the count, rating, comment and the requester's own colour", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    await admin.command("credit", `${rita.id} +20 paid at the desk`);
    await rita.waitFor("Balance: 20 credits");

    const { requesterCard, helperCard, chatId, requestId } = await matchThem(world, rita, ann, { fee: 10 });
    expect(requesterCard.text).toContain("When you have met and the job is done, both of you press Complete.");

    // The helper taps twice: the second changes nothing and says so.
    const first = await ann.pressIn(helperCard.message_id, "✅ Complete");
    await ann.waitForCallbackAnswer(first);
    const waiting = await ann.waitFor("Waiting for");
    expect(waiting.text).toContain(
      "They are reminded in 1 h; if they stay silent for 24 h after your Complete, the chat completes on your word.",
    );
    const again = await ann.pressIn(helperCard.message_id, "✅ Complete");
    expect((await ann.waitForCallbackAnswer(again)).text).toBe("You already pressed Complete.");

    // The requester taps twice at once.
    const [a, b] = [
      await rita.pressIn(requesterCard.message_id, "✅ Complete"),
      await rita.pressIn(requesterCard.message_id, "✅ Complete"),
    ];
    await rita.waitForCallbackAnswer(a);
    await rita.waitForCallbackAnswer(b);
    const done = await rita.waitFor("is completed");
    expect(done.text).toContain("The fee of 10 credits, held since you posted, is paid out: 9 to the helper.");
    expect(done.text).toContain("1 credit went to the donation pool");
    const annDone = await ann.waitFor("is completed");
    expect(annDone.text).toContain("You earned one help badge.");
    expect(annDone.text).toContain("You received 9 credits of the fee.");
    await world.settle();

    expect(await badgesOf(world, ann.id)).toEqual([["help", 1, "completed"]]);
    expect(await badgesOf(world, rita.id)).toEqual([]);
    // Held at posting, paid out once: 9 to the helper, the 10 % share to the donation pool.
    expect(await ledgerOf(world, requestId)).toEqual([
      [`user:${rita.id}`, -10, "fee-held"],
      ["escrow", 10, "fee-held"],
      ["escrow", -10, "fee-settled"],
      [`user:${ann.id}`, 9, "fee-received"],
      ["donation-pool", 1, "platform-share"],
    ]);
    const request = await db.selectFrom("requests").select("status").where("id", "=", requestId).executeTakeFirstOrThrow();
    expect(request.status).toBe("completed");
    const chat = await db.selectFrom("chats").select(["status", "close_reason"]).where("id", "=", chatId).executeTakeFirstOrThrow();
    expect(chat).toEqual({ status: "completed", close_reason: "both" });
    // The hold ended exactly as the fee moved: Rita has 10 left to offer, Ann 9 to spend.
    expect(await creditsOf(db, rita.id)).toEqual({ balance: 10, reserved: 0, available: 10 });
    expect(await creditsOf(db, ann.id)).toEqual({ balance: 9, reserved: 0, available: 9 });
    await rita.command("badges");
    await rita.waitFor("Help badges: 0");
    expect(rita.inbox.filter((m) => m.text.includes("is completed"))).toHaveLength(1);
    expect(rita.inbox.filter((m) => m.text.includes("Rate from 1 to 5"))).toHaveLength(1);

    // Rita rates, marks Ann green (explained as private and not a block) and comments.
    const rate = rita.inbox.find((m) => m.text.includes("Rate from 1 to 5"))!;
    await rita.pressIn(rate.message_id, "5 ⭐");
    const mark = await rita.waitForEdit(rate.message_id, "Only you will see this colour next time — it does not block anyone.");
    expect(mark.text).toContain("A colour for");
    await rita.pressIn(rate.message_id, "🟢 Green");
    await rita.waitForEdit(rate.message_id, "Add a short comment");
    await rita.send("x".repeat(301));
    await rita.waitFor("longer than 300 characters");
    await rita.send("Kind & quick <3");
    await rita.waitFor("your comment is saved");
    // Ann rates Rita and skips the comment; her view of Rita stays hers.
    const annRate = await ann.waitFor("Rate from 1 to 5");
    await ann.pressIn(annRate.message_id, "4 ⭐");
    await ann.waitForEdit(annRate.message_id, "A colour for");
    await ann.pressIn(annRate.message_id, "🔴 Red");
    await ann.waitForEdit(annRate.message_id, "Add a short comment");
    await ann.pressIn(annRate.message_id, "Skip");
    await ann.waitForEdit(annRate.message_id, "Thanks for your rating.");
    await world.settle();
    const reviews = await db.selectFrom("reviews").select(["author_id", "rating", "mark", "comment"]).orderBy("id").execute();
    expect(reviews.map((r) => [Number(r.author_id), r.rating, r.mark, r.comment])).toEqual([
      [rita.id, 5, "green", "Kind & quick <3"],
      [ann.id, 4, "red", null],
    ]);

    // A later request: Ann's offer card carries her record, and Rita's own colour for her.
    const next = await matchThem(world, rita, ann, { description: "Hold a ladder." });
    expect(next.offerText).toContain("🏅 Completed helps: 1 · help badges: 1");
    expect(next.offerText).toContain("⭐ 5.0 (1 rating)");
    expect(next.offerText).toContain("💬 “Kind & quick <3”");
    expect(next.offerText).toContain("🟢 Your colour for this helper: Green (only you see it)");
    await ann.command("badges");
    const badges = await ann.waitFor("Your badges");
    expect(badges.text).toContain("🏅 Help badges: 1");
    expect(badges.text).toContain("+1 help — a completed help");
    await ann.command("profile");
    const profile = await ann.waitFor("Completed helps");
    expect(profile.text).toContain("⭐ 5.0 (1 rating)");
    expect(profile.text).not.toContain("Your colour");
    await world.settle();
    expectNoIdentityLeak(world, rita, ann);
  });

  it("one side confirms: the other is reminded, then the chat completes on the first side's word (Korean)", async () => {
    world = await openWorld({ env: { COMPLETION_REMINDER_MINUTES: "30", COMPLETION_TIMEOUT_MINUTES: "120" } });
    const minji = await started(world, "민지", "ko");
    const jun = await started(world, "준JunTG", "ko");
    await seededHelper(world, jun);
    const { helperCard, chatId, requestId } = await matchThem(world, minji, jun, { requesterLanguage: "ko", helperLanguage: "ko" });

    await jun.pressIn(helperCard.message_id, "✅ 완료");
    const waiting = await jun.waitFor("기다리고 있어요");
    expect(waiting.text).toContain("30분 뒤에 상대에게 다시 알려 드리고, 완료를 누른 뒤 2시간 동안 답이 없으면 내 확인만으로 완료돼요.");

    world.bot.clock.advance(29 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    world.bot.clock.advance(1 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(1);
    const reminder = await minji.waitFor("완료를 눌렀어요");
    expect(reminder.text).toContain("답이 없으면 90분 뒤 상대의 확인만으로 완료돼요.");
    // Only the alias: never the Telegram name.
    expect(reminder.text).not.toContain("JunTG");

    world.bot.clock.advance(90 * MINUTE);
    await world.bot.app.runDueDeadlines();
    const closed = await minji.waitFor("한쪽이 확인했고 다른 쪽은 답이 없었어요");
    expect(closed.text).toContain("대화가 완료되었어요");
    await jun.waitFor("도움 배지 1개를 받았어요");
    // The review in Korean: a rating, the private colour explained, a comment.
    const rate = await minji.waitFor("1부터 5까지 평가해 주세요");
    await minji.pressIn(rate.message_id, "4 ⭐");
    await minji.waitForEdit(rate.message_id, "다음에 나만 이 색을 보게 돼요. 차단은 아니에요.");
    await minji.pressIn(rate.message_id, "🟡 노랑");
    await minji.waitForEdit(rate.message_id, "짧은 후기를 남길까요?");
    await minji.send("조금 늦었지만 친절했어요");
    await minji.waitFor("후기가 저장되었어요");
    await jun.command("badges");
    const badges = await jun.waitFor("내 배지");
    expect(badges.text).toContain("🏅 도움 배지: 1");
    expect(badges.text).toContain("도움 +1 — 완료한 도움");
    await jun.command("profile");
    const profile = await jun.waitFor("완료한 도움: 1");
    expect(profile.text).toContain("⭐ 4.0 (평가 1개)");
    expect(profile.text).toContain("💬 “조금 늦었지만 친절했어요”");
    expect(profile.text).not.toContain("내가 남긴 색");
    // The timer fires once, also if run again.
    world.bot.clock.advance(24 * 60 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    await world.settle();
    expect(await badgesOf(world, jun.id)).toEqual([["help", 1, "completed"]]);
    const chat = await world.bot.db.kysely
      .selectFrom("chats")
      .select(["status", "close_reason"])
      .where("id", "=", chatId)
      .executeTakeFirstOrThrow();
    expect(chat).toEqual({ status: "completed", close_reason: "one-side" });
    expect(await ledgerOf(world, requestId)).toEqual([]);
    expectNoIdentityLeak(world, minji, jun);
  });

  it("a completion timeout that falls while the bot is down fires once after the restart", async () => {
    const env = { COMPLETION_REMINDER_MINUTES: "10", COMPLETION_TIMEOUT_MINUTES: "20" };
    world = await openWorld({ env });
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    const { requesterCard, chatId } = await matchThem(world, rita, ann);
    await rita.pressIn(requesterCard.message_id, "✅ Complete");
    await rita.waitFor("Waiting for");
    await world.settle();
    const { databaseUrl, clock } = world.bot;
    await world.bot.stop();

    clock.advance(25 * MINUTE);
    world.bot = await startBot(world.fake, { databaseUrl, clock, env });
    await ann.waitFor("one side confirmed and the other stayed silent");
    await rita.waitFor("one side confirmed and the other stayed silent");
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    await world.settle();
    // A reminder of a timeout already past would promise what no longer holds.
    expect(ann.inbox.some((m) => m.text.includes("If you stay silent"))).toBe(false);
    expect(await badgesOf(world, ann.id)).toEqual([["help", 1, "completed"]]);
    const chat = await world.bot.db.kysely.selectFrom("chats").select("status").where("id", "=", chatId).executeTakeFirstOrThrow();
    expect(chat.status).toBe("completed");
    const timers = await world.bot.db.kysely
      .selectFrom("deadlines")
      .select(["kind", "state"])
      .where("subject_id", "=", chatId)
      .orderBy("id")
      .execute();
    expect(timers).toEqual(
      expect.arrayContaining([
        { kind: "completion-reminder", state: "done" },
        { kind: "completion-timeout", state: "done" },
        { kind: "no-show-check", state: "cancelled" },
      ]),
    );
    expectNoIdentityLeak(world, rita, ann);
  });

  it("reaching the prize threshold tells the helper and every admin once", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${ADMIN_ID},${ADMIN_ID + 1}`, PRIZE_THRESHOLD: "2" } });
    const admins = [await started(world, "Admin", "en", ADMIN_ID), await started(world, "관리자", "ko", ADMIN_ID + 1)];
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    for (const description of ["First job.", "Second job.", "Third job."]) {
      const { requesterCard, helperCard } = await matchThem(world, rita, ann, { description });
      await ann.pressIn(helperCard.message_id, "✅ Complete");
      await ann.waitFor("Waiting for");
      await rita.pressIn(requesterCard.message_id, "✅ Complete");
      await rita.waitFor("is completed");
      await ann.waitFor("You earned one help badge");
    }
    await world.settle();
    expect(ann.inbox.filter((m) => m.text.includes("You reached 2 help badges — that earns a prize!"))).toHaveLength(1);
    expect(admins[0]!.inbox.filter((m) => m.text.includes("reached 2 help badges: a prize is due."))).toHaveLength(1);
    expect(admins[1]!.inbox.filter((m) => m.text.includes("도움 배지 2개 달성"))).toHaveLength(1);
    expect(rita.inbox.some((m) => m.text.includes("prize"))).toBe(false);
    expectNoIdentityLeak(world, rita, ann);
  });
});
