import { afterEach, describe, expect, it } from "vitest";
import { postRequest } from "../../src/services/requests/posting.js";
import { startBot } from "../support/bot.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { buttonRows, SEOUL } from "../support/stories.js";
import { matchThem, seededHelper, started } from "./closing-support.js";

const ADMIN_ID = 900_601;
const PROVIDER = "284685063:TEST:payments-provider-token";
const PAYMENTS = { PAYMENT_PROVIDER_TOKEN: PROVIDER, PAYMENT_CURRENCY: "KRW", TOPUP_AMOUNTS: "10,30", CREDIT_PRICE: "1000" };

const WORDS = {
  en: {
    choose: "How many credits would you like to buy? One credit costs ₩1,000.",
    buttons: [["10 credits — ₩10,000"], ["30 credits — ₩30,000"]],
    title: "30 doum credits",
    credited: "✅ Payment received: +30 credits. Free to offer now: 30.",
    already: "This payment was already added to your balance. Free to offer now: 30.",
    unknown: "This order is not one the bot offers (anymore), so nothing was charged. Please start again with /topup.",
    price: "The price or currency of this order does not match the current offer, so nothing was charged. Please start again with /topup.",
  },
  ko: {
    choose: "몇 크레딧을 충전할까요? 1크레딧 가격: ₩1,000",
    buttons: [["10 크레딧 — ₩10,000"], ["30 크레딧 — ₩30,000"]],
    title: "doum 크레딧 30개",
    credited: "✅ 결제가 완료됐어요: +30 크레딧. 지금 쓸 수 있는 크레딧: 30",
    already: "이 결제는 이미 잔액에 반영됐어요. 지금 쓸 수 있는 크레딧: 30",
    unknown: "봇이 (더 이상) 제공하지 않는 주문이라 결제하지 않았어요. /topup 명령어로 다시 시작해 주세요.",
    price: "주문 가격이나 통화가 지금 조건과 달라서 결제하지 않았어요. /topup 명령어로 다시 시작해 주세요.",
  },
};

async function ledger(world: World, userId: number) {
  return world.bot.db.kysely
    .selectFrom("ledger_entries")
    .select(["amount", "reason", "subject"])
    .where("account", "=", `user:${userId}`)
    .orderBy("id")
    .execute();
}

/** /topup, the 30-credit button, and the invoice it brings. */
async function invoiceFor30(world: World, payer: Persona, words: (typeof WORDS)["en"]): Promise<InboxMessage> {
  await payer.command("topup");
  const offer = await payer.waitFor(words.choose);
  expect(buttonRows(offer)).toEqual(words.buttons);
  await payer.pressIn(offer.message_id, words.buttons[1]![0]!);
  return payer.waitFor((m) => m.raw.invoice !== undefined);
}

