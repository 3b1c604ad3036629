import { afterEach, describe, expect, it } from "vitest";
import { createBoard } from "../../src/services/boards.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { accountBalances, ledgerProblems } from "../support/ledger.js";
import { SEOUL } from "../support/stories.js";
import { matchThem, seededHelper, started } from "./closing-support.js";

/**
 * A day of credits through the real bot, several people at once: grants and a debit by an admin,
 * a card top-up, fees held on posting and settled by every ending a request can have (completion
 * with the platform share, a withdrawn request, expiry, a helper's late cancel, a no-show, a
 * requester's late cancel), and a gift to a board backed from the donation pool. Afterwards the
 * ledger agrees with itself (every account sums with the others to zero, no account a user or a
 * board owns is below zero, escrow holds nothing) and with what each user reads in /balance.
 */
const ADMIN_ID = 900_471;
const MINUTE = 60_000;
const PROVIDER = "284685063:TEST:ledger-day";
const ENV = {
  ADMIN_IDS: String(ADMIN_ID),
  PAYMENT_PROVIDER_TOKEN: PROVIDER,
  PAYMENT_CURRENCY: "KRW",
  TOPUP_AMOUNTS: "10,30",
  CREDIT_PRICE: "1000",
};

/** The ledger balance line of /balance, in the user's language. */
async function balanceLine(persona: Persona, language: "en" | "ko"): Promise<string> {
  await persona.command("balance");
  const card = await persona.waitFor(language === "en" ? "Your credits" : "내 크레딧");
  return card.text
    .split("\n")
    .find((l) => /^(Balance|잔액)/.test(l.trim()))!
    .trim();
}

