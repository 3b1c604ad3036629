import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";
import { apiOf, drainUpdates, type Call } from "./helpers.js";

async function setup(opts: { callbackAnswerTimeoutMs?: number } = {}): Promise<{ fake: FakeTelegram; call: Call; alice: Persona }> {
  const fake = await startFakeTelegram(opts);
  const call = apiOf(fake);
  const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
  await alice.send("hi");
  await call("sendMessage", {
    chat_id: alice.id,
    text: "Accept the request?",
    reply_markup: {
      inline_keyboard: [
        [
          { text: "Yes", callback_data: "req:1:yes" },
          { text: "No", callback_data: "req:1:no" },
        ],
      ],
    },
  });
  return { fake, call, alice };
}

describe("fake Telegram: callback queries", () => {
  let fake: FakeTelegram;
  afterEach(async () => {
    await fake.close();
  });

  it("accepts the first answer and turns a second one into a violation", async () => {
    let call: Call;
    let alice: Persona;
    ({ fake, call, alice } = await setup());
    const queryId = await alice.press("Yes");
    const update = (await drainUpdates(call)).find((u) => "callback_query" in u);
    expect(update?.callback_query).toMatchObject({
      id: queryId,
      from: { id: alice.id, language_code: "en" },
      data: "req:1:yes",
      message: { message_id: alice.inbox[0]?.message_id, text: "Accept the request?" },
    });
    expect(typeof (update?.callback_query as { chat_instance: unknown }).chat_instance).toBe("string");

    expect(await call("answerCallbackQuery", { callback_query_id: queryId, text: "Accepted" })).toEqual({ ok: true, result: true });
    expect(await alice.waitForCallbackAnswer(queryId)).toEqual({ queryId, text: "Accepted" });
    const twice = await call("answerCallbackQuery", { callback_query_id: queryId });
    expect(twice).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
    });
    expect(fake.violations.map((v) => v.rule)).toEqual(["callback query answered twice"]);
    expect(alice.callbackAnswers).toHaveLength(1);
  });

  it("flags a query left unanswered past the timeout", async () => {
    let call: Call;
    let alice: Persona;
    ({ fake, call, alice } = await setup({ callbackAnswerTimeoutMs: 150 }));
    const queryId = await alice.press(/^No$/);
    expect(fake.violations).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.violations).toEqual([
      expect.objectContaining({ rule: "callback query not answered", params: { callback_query_id: queryId } }),
    ]);
    // Too late now, as with Telegram.
    const late = await call("answerCallbackQuery", { callback_query_id: queryId });
    expect(late.ok).toBe(false);
    expect(fake.violations.map((v) => v.rule)).toEqual(["callback query not answered", "callback query answered too late"]);
  });

  it("flags queries still unanswered when the test checks for violations", async () => {
    let alice: Persona;
    ({ fake, alice } = await setup());
    await alice.press("Yes");
    expect(() => fake.assertNoViolations()).toThrow(/callback query not answered[\s\S]*still unanswered/);
    expect(fake.violations).toHaveLength(1);
  });

  it("settle() waits for the answer and fails with details when none comes", async () => {
    let call: Call;
    let alice: Persona;
    ({ fake, call, alice } = await setup());
    const queryId = await alice.press("Yes");
    setTimeout(() => {
      void drainUpdates(call).then(() => call("answerCallbackQuery", { callback_query_id: queryId }));
    }, 100);
    await fake.settle({ timeoutMs: 2000 });
    expect(alice.callbackAnswers.map((a) => a.queryId)).toEqual([queryId]);

    await alice.press("No");
    await drainUpdates(call);
    await expect(fake.settle({ timeoutMs: 300 })).rejects.toThrow(/1 unanswered callback query/);
    expect(fake.violations.map((v) => v.rule)).toEqual(["callback query not answered"]);
  });

  it("rejects an unknown query id", async () => {
    let call: Call;
    ({ fake, call } = await setup());
    const res = await call("answerCallbackQuery", { callback_query_id: "12345" });
    expect(res.ok).toBe(false);
    expect(fake.violations.map((v) => v.rule)).toEqual(["unknown callback query"]);
  });
});