describe("top-ups with Telegram Payments", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  for (const language of ["en", "ko"] as const) {
    it(`${language}: an invoice, pre-checkout and payment credit once — delivered twice, repeated in another update, and again after a restart`, async () => {
      const words = WORDS[language];
      world = await openWorld({ env: PAYMENTS });
      world.fake.providerToken = PROVIDER;
      const payer = await started(world, "Paula", language);

      const invoice = await invoiceFor30(world, payer, words);
      expect(invoice.raw.invoice).toEqual({
        title: words.title,
        description: expect.any(String),
        start_parameter: "",
        currency: "KRW",
        total_amount: 30_000,
      });
      const [sent] = world.fake.callsTo("sendInvoice");
      expect(sent!.params).toMatchObject({
        provider_token: PROVIDER,
        currency: "KRW",
        prices: [{ amount: 30_000 }],
        payload: `topup:${payer.id}:30`,
      });

      const paid = await world.fake.pay(payer, invoice.message_id);
      expect(paid.answer).toEqual({ ok: true });
      await payer.waitFor(words.credited);
      await world.settle();

      // The same update again (a lost confirmation), then the same payment in a new update.
      world.fake.redeliverLast();
      await world.settle();
      world.fake.repeatPayment(paid.message!);
      await payer.waitFor(words.already);
      await world.settle();

      const { databaseUrl, clock } = world.bot;
      await world.bot.stop();
      world.bot = await startBot(world.fake, { databaseUrl, clock, env: PAYMENTS });
      world.fake.repeatPayment(paid.message!);
      await world.settle();
      expect(payer.inbox.filter((m) => m.text === words.already)).toHaveLength(2);
      expect(payer.inbox.filter((m) => m.text === words.credited)).toHaveLength(1);

      expect(await ledger(world, payer.id)).toEqual([{ amount: 30, reason: "topup", subject: `payment:${paid.chargeId}` }]);
      const payments = await world.bot.db.kysely.selectFrom("payments").selectAll().execute();
      expect(payments).toEqual([
        expect.objectContaining({ charge_id: paid.chargeId, user_id: payer.id, credits: 30, currency: "KRW", total_amount: 30_000 }),
      ]);
    });

    it(`${language}: a pre-checkout that does not check out is refused with its reason and charges nothing`, async () => {
      const words = WORDS[language];
      world = await openWorld({ env: PAYMENTS });
      const payer = await started(world, "Paula", language);
      const other = await started(world, "Otto", language);
      const invoice = await invoiceFor30(world, payer, words);

      const refusals = [
        [{ payload: "topup:1:30" }, words.unknown],
        [{ payload: `topup:${other.id}:30` }, words.unknown],
        [{ payload: `topup:${payer.id}:25` }, words.unknown],
        [{ total: 3_000 }, words.price],
        [{ currency: "USD" }, words.price],
      ] as const;
      for (const [tamper, reason] of refusals) {
        const outcome = await world.fake.pay(payer, invoice.message_id, tamper);
        expect(outcome).toEqual({ answer: { ok: false, error: reason } });
      }
      await world.settle();
      expect(payer.inbox.some((m) => m.raw.successful_payment !== undefined)).toBe(false);
      expect(await ledger(world, payer.id)).toEqual([]);
      expect(await world.bot.db.kysely.selectFrom("payments").selectAll().execute()).toEqual([]);
    });
  }

  for (const language of ["en", "ko"] as const) {
    it(`${language}: short of credits while asking for help, /topup pays without leaving the request, and the fee goes through`, async () => {
      const words = WORDS[language];
      const ask = {
        en: {
          prompts: ["What do you need help with?", "Describe what you need", "Where?", "How long should the request stay open?"],
          category: "Repairs",
          location: "📍 Send my location",
          duration: "30 min",
          fee: "Would you like to offer a fee",
          short:
            "You can offer up to 0 credits now; that fee needs 20 more. /topup buys credits without leaving this request. Or choose a smaller fee.",
          confirm: "Check your request",
        },
        ko: {
          prompts: ["어떤 도움이 필요하세요?", "필요한 일을 몇 문장으로", "어디인가요?", "요청을 얼마 동안 열어 둘까요?"],
          category: "수리",
          location: "📍 내 위치 보내기",
          duration: "30분",
          fee: "사례금(크레딧)을 걸까요?",
          short:
            "지금 걸 수 있는 크레딧: 0. 이 사례금에는 20 크레딧이 더 필요해요. 더 적은 금액을 골라도 돼요.\n/topup 명령어로 이 요청을 벗어나지 않고 크레딧을 충전할 수 있어요.",
          confirm: "요청 내용을 확인하세요",
        },
      }[language];
      world = await openWorld({ env: PAYMENTS });
      const rita = await started(world, "Rita", language);
      const [what, describe, where, howLong] = ask.prompts as [string, string, string, string];
      await rita.command("ask");
      await rita.waitFor(what);
      await rita.press(ask.category);
      await rita.waitFor(describe);
      await rita.send("Pick up a parcel at the post office.");
      await rita.waitFor(where);
      await rita.press(ask.location, { location: SEOUL });
      await rita.waitFor(howLong);
      await rita.press(ask.duration);
      await rita.waitFor(ask.fee);
      await rita.send("20");
      await rita.waitFor(ask.short);

      const invoice = await invoiceFor30(world, rita, words);
      const paid = await world.fake.pay(rita, invoice.message_id);
      expect(paid.answer).toEqual({ ok: true });
      await rita.waitFor(words.credited);
      // Still in the request: the same question takes the fee now.
      await rita.send("20");
      const card = await rita.waitFor(ask.confirm);
      expect(card.text).toContain(language === "en" ? "Fee: 20 credits" : "사례금: 20 크레딧");
    });
  }

  it("an amount no longer offered gets no invoice", async () => {
    world = await openWorld({ env: PAYMENTS });
    const payer = await started(world, "Paula", "en");
    await payer.command("topup");
    const offer = await payer.waitFor(WORDS.en.choose);
    const query = payer.pressForged(offer.message_id, "1:topup:20");
    expect((await payer.waitForCallbackAnswer(query)).text).toBe("This button is no longer available.");
    await world.settle();
    expect(world.fake.callsTo("sendInvoice")).toEqual([]);
  });
});