describe("a day of credits", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("every movement of a busy day balances: the ledger sums to zero, nobody is below zero, and /balance says what the rows say", async () => {
    world = await openWorld({ env: ENV });
    world.fake.providerToken = PROVIDER;
    const db = world.bot.db.kysely;
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const [rita, minji, paula, sam] = await Promise.all([
      started(world, "Rita", "en"),
      started(world, "Minji", "ko"),
      started(world, "Paula", "en"),
      started(world, "Sam", "en"),
    ]);
    const [ann, jun, leo] = await Promise.all([started(world, "Ann", "en"), started(world, "Jun", "ko"), started(world, "Leo", "en")]);
    for (const helper of [ann, jun, leo]) await seededHelper(world, helper);
    const boardId = await createBoard(world.bot.app.deps, ADMIN_ID, {
      organisation: "River School",
      title: "Books",
      needed: "Picture books.",
      goal: 50,
      photoFileId: null,
    });

    // Morning: credits come in — grants and a debit by the admin, a card top-up — all at once.
    const grant = async (persona: Persona, amount: string) => {
      await admin.command("credit", `${persona.id} ${amount} counter`);
      await admin.waitFor(`(id ${persona.id}) now has`);
    };
    const topUp = async () => {
      await paula.command("topup");
      const offer = await paula.waitFor("How many credits would you like to buy?");
      await paula.pressIn(offer.message_id, "30 credits — ₩30,000");
      const invoice = await paula.waitFor((m) => m.raw.invoice !== undefined);
      await world.fake.pay(paula, invoice.message_id);
      await paula.waitFor("✅ Payment received: +30 credits.");
    };
    await grant(rita, "+40");
    await grant(minji, "+30");
    await grant(sam, "+10");
    await Promise.all([topUp(), grant(sam, "-3")]);

    // Three requests with fees matched at the same time, and two more that nobody takes.
    const [a, b] = await Promise.all([
      matchThem(world, rita, ann, { fee: 15, description: "Carry a wardrobe upstairs." }),
      matchThem(world, minji, jun, { fee: 10, description: "냉장고 옮기기", requesterLanguage: "ko", helperLanguage: "ko" }),
      matchThem(world, paula, leo, { fee: 20, description: "Fix a dripping tap." }),
    ]);
    const expiring = await postRequest(world.bot.app.deps, sam.id, {
      category: "repairs",
      description: "Paint a fence.",
      place: SEOUL,
      validityMinutes: 30,
      fee: 5,
    });
    expect(expiring.ok).toBe(true);
    const withdrawn = await postRequest(world.bot.app.deps, rita.id, {
      category: "repairs",
      description: "Move a sofa.",
      place: SEOUL,
      validityMinutes: 60,
      fee: 5,
    });
    expect(withdrawn.ok).toBe(true);
    await world.settle();

    // Rita withdraws her second request; she and Ann complete the first, while Jun cancels late.
    world.bot.clock.advance(11 * MINUTE);
    const withdraw = async () => {
      await rita.command("requests");
      const list = await rita.waitFor("Your requests");
      await rita.pressIn(list.message_id, /^✖️ Cancel #/);
      await rita.waitForEdit(list.message_id, "✖️ Cancelled");
    };
    const complete = async () => {
      await ann.pressIn(a.helperCard.message_id, "✅ Complete");
      await ann.waitFor("Waiting for");
      await rita.pressIn(a.requesterCard.message_id, "✅ Complete");
      await ann.waitFor("is completed");
    };
    const helperCancels = async () => {
      await jun.pressIn(b.helperCard.message_id, "✖️ 취소");
      const confirm = await jun.waitFor("벌점 배지");
      await jun.pressIn(confirm.message_id, /^✖️ 네/);
      await minji.waitFor("대화가 끝났어요");
    };
    await Promise.all([withdraw(), complete(), helperCancels()]);

    // Minji asks again, chooses Ann, and cancels past the grace period: half the fee goes to Ann.
    const late = await matchThem(world, minji, ann, {
      fee: 10,
      description: "책장 조립",
      requesterLanguage: "ko",
      helperLanguage: "en",
    });
    world.bot.clock.advance(11 * MINUTE);
    await minji.pressIn(late.requesterCard.message_id, "✖️ 취소");
    const confirm = await minji.waitFor("유예 시간이 지나서");
    await minji.pressIn(confirm.message_id, "✖️ 네, 대화를 끝낼게요");
    await minji.waitForEdit(confirm.message_id, "벌점 배지 1개를 받았어요.");

    // Afternoon: Sam's request expires; Paula is asked about Leo, who never came.
    world.bot.clock.advance(91 * MINUTE);
    await world.bot.app.runDueDeadlines();
    await sam.waitFor("closed: nobody was chosen in time");
    const question = await paula.waitFor("Did");
    await paula.pressIn(question.message_id, "✖️ No, they did not come");
    await paula.waitForEdit(question.message_id, "did not come.");

    // Ann gives her help badge to the board, backed by the credit the pool took from her fee.
    await ann.command("boards");
    await ann.pressIn((await ann.waitFor("Donation boards")).message_id, "Books");
    const page = await ann.waitFor("🏠 River School");
    await ann.pressIn(page.message_id, "🏅 Give 1");
    const gift = await ann.waitFor("Give 1 of your 1 help badge");
    await ann.pressIn(gift.message_id, "✅ Yes, give 1");
    await ann.waitForEdit(gift.message_id, "Help badges left: 0.");
    await world.settle();

    // The rows: all accounts sum to zero, nobody below zero, escrow empty, every movement balanced.
    expect(await ledgerProblems(db)).toEqual([]);
    const balances = await accountBalances(db);
    const expected = new Map<string, number>([
      [`user:${rita.id}`, 40 - 15], // the withdrawn fee came back
      [`user:${ann.id}`, 15 - 1 + 5], // the fee less the 10 % share, and half of Minji's late-cancelled fee
      [`user:${minji.id}`, 30 - 5], // Jun's late cancel returned all; her own late cancel cost half
      [`user:${jun.id}`, 0],
      [`user:${paula.id}`, 30], // the no-show returned the fee
      [`user:${leo.id}`, 0],
      [`user:${sam.id}`, 10 - 3], // the expired fee came back
      ["escrow", 0],
      ["donation-pool", 0],
      [`board:${boardId}`, 1],
      ["payments", -30],
      ["grants", -(40 + 30 + 10 - 3)],
    ]);
    expect(new Map([...expected.keys()].map((account) => [account, balances.get(account) ?? 0]))).toEqual(expected);
    expect([...balances.values()].reduce((sum, v) => sum + v, 0)).toBe(0);

    // What each user reads agrees with the rows.
    const reads = await Promise.all([
      balanceLine(rita, "en"),
      balanceLine(ann, "en"),
      balanceLine(minji, "ko"),
      balanceLine(paula, "en"),
      balanceLine(sam, "en"),
    ]);
    expect(reads).toEqual(["Balance: 25", "Balance: 19", "잔액: 25", "Balance: 30", "Balance: 7"]);
    expect(world.fake.violations).toEqual([]);
  });
});
