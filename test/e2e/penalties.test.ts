import { afterEach, describe, expect, it } from "vitest";
import { postRequest } from "../../src/services/requests/posting.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { SEOUL } from "../support/stories.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { badgesOf, matchThem, seededHelper, started } from "./closing-support.js";

const MINUTE = 60_000;
const ENV = {
  HELPER_CANCEL_GRACE_MINUTES: "10",
  REQUESTER_CANCEL_GRACE_MINUTES: "5",
  PENALTY_LIMIT: "2",
  HELP_BADGES_PER_PENALTY_REMOVAL: "1",
};

describe("penalties", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  const chatRow = (chatId: number) =>
    world.bot.db.kysely.selectFrom("chats").select(["status", "close_reason"]).where("id", "=", chatId).executeTakeFirstOrThrow();
  const requestStatus = async (requestId: number) =>
    (await world.bot.db.kysely.selectFrom("requests").select("status").where("id", "=", requestId).executeTakeFirstOrThrow()).status;

  async function completeBoth(requester: Persona, helper: Persona, description: string) {
    const { requesterCard, helperCard } = await matchThem(world, requester, helper, { description });
    await helper.pressIn(helperCard.message_id, "✅ Complete");
    await helper.waitFor("Waiting for");
    await requester.pressIn(requesterCard.message_id, "✅ Complete");
    await helper.waitFor("You earned one help badge");
  }

  it("a late helper cancel and a no-show each cost a penalty; at the limit /ask and Accept are refused; /redeem removes one", async () => {
    world = await openWorld({ env: ENV });
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    await completeBoth(rita, ann, "Warm-up job.");

    // Inside the grace period the requester cancels for free.
    const early = await matchThem(world, rita, ann, { description: "Early cancel." });
    world.bot.clock.advance(4 * MINUTE);
    await rita.pressIn(early.requesterCard.message_id, "✖️ Cancel");
    const free = await rita.waitFor("You are still inside the grace period, so there is no penalty.");
    await rita.pressIn(free.message_id, "✖️ Yes, end the chat");
    await rita.waitForEdit(free.message_id, "You ended the chat with");
    await ann.waitFor("The requester (");
    expect(await chatRow(early.chatId)).toEqual({ status: "cancelled", close_reason: "requester-cancel" });
    expect(await requestStatus(early.requestId)).toBe("cancelled");

    // The helper cancels after the grace period: a penalty, and the requester is told.
    const late = await matchThem(world, rita, ann, { description: "Late cancel." });
    const cancelData = late.helperCard.raw.reply_markup!.inline_keyboard.flat().find((b) => b.text === "✖️ Cancel")!.callback_data!;
    world.bot.clock.advance(11 * MINUTE);
    await ann.pressIn(late.helperCard.message_id, "✖️ Cancel");
    const costly = await ann.waitFor("The grace period is over: cancelling now gives you one penalty badge.");
    await ann.pressIn(costly.message_id, "✖️ Yes, end the chat");
    await ann.waitForEdit(costly.message_id, "Because it was after the grace period, you got one penalty badge.");
    await ann.waitFor("Penalties: 1 of 2.");
    await rita.waitFor("(your helper) cancelled and the chat ended.");
    // The banner says the chat ended and has no buttons left; a tap from a screen the edit has
    // not reached yet is no longer available and changes nothing.
    await ann.waitForEdit(late.helperCard.message_id, (m) => m.text.includes("has ended") && m.reply_markup === undefined);
    const stale = ann.pressForged(late.helperCard.message_id, cancelData);
    expect((await ann.waitForCallbackAnswer(stale)).text).toBe("This button is no longer available.");

    // Nobody completes: past the request's end (60 min; ETA 10 min) plus 30 min grace, the requester is asked.
    const gone = await matchThem(world, rita, ann, { description: "No-show." });
    world.bot.clock.advance(89 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    world.bot.clock.advance(2 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(1);
    const question = await rita.waitFor("Nobody pressed Complete in time. Did");
    await rita.pressIn(question.message_id, "✖️ No, they did not come");
    await rita.waitForEdit(question.message_id, "did not come. The chat is closed and the helper got a penalty badge.");
    await ann.waitFor("The requester says you did not come");
    const limited = await ann.waitFor("you can no longer post or accept requests");
    expect(limited.text).toContain("With 2 penalties (limit 2)");
    expect(await chatRow(gone.chatId)).toEqual({ status: "closed", close_reason: "no-show" });
    expect(await badgesOf(world, ann.id)).toEqual([
      ["help", 1, "completed"],
      ["penalty", 1, "helper-cancel"],
      ["penalty", 1, "no-show"],
    ]);
    expect(await badgesOf(world, rita.id)).toEqual([]);

    // At the limit: /ask and Accept are refused with the reason.
    await ann.command("ask");
    await ann.waitFor("You cannot post requests now: you have 2 penalty badges (limit 2).");
    const posted = await postRequest(world.bot.app.deps, rita.id, {
      category: "repairs",
      description: "Refused.",
      place: SEOUL,
      validityMinutes: 60,
      fee: 0,
    });
    expect(posted.ok).toBe(true);
    await world.settle();
    // Not told of a request she could not accept; a forged Accept is refused with the reason.
    expect(ann.inbox.some((m) => m.text.includes("Refused."))).toBe(false);
    const accept = ann.pressForged(limited.message_id, `1:acc:${posted.ok ? posted.requestId : 0}:10`);
    expect((await ann.waitForCallbackAnswer(accept)).text).toBe(
      "You have reached the penalty limit, so you cannot accept requests now. /badges shows how to remove a penalty.",
    );
    expect(await world.bot.db.kysely.selectFrom("offers").selectAll().where("status", "=", "active").execute()).toEqual([]);
    await ann.command("badges");
    const badges = await ann.waitFor("Your badges");
    expect(badges.text).toContain("⚠️ Penalties: 2 (limit 2)");
    expect(badges.text).toContain("⛔ You cannot post or accept requests until a penalty is removed.");
    expect(badges.text).toContain("🎁 Prize: 1 of 100 help badges");

    // /redeem asks first, then spends one help badge on one penalty.
    await ann.command("redeem");
    const confirm = await ann.waitFor("Spend 1 of your 1 help badge to remove one of your 2 penalties?");
    await ann.pressIn(confirm.message_id, "✅ Yes, remove one");
    await ann.waitForEdit(confirm.message_id, "One penalty removed. Help badges: 0, penalties: 1.");
    // Below the limit again, she hears at once of the open request near her.
    const notice = await ann.waitFor("Refused.");
    await ann.command("redeem");
    await ann.waitFor("Removing a penalty takes 1 help badge; you have 0.");
    expect(await badgesOf(world, ann.id)).toEqual([
      ["help", 1, "completed"],
      ["penalty", 1, "helper-cancel"],
      ["penalty", 1, "no-show"],
      ["help", -1, "redeemed"],
      ["penalty", -1, "redeemed"],
    ]);
    // Her Accept now goes through.
    await ann.pressIn(notice.message_id, "10 min");
    await rita.waitFor("🙋");
    expect(await world.bot.db.kysely.selectFrom("offers").select("helper_id").where("status", "=", "active").execute()).toHaveLength(1);
    await world.settle();
    expectNoIdentityLeak(world, rita, ann);
  });

  it("in Korean: a late requester cancel tells the helper and costs the requester; “came” completes the chat", async () => {
    world = await openWorld({ env: ENV });
    const minji = await started(world, "민지", "ko");
    const jun = await started(world, "준호", "ko");
    await seededHelper(world, jun);

    const late = await matchThem(world, minji, jun, { description: "늦은 취소", requesterLanguage: "ko", helperLanguage: "ko" });
    world.bot.clock.advance(6 * MINUTE);
    await minji.pressIn(late.requesterCard.message_id, "✖️ 취소");
    const costly = await minji.waitFor("유예 시간이 지나서 지금 취소하면 벌점 배지 1개를 받아요.");
    await minji.pressIn(costly.message_id, "✖️ 네, 대화를 끝낼게요");
    await minji.waitForEdit(costly.message_id, "유예 시간이 지난 뒤라 벌점 배지 1개를 받았어요.");
    await minji.waitFor("벌점: 1/2");
    await jun.waitFor("취소해서 대화가 끝났어요");
    expect(await badgesOf(world, minji.id)).toEqual([["penalty", 1, "requester-cancel"]]);
    expect(await badgesOf(world, jun.id)).toEqual([]);

    const slow = await matchThem(world, minji, jun, { description: "왔어요", requesterLanguage: "ko", helperLanguage: "ko" });
    world.bot.clock.advance(91 * MINUTE);
    await world.bot.app.runDueDeadlines();
    const question = await minji.waitFor("도우러 왔나요?");
    await minji.pressIn(question.message_id, "✅ 네, 왔어요");
    await minji.waitForEdit(question.message_id, "대화가 완료되었어요");
    await minji.waitFor("1부터 5까지 평가해 주세요");
    await jun.waitFor("도움 배지 1개를 받았어요");
    expect(await chatRow(slow.chatId)).toEqual({ status: "completed", close_reason: "came" });
    expect(await requestStatus(slow.requestId)).toBe("completed");
    expect(await badgesOf(world, jun.id)).toEqual([["help", 1, "completed"]]);
    await world.settle();
    expectNoIdentityLeak(world, minji, jun);
  });
});
