import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram/index.js";
import { apiOf, type Call } from "./helpers.js";

describe("fake Telegram: request validation", () => {
  let fake: FakeTelegram;
  let call: Call;

  beforeEach(async () => {
    fake = await startFakeTelegram();
    call = apiOf(fake);
  });
  afterEach(async () => {
    await fake.close();
  });

  it("rejects an unknown method with 404 and records a violation", async () => {
    const res = await call("sendTelepathy", { chat_id: 1 });
    expect(res).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    expect(fake.violations).toEqual([expect.objectContaining({ method: "sendTelepathy", rule: "unknown method" })]);
  });

  it("rejects a wrong token with 401", async () => {
    const res = await apiOf(fake, "1:wrong")("getMe");
    expect(res).toMatchObject({ ok: false, error_code: 401, description: "Unauthorized" });
    expect(fake.violations.map((v) => v.rule)).toEqual(["wrong token"]);
  });

  it("accepts method names case-insensitively, like Telegram", async () => {
    const res = await call("getme");
    expect(res).toMatchObject({ ok: true, result: { is_bot: true, username: "doum_test_bot" } });
  });

  it("rejects a missing required parameter", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const res = await call("sendMessage", { chat_id: alice.id });
    expect(res).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: message text is empty" });
    const res2 = await call("sendLocation", { chat_id: alice.id, latitude: 37.5 });
    expect(res2).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: parameter "longitude" is required' });
    expect(fake.violations.map((v) => v.rule)).toEqual(["schema", "schema"]);
    expect(alice.inbox).toHaveLength(0);
  });

  it("rejects a wrong type at the top level and inside reply_markup", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const top = await call("sendMessage", { chat_id: alice.id, text: 42 });
    expect(top).toMatchObject({ ok: false, error_code: 400 });
    expect(top.description).toContain("text must be String");

    const nested = await call("sendMessage", {
      chat_id: alice.id,
      text: "pick",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: 7 }]] },
    });
    expect(nested.ok).toBe(false);
    expect(nested.description).toContain("reply_markup.inline_keyboard[0][0].callback_data must be String");

    const notArray = await call("sendMessage", { chat_id: alice.id, text: "pick", reply_markup: { keyboard: "Yes" } });
    expect(notArray.ok).toBe(false);
    expect(notArray.description).toContain("reply_markup.keyboard must be Array of Array of KeyboardButton");
    expect(fake.violations).toHaveLength(3);
    expect(alice.inbox).toHaveLength(0);
  });

  it("rejects unknown fields at the top level and inside reply_markup", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const top = await call("sendMessage", { chat_id: alice.id, text: "x", disable_web_page_preview: true });
    expect(top).toMatchObject({ ok: false, description: 'Bad Request: unknown parameter "disable_web_page_preview"' });

    const nested = await call("sendMessage", {
      chat_id: alice.id,
      text: "x",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a", colour: "red" }]] },
    });
    expect(nested.description).toBe("Bad Request: reply_markup.inline_keyboard[0][0].colour: unknown field in InlineKeyboardButton");
    expect(fake.violations.map((v) => v.rule)).toEqual(["schema", "schema"]);
  });

  it("tells union members apart by their type field", async () => {
    const ok = await call("setMyCommands", {
      commands: [{ command: "help", description: "Help" }],
      scope: { type: "all_private_chats" },
    });
    expect(ok).toEqual({ ok: true, result: true });
    const bad = await call("setMyCommands", { commands: [], scope: { type: "everyone" } });
    expect(bad.ok).toBe(false);
    expect(bad.description).toContain('unknown BotCommandScope type "everyone"');
    const missing = await call("setMyCommands", { commands: [], scope: { type: "chat" } });
    expect(missing.description).toContain("scope.chat_id is required");
  });

  it("accepts form-encoded bodies and query strings, decoding nested JSON", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const form = new URLSearchParams({
      chat_id: String(alice.id),
      text: "from a form",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }),
    });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(await res.json()).toMatchObject({ ok: true, result: { text: "from a form" } });

    const get = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage?chat_id=${alice.id}&text=via%20GET`);
    expect(await get.json()).toMatchObject({ ok: true, result: { text: "via GET" } });
    expect(alice.inbox.map((m) => m.text)).toEqual(["from a form", "via GET"]);
    expect(alice.inbox[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] });
    expect(fake.violations).toEqual([]);
  });

  it('answers multipart uploads with an "unsupported upload" violation', async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const body = new FormData();
    body.set("chat_id", String(alice.id));
    body.set("photo", new Blob([new Uint8Array([1, 2, 3])]), "a.jpg");
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendPhoto`, { method: "POST", body });
    expect(res.status).toBe(400);
    expect(fake.violations.map((v) => v.rule)).toEqual(["unsupported upload"]);
  });

  it("answers valid but unmodelled methods with true and a violation", async () => {
    const res = await call("setMyName", { name: "Doum" });
    expect(res).toEqual({ ok: true, result: true });
    expect(fake.violations).toEqual([expect.objectContaining({ method: "setMyName", rule: "not implemented by the fake" })]);
  });

  it("records every call with its response", async () => {
    await call("getMe");
    await call("getChat", { chat_id: 5 });
    expect(fake.calls.map((c) => [c.method, c.response?.ok])).toEqual([
      ["getMe", true],
      ["getChat", false],
    ]);
    expect(fake.calls[1]?.params).toEqual({ chat_id: 5 });
    expect(typeof fake.calls[0]?.at).toBe("number");
  });
});