describe("/topup without a payment provider, /paysupport and /privacy", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("en and ko: an admin grants credits, with the account number; payment help and the privacy notice", async () => {
    world = await openWorld({ env: { ADMIN_CONTACT: "Desk <B> & @doum_help" } });
    const ann = await started(world, "Ann", "en");
    const minji = await started(world, "민지", "ko");

    await ann.command("topup");
    await ann.waitFor(
      `Buying credits by card is not available in this bot. To top up, contact Desk <B> & @doum_help and give your account number ${ann.id}.`,
    );
    await minji.command("topup");
    await minji.waitFor(
      `이 봇에서는 카드 결제로 충전할 수 없어요. 충전하려면 다음 연락처로 문의하시고 계정 번호도 알려 주세요. 연락처: Desk <B> & @doum_help · 계정 번호: ${minji.id}`,
    );

    await ann.command("paysupport");
    const support = await ann.waitFor("Help with a payment");
    expect(support.text).toContain(`contact Desk <B> & @doum_help with your account number ${ann.id}.`);
    await minji.command("paysupport");
    const koSupport = await minji.waitFor("결제 문의");
    expect(koSupport.text).toContain(`연락처: Desk <B> & @doum_help · 계정 번호: ${minji.id}`);

    await ann.command("privacy");
    const privacy = await ann.waitFor("What doum keeps about you");
    expect(privacy.text).toContain("Card details go to the payment provider; doum never sees them.");
    await minji.command("privacy");
    const koPrivacy = await minji.waitFor("doum이 보관하는 정보");
    expect(koPrivacy.text).toContain("카드 정보는 결제 대행사로 바로 가고 doum은 볼 수 없어요.");

    for (const [persona, language] of [
      [ann, "en"],
      [minji, "ko"],
    ] as const) {
      const menu = world.fake.commandsFor(persona.id, language).map((c) => c.command);
      expect(menu).toEqual(expect.arrayContaining(["balance", "topup", "paysupport", "privacy"]));
    }
    await world.settle();
    expect(await world.bot.db.kysely.selectFrom("ledger_entries").selectAll().execute()).toEqual([]);
  });
});

describe("/balance", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  const BALANCE = {
    en: {
      lines: ["Your credits", "💰 Free to offer as fees: 7", "🔒 Held for your open or matched requests: 5", "Balance: 12"],
      history: (request: number, held: number) => [
        `-5 — fee held for request #${held}`,
        `-8 — fee for request #${request}, held, then paid to the helper`,
        "+20 — from an admin: paid at the desk <cash>",
      ],
      received: (request: number) => `+8 — fee received for request #${request}`,
      empty: "No credit changes yet.",
      complete: "✅ Complete",
    },
    ko: {
      lines: ["내 크레딧", "💰 사례금으로 쓸 수 있는 크레딧: 7", "🔒 열린 요청이나 매칭된 요청에 잡혀 있는 크레딧: 5", "잔액: 12"],
      history: (request: number, held: number) => [
        `-5 — 요청 #${held} 사례금 맡김`,
        `-8 — 요청 #${request} 사례금 맡김, 헬퍼에게 지급됨`,
        "+20 — 관리자 지급 · 사유: paid at the desk <cash>",
      ],
      received: (request: number) => `+8 — 요청 #${request} 사례금 받음`,
      empty: "아직 크레딧 변동이 없어요.",
      complete: "✅ 완료",
    },
  };

  for (const language of ["en", "ko"] as const) {
    it(`${language}: available, held and history after a grant, a held fee and a completed fee`, async () => {
      const words = BALANCE[language];
      world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
      const admin = await started(world, "Admin", "en", ADMIN_ID);
      const rita = await started(world, "Rita", language);
      const ann = await started(world, "Ann", language);
      await seededHelper(world, ann);

      await rita.command("balance");
      await rita.waitFor(words.empty);

      await admin.command("credit", `${rita.id} +20 paid at the desk <cash>`);
      await admin.waitFor("Done:");
      const { requesterCard, helperCard, requestId } = await matchThem(world, rita, ann, {
        fee: 8,
        requesterLanguage: language,
        helperLanguage: language,
      });
      await ann.pressIn(helperCard.message_id, words.complete);
      await rita.pressIn(requesterCard.message_id, words.complete);
      await rita.waitFor("🏁");
      await world.settle();
      const held = await postRequest(world.bot.app.deps, rita.id, {
        category: "repairs",
        description: "Fix a shelf.",
        place: SEOUL,
        validityMinutes: 60,
        fee: 5,
      });
      if (!held.ok) throw new Error(`posting failed: ${held.reason}`);

      await rita.command("balance");
      const card = await rita.waitFor(words.lines[0]!);
      for (const line of words.lines) expect(card.text).toContain(line);
      // Newest first, each with its reason; the admin's reason reads as written.
      const history = card.text.split("\n").filter((l) => l.startsWith("• "));
      expect(history.map((l) => l.replace(/^• \S+ \S+ /, ""))).toEqual(words.history(requestId, held.requestId));
      expect(card.raw.entities?.some((e) => e.type === "bold")).toBe(true);

      await ann.command("balance");
      const annCard = await ann.waitFor(words.lines[0]!);
      expect(annCard.text).toContain(words.received(requestId));
    });
  }
});
