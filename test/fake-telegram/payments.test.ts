import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";
import { apiOf, drainUpdates, type Call } from "./helpers.js";

const INVOICE = {
  title: "30 credits",
  description: "Credits for your balance",
  payload: "topup:1:30",
  provider_token: "284685063:TEST:token",
  currency: "KRW",
  prices: [{ label: "30 credits", amount: 30_000 }],
};

async function setup(opts: { preCheckoutAnswerTimeoutMs?: number } = {}): Promise<{ fake: FakeTelegram; call: Call; alice: Persona }> {
  const fake = await startFakeTelegram(opts);
  const call = apiOf(fake);
  const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
  await alice.send("hi");
  await drainUpdates(call);
  return { fake, call, alice };
}

describe("fake Telegram: payments", () => {
  let fake: FakeTelegram;
  afterEach(async () => {
    await fake.close();
  });

  it("sendInvoice checks the provider token, currency, prices and payload", async () => {
    let call: Call;
    let alice: Persona;
    ({ fake, call, alice } = await setup());
    const bad = async (change: Record<string, unknown>) => {
      const response = await call("sendInvoice", { chat_id: alice.id, ...INVOICE, ...change });
      return response.ok ? "ok" : response.description;
    };
    expect(await bad({ provider_token: undefined })).toBe("Bad Request: PAYMENT_PROVIDER_INVALID");
    expect(await bad({ currency: "XXX" })).toBe("Bad Request: CURRENCY_INVALID");
    expect(await bad({ prices: [] })).toBe("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
    expect(await bad({ prices: [{ label: "refund", amount: -5 }] })).toBe("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID");
    expect(await bad({ payload: "x".repeat(129) })).toBe("Bad Request: INVOICE_PAYLOAD_INVALID");
    expect(await bad({ title: "" })).toBe("Bad Request: INVOICE_TITLE_INVALID");
    expect(fake.takeViolations().map((v) => v.method)).toEqual(Array(6).fill("sendInvoice"));

    const sent = await call("sendInvoice", { chat_id: alice.id, ...INVOICE });
    expect(sent.result).toMatchObject({
      invoice: { title: "30 credits", description: "Credits for your balance", start_parameter: "", currency: "KRW", total_amount: 30_000 },
    });
  });

  it("paying asks the bot first; only ok:true brings the successful_payment, and a second answer is refused", async () => {
    let call: Call;
    let alice: Persona;
    ({ fake, call, alice } = await setup());
    const sent = await call("sendInvoice", { chat_id: alice.id, ...INVOICE });
    const messageId = (sent.result as { message_id: number }).message_id;

    const paying = fake.pay(alice, messageId);
    const [query] = (await drainUpdates(call)).map(
      (u) => u.pre_checkout_query as { id: string; total_amount: number; invoice_payload: string },
    );
    expect(query).toMatchObject({ from: { id: alice.id }, currency: "KRW", total_amount: 30_000, invoice_payload: "topup:1:30" });
    expect((await call("answerPreCheckoutQuery", { pre_checkout_query_id: query!.id, ok: true })).ok).toBe(true);
    const outcome = await paying;
    expect(outcome.answer).toEqual({ ok: true });
    const [payment] = await drainUpdates(call);
    expect(payment?.message).toMatchObject({
      successful_payment: {
        currency: "KRW",
        total_amount: 30_000,
        invoice_payload: "topup:1:30",
        telegram_payment_charge_id: outcome.chargeId,
      },
    });
    const again = await call("answerPreCheckoutQuery", { pre_checkout_query_id: query!.id, ok: true });
    expect(again.ok).toBe(false);
    expect(fake.takeViolations().map((v) => v.rule)).toEqual(["pre-checkout query answered twice"]);

    // A refusal needs its reason, and then nothing is paid.
    const refused = fake.pay(alice, messageId, { total: 1 });
    const [second] = (await drainUpdates(call)).map((u) => u.pre_checkout_query as { id: string });
    expect((await call("answerPreCheckoutQuery", { pre_checkout_query_id: second!.id, ok: false })).description).toBe(
      "Bad Request: ERROR_MESSAGE_EMPTY",
    );
    await call("answerPreCheckoutQuery", { pre_checkout_query_id: second!.id, ok: false, error_message: "Wrong price" });
    expect(await refused).toEqual({ answer: { ok: false, error: "Wrong price" } });
    expect(await drainUpdates(call)).toEqual([]);
    fake.takeViolations();
  });

  it("flags a pre-checkout query left unanswered past the timeout, and refuses the late answer", async () => {
    let call: Call;
    let alice: Persona;
    ({ fake, call, alice } = await setup({ preCheckoutAnswerTimeoutMs: 50 }));
    const sent = await call("sendInvoice", { chat_id: alice.id, ...INVOICE });
    const outcome = fake.pay(alice, (sent.result as { message_id: number }).message_id);
    const [query] = (await drainUpdates(call)).map((u) => u.pre_checkout_query as { id: string });
    expect(await outcome).toEqual({ answer: undefined });
    const late = await call("answerPreCheckoutQuery", { pre_checkout_query_id: query!.id, ok: true });
    expect(late.ok).toBe(false);
    expect(fake.violations.map((v) => v.rule)).toEqual(["pre-checkout query not answered", "pre-checkout query answered too late"]);
    expect(await drainUpdates(call)).toEqual([]);
    fake.takeViolations();
  });
});
