import { afterEach, describe, expect, it } from "vitest";
import { postRequest } from "../../src/services/requests/posting.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;
const buttons = (m: InboxMessage) =>
  ((m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);

const ENGLISH = {
  prompts: ["What do you need help with?", "Describe what you need", "Where?", "How long should the request stay open?"],
  location: "📍 Send my location",
  duration: "1 h",
  fee: "Would you like to offer a fee",
};
const KOREAN = {
  prompts: ["어떤 도움이 필요하세요?", "필요한 일을 몇 문장으로", "어디인가요?", "요청을 얼마 동안 열어 둘까요?"],
  location: "📍 내 위치 보내기",
  duration: "30분",
  fee: "사례금(크레딧)을 걸까요?",
};

/** The "ask" scene up to the fee question, in the persona's language. */
async function askUntilFee(persona: Persona, category: string, words: typeof ENGLISH): Promise<InboxMessage> {
  const [what, describe, where, howLong] = words.prompts as [string, string, string, string];
  await persona.command("ask");
  await persona.waitFor(what);
  await persona.press(category);
  await persona.waitFor(describe);
  await persona.send("Pick up a parcel at the post office.");
  await persona.waitFor(where);
  await persona.press(words.location, { location: SEOUL });
  await persona.waitFor(howLong);
  await persona.press(words.duration);
  return persona.waitFor(words.fee);
}

const openFees = async (world: World, requesterId: number) =>
  (
    await world.bot.db.kysely
      .selectFrom("requests")
      .select("fee")
      .where("requester_id", "=", requesterId)
      .where("status", "=", "open")
      .orderBy("id")
      .execute()
  ).map((r) => r.fee);

describe("fees are held while a request is open", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("a second request offers only the credits left, a typed fee above them says how to top up, and an admin cannot take held credits", async () => {
    // A contact with characters that mean something in HTML: it must read as written.
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID), ADMIN_CONTACT: "Desk <B> & @doum_help" } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    for (const p of [admin, rita]) {
      await p.command("start");
      await p.waitFor("I am doum");
    }
    await admin.command("credit", `${rita.id} +20 paid at the desk`);
    await rita.waitFor("Balance: 20 credits");
    const first = await postRequest(world.bot.app.deps, rita.id, {
      category: "repairs",
      description: "Fix a shelf.",
      place: SEOUL,
      validityMinutes: 60,
      fee: 15,
    });
    expect(first.ok).toBe(true);

    const question = await askUntilFee(rita, "Errands / shopping", ENGLISH);
    expect(question.text).toContain("You can offer up to 5 credits (fees of your open requests are held).");
    expect(buttons(question)).toEqual(["No fee", "5"]);
    await rita.send("10");
    await rita.waitFor(
      `You can offer up to 5 credits now; that fee needs 5 more. To top up, contact Desk <B> & @doum_help and give your account number ${rita.id}. Or choose a smaller fee.`,
    );
    await rita.pressIn(question.message_id, "5");
    const card = await rita.waitFor("Check your request");
    expect(card.text).toContain("Fee: 5 credits");
    await rita.press("📣 Post");
    await rita.waitFor("Posted");
    expect(await openFees(world, rita.id)).toEqual([15, 5]);

    // Every credit is promised now: no request can promise one more, and an admin cannot take them back.
    const third = await postRequest(world.bot.app.deps, rita.id, {
      category: "repairs",
      description: "One more.",
      place: SEOUL,
      validityMinutes: 60,
      fee: 1,
    });
    expect(third).toEqual({ ok: false, reason: "insufficient-credits", missing: 1, available: 0 });
    await admin.command("credit", `${rita.id} -10 refund`);
    await admin.waitFor(`(id ${rita.id}) has 20 credits, 20 of them held for fees of open requests; that much cannot be taken back now.`);
    // Both fees sit in escrow, and the refused debit wrote nothing.
    const rows = await world.bot.db.kysely
      .selectFrom("ledger_entries")
      .select(["account", "amount", "reason"])
      .where("account", "in", [`user:${rita.id}`, "escrow"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.account, Number(r.amount), r.reason])).toEqual([
      [`user:${rita.id}`, 20, "admin"],
      [`user:${rita.id}`, -15, "fee-held"],
      ["escrow", 15, "fee-held"],
      [`user:${rita.id}`, -5, "fee-held"],
      ["escrow", 5, "fee-held"],
    ]);

    // Cancelling frees its fee for the next request.
    await rita.command("requests");
    const list = await rita.waitFor("Your requests");
    expect(list.text).toContain("1. Repairs — Fix a shelf.");
    await rita.pressIn(list.message_id, "✖️ Cancel #1");
    await rita.waitForEdit(list.message_id, "2. Repairs — Fix a shelf.\n✖️ Cancelled");
    const again = await askUntilFee(rita, "Repairs", ENGLISH);
    expect(again.text).toContain("You can offer up to 15 credits");
    expect(buttons(again)).toEqual(["No fee", "5", "10"]);
    await rita.command("cancel");
    await rita.waitFor("Cancelled");
  });

  it("in Korean, with no admin contact configured: ask an admin, with the account number", async () => {
    world = await openWorld();
    const minji = world.fake.persona({ firstName: "Minji", languageCode: "ko" });
    await minji.command("start");
    await minji.waitFor("도움");
    const question = await askUntilFee(minji, "수리", KOREAN);
    expect(question.text).toContain("지금 걸 수 있는 크레딧: 0");
    expect(buttons(question)).toEqual(["사례금 없음"]);
    await minji.send("5");
    await minji.waitFor(
      `지금 걸 수 있는 크레딧: 0. 이 사례금에는 5 크레딧이 더 필요해요. 더 적은 금액을 골라도 돼요.\n충전하려면 관리자에게 문의하시고 계정 번호도 알려 주세요. 계정 번호: ${minji.id}`,
    );
    await minji.pressIn(question.message_id, "사례금 없음");
    await minji.waitFor("요청 내용을 확인하세요");
    expect(await world.bot.db.kysely.selectFrom("requests").selectAll().execute()).toEqual([]);
  });
});
