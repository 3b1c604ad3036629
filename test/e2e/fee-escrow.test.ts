import { afterEach, describe, expect, it } from "vitest";
import { createBoard } from "../../src/services/boards.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { accountBalances, ledgerProblems } from "../support/ledger.js";
import { SEOUL } from "../support/stories.js";
import { ledgerOf, matchThem, seededHelper, started } from "./closing-support.js";

const ADMIN_ID = 900_401;
const MINUTE = 60_000;

/** /balance as the user reads it: the three figures and the history lines without their dates. */
async function balanceOf(persona: Persona, title: string) {
  await persona.command("balance");
  const card = await persona.waitFor(title);
  const lines = card.text.split("\n");
  return {
    figures: lines.slice(1, 4),
    history: lines.filter((l) => l.startsWith("• ")).map((l) => l.replace(/^• \S+ \S+ /, "")),
  };
}

const post = (world: World, requesterId: number, fee: number, description: string) =>
  postRequest(world.bot.app.deps, requesterId, { category: "repairs", description, place: SEOUL, validityMinutes: 60, fee });

describe("fees held in escrow", () => {
  let world: World;
  afterEach(async () => {
    // Whatever the story did, the ledger balances and nobody's account is below zero.
    expect(await ledgerProblems(world.bot.db.kysely)).toEqual([]);
    await world.close();
  });

  async function granted(persona: Persona, credits: number, admin: Persona) {
    await admin.command("credit", `${persona.id} +${credits} paid at the desk`);
    await admin.waitFor(`(id ${persona.id}) now has`);
  }

  it("held on posting through the scene; paid on completion minus the 10 % share (rounded down), seen in both /balance and the pool", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    await granted(rita, 30, admin);

    await rita.command("ask");
    await rita.waitFor("What do you need help with?");
    await rita.press("Repairs");
    await rita.waitFor("Describe what you need");
    await rita.send("Hang a heavy mirror.");
    await rita.waitFor("Where?");
    await rita.press("📍 Send my location", { location: SEOUL });
    await rita.waitFor("How long should the request stay open?");
    await rita.press("1 h");
    await rita.waitFor("Would you like to offer a fee");
    await rita.send("15");
    await rita.waitFor("Check your request");
    await rita.press("📣 Post");
    await rita.waitFor("Posted");
    const request = await world.bot.db.kysely
      .selectFrom("requests")
      .select("id")
      .where("requester_id", "=", rita.id)
      .executeTakeFirstOrThrow();
    const requestId = Number(request.id);

    // The fee left Rita's account for escrow in the posting's transaction.
    expect(await ledgerOf(world, requestId)).toEqual([
      [`user:${rita.id}`, -15, "fee-held"],
      ["escrow", 15, "fee-held"],
    ]);
    expect(await balanceOf(rita, "Your credits")).toEqual({
      figures: ["💰 Free to offer as fees: 15", "🔒 Held for your open or matched requests: 15", "Balance: 30"],
      history: [`-15 — fee held for request #${requestId}`, "+30 — from an admin: paid at the desk"],
    });

    // Ann offers, Rita chooses, both press Complete.
    const notice = await ann.waitFor("Hang a heavy mirror.");
    await ann.pressIn(notice.message_id, "10 min");
    const offer = await rita.waitFor("🙋");
    await rita.pressIn(offer.message_id, /^✅ Choose/);
    const ritaCard = await rita.waitFor("both of you press");
    const annCard = await ann.waitFor("both of you press");
    await ann.pressIn(annCard.message_id, "✅ Complete");
    await ann.waitFor("Waiting for");
    await rita.pressIn(ritaCard.message_id, "✅ Complete");
    const done = await rita.waitFor("is completed");
    expect(done.text).toContain("The fee of 15 credits, held since you posted, is paid out: 14 to the helper.");
    expect(done.text).toContain("1 credit went to the donation pool, which backs the help badges given to donation boards.");
    const annDone = await ann.waitFor("is completed");
    expect(annDone.text).toContain("You received 14 credits of the fee.");
    expect(annDone.text).toContain("1 credit went to the donation pool");
    await world.settle();

    const rows = await world.bot.db.kysely
      .selectFrom("ledger_entries")
      .select(["account", "amount", "reason", "note"])
      .where("subject", "=", `request:${requestId}`)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.account, Number(r.amount), r.reason, r.note])).toEqual([
      [`user:${rita.id}`, -15, "fee-held", null],
      ["escrow", 15, "fee-held", null],
      ["escrow", -15, "fee-settled", null],
      [`user:${ann.id}`, 14, "fee-received", null],
      // The rounding is written down where it happened.
      ["donation-pool", 1, "platform-share", "10% of 15 = 1.5, rounded down to 1"],
    ]);
    expect(await balanceOf(rita, "Your credits")).toEqual({
      figures: ["💰 Free to offer as fees: 15", "🔒 Held for your open or matched requests: 0", "Balance: 15"],
      history: [`-15 — fee for request #${requestId}, held, then paid to the helper`, "+30 — from an admin: paid at the desk"],
    });
    expect(await balanceOf(ann, "Your credits")).toEqual({
      figures: ["💰 Free to offer as fees: 14", "🔒 Held for your open or matched requests: 0", "Balance: 14"],
      history: [`+14 — fee received for request #${requestId}`],
    });
    const balances = await accountBalances(world.bot.db.kysely);
    expect([balances.get("escrow"), balances.get("donation-pool"), balances.get("grants")]).toEqual([0, 1, -30]);
  });

  it("in Korean: the expiry returns the fee, told with the expiry and shown in /balance", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const minji = await started(world, "민지", "ko");
    await granted(minji, 10, admin);
    const posted = await post(world, minji.id, 10, "택배 옮기기");
    if (!posted.ok) throw new Error(posted.reason);
    expect(await balanceOf(minji, "내 크레딧")).toMatchObject({
      figures: ["💰 사례금으로 쓸 수 있는 크레딧: 0", "🔒 열린 요청이나 매칭된 요청에 잡혀 있는 크레딧: 10", "잔액: 10"],
    });

    world.bot.clock.advance(61 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBeGreaterThanOrEqual(1);
    const expired = await minji.waitFor("요청이 닫혔어요");
    expect(expired.text).toContain("사례금 10 크레딧을 돌려받았어요.");
    // Fired again (a restart mid-pass): nothing more comes back.
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    expect(await ledgerOf(world, posted.requestId)).toEqual([
      [`user:${minji.id}`, -10, "fee-held"],
      ["escrow", 10, "fee-held"],
      ["escrow", -10, "fee-settled"],
      [`user:${minji.id}`, 10, "fee-returned"],
    ]);
    expect(await balanceOf(minji, "내 크레딧")).toEqual({
      figures: ["💰 사례금으로 쓸 수 있는 크레딧: 10", "🔒 열린 요청이나 매칭된 요청에 잡혀 있는 크레딧: 0", "잔액: 10"],
      history: [
        `+10 — 요청 #${posted.requestId} 사례금 돌려받음`,
        `-10 — 요청 #${posted.requestId} 사례금 맡김`,
        "+10 — 관리자 지급 · 사유: paid at the desk",
      ],
    });
  });

  it("cancelling an open request returns its fee; a helper who cancels a matched chat late returns it too", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    await granted(rita, 20, admin);

    const open = await post(world, rita.id, 8, "Water the plants.");
    if (!open.ok) throw new Error(open.reason);
    await ann.waitFor("Water the plants.");
    await rita.command("requests");
    const list = await rita.waitFor("Your requests");
    await rita.pressIn(list.message_id, "✖️ Cancel #1");
    await rita.waitForEdit(list.message_id, "✖️ Cancelled");
    expect(await ledgerOf(world, open.requestId)).toEqual([
      [`user:${rita.id}`, -8, "fee-held"],
      ["escrow", 8, "fee-held"],
      ["escrow", -8, "fee-settled"],
      [`user:${rita.id}`, 8, "fee-returned"],
    ]);

    const matched = await matchThem(world, rita, ann, { fee: 12, description: "Fix the tap." });
    world.bot.clock.advance(11 * MINUTE);
    await ann.pressIn(matched.helperCard.message_id, "✖️ Cancel");
    const costly = await ann.waitFor("The grace period is over");
    // The helper's cancel costs the helper a penalty, never the requester's fee.
    expect(costly.text).not.toContain("Of the fee");
    await ann.pressIn(costly.message_id, "✖️ Yes, end the chat");
    await ann.waitForEdit(costly.message_id, "you got one penalty badge");
    const told = await rita.waitFor("(your helper) cancelled and the chat ended.");
    expect(told.text).toContain("The fee of 12 credits came back to you.");
    expect(await ledgerOf(world, matched.requestId)).toEqual([
      [`user:${rita.id}`, -12, "fee-held"],
      ["escrow", 12, "fee-held"],
      ["escrow", -12, "fee-settled"],
      [`user:${rita.id}`, 12, "fee-returned"],
    ]);
    const balance = await balanceOf(rita, "Your credits");
    expect(balance.figures).toEqual(["💰 Free to offer as fees: 20", "🔒 Held for your open or matched requests: 0", "Balance: 20"]);
    expect(balance.history.slice(0, 2)).toEqual([
      `+12 — fee returned for request #${matched.requestId}`,
      `-12 — fee held for request #${matched.requestId}`,
    ]);
  });

  it("a no-show returns the fee to the requester", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    await granted(rita, 10, admin);

    const gone = await matchThem(world, rita, ann, { fee: 10, description: "Walk the dog." });
    world.bot.clock.advance(91 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(1);
    const question = await rita.waitFor("Nobody pressed Complete in time. Did");
    await rita.pressIn(question.message_id, "✖️ No, they did not come");
    const recorded = await rita.waitForEdit(question.message_id, "did not come.");
    expect(recorded.text).toContain("The fee of 10 credits came back to you.");
    await ann.waitFor("The requester says you did not come");
    expect(await ledgerOf(world, gone.requestId)).toEqual([
      [`user:${rita.id}`, -10, "fee-held"],
      ["escrow", 10, "fee-held"],
      ["escrow", -10, "fee-settled"],
      [`user:${rita.id}`, 10, "fee-returned"],
    ]);
    expect((await balanceOf(ann, "Your credits")).figures).toContain("💰 Free to offer as fees: 0");
  });

  it("in Korean: a requester who cancels late pays the helper the configured part (here 30 %, rounded down) and gets the rest back", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID), LATE_CANCEL_FEE_PERCENT: "30" } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const minji = await started(world, "민지", "ko");
    const jun = await started(world, "준호", "ko");
    await seededHelper(world, jun);
    await granted(minji, 15, admin);

    const late = await matchThem(world, minji, jun, { fee: 15, description: "늦은 취소", requesterLanguage: "ko", helperLanguage: "ko" });
    world.bot.clock.advance(11 * MINUTE);
    await minji.pressIn(late.requesterCard.message_id, "✖️ 취소");
    const confirm = await minji.waitFor("유예 시간이 지나서 지금 취소하면 벌점 배지 1개를 받아요.");
    expect(confirm.text).toContain("사례금 중 4 크레딧은 출발한 헬퍼에게 가고, 나머지는 돌려받아요.");
    await minji.pressIn(confirm.message_id, "✖️ 네, 대화를 끝낼게요");
    const ended = await minji.waitForEdit(confirm.message_id, "벌점 배지 1개를 받았어요.");
    expect(ended.text).toContain("사례금 중 4 크레딧은 출발한 헬퍼에게 가고 11 크레딧은 돌려받았어요.");
    const told = await jun.waitFor("취소해서 대화가 끝났어요");
    expect(told.text).toContain("출발해 주신 몫으로 사례금 중 4 크레딧이 들어왔어요.");
    expect(await ledgerOf(world, late.requestId)).toEqual([
      [`user:${minji.id}`, -15, "fee-held"],
      ["escrow", 15, "fee-held"],
      ["escrow", -15, "fee-settled"],
      [`user:${jun.id}`, 4, "cancel-fee"],
      [`user:${minji.id}`, 11, "fee-returned"],
    ]);
    expect(await balanceOf(jun, "내 크레딧")).toEqual({
      figures: ["💰 사례금으로 쓸 수 있는 크레딧: 4", "🔒 열린 요청이나 매칭된 요청에 잡혀 있는 크레딧: 0", "잔액: 4"],
      history: [`+4 — 요청 #${late.requestId} 늦은 취소로 받은 사례금 일부`],
    });
    expect((await balanceOf(minji, "내 크레딧")).figures).toEqual([
      "💰 사례금으로 쓸 수 있는 크레딧: 11",
      "🔒 열린 요청이나 매칭된 요청에 잡혀 있는 크레딧: 0",
      "잔액: 11",
    ]);
  });

  it("badges given to a board are backed from the donation pool as far as it holds; admins see the credits behind the board and the pool, donors what they saw before", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID), PLATFORM_SHARE_PERCENT: "20", BADGE_CREDIT_VALUE: "3" } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    await granted(rita, 40, admin);
    const boardId = await createBoard(world.bot.app.deps, ADMIN_ID, {
      organisation: "River School",
      title: "Books",
      needed: "Picture books.",
      goal: 100,
      photoFileId: null,
    });

    // Two completed helps: 20 % of 10 twice puts 4 credits in the pool, and Ann holds 2 help badges.
    for (const description of ["First job.", "Second job."]) {
      const m = await matchThem(world, rita, ann, { fee: 10, description });
      await ann.pressIn(m.helperCard.message_id, "✅ Complete");
      await ann.waitFor("Waiting for");
      await rita.pressIn(m.requesterCard.message_id, "✅ Complete");
      await ann.waitFor((msg) => msg.text.includes("is completed") && msg.text.includes("2 credits went to the donation pool"));
      await world.settle();
    }

    // Ann gives 2 badges: worth 6 credits, the pool holds 4, so 4 back them.
    await ann.command("boards");
    await ann.pressIn((await ann.waitFor("Donation boards")).message_id, "Books");
    const page = await ann.waitFor("🏠 River School");
    expect(page.text).not.toContain("Credits behind");
    await ann.pressIn(page.message_id, "🏅 Give 1");
    const confirm = await ann.waitFor("Give 1 of your 2 help badges");
    await ann.pressIn(confirm.message_id, "✅ Yes, give 1");
    await ann.waitForEdit(confirm.message_id, "Help badges left: 1.");
    await ann.pressIn(page.message_id, "🏅 Give 1");
    const again = await ann.waitFor("Give 1 of your 1 help badge");
    await ann.pressIn(again.message_id, "✅ Yes, give 1");
    await ann.waitForEdit(again.message_id, "Help badges left: 0.");

    const gifts = await world.bot.db.kysely
      .selectFrom("ledger_entries")
      .select(["account", "amount", "note"])
      .where("reason", "=", "badge-backing")
      .orderBy("id")
      .execute();
    expect(gifts.map((g) => [g.account, Number(g.amount), g.note])).toEqual([
      ["donation-pool", -3, "1 × 3 = 3, backed 3"],
      [`board:${boardId}`, 3, "1 × 3 = 3, backed 3"],
      ["donation-pool", -1, "1 × 3 = 3, backed 1"],
      [`board:${boardId}`, 1, "1 × 3 = 3, backed 1"],
    ]);

    await admin.command("boards");
    await admin.pressIn((await admin.waitFor("Donation boards")).message_id, "Books");
    const adminPage = await admin.waitFor("🏠 River School");
    expect(adminPage.text).toContain("💳 Credits behind this board's badges: 4 (donation pool now: 0)");
    // Rita's 40: 20 paid in fees; Ann holds 16, the pool's 4 are behind the board.
    const balances = await accountBalances(world.bot.db.kysely);
    expect([
      balances.get(`user:${rita.id}`),
      balances.get(`user:${ann.id}`),
      balances.get("donation-pool"),
      balances.get(`board:${boardId}`),
    ]).toEqual([20, 16, 0, 4]);
  });
});
