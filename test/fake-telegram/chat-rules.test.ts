import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type Update } from "../support/fake-telegram/index.js";
import { apiOf, drainUpdates } from "./helpers.js";

describe("fake Telegram: chat rules", () => {
  let fake: FakeTelegram;

  afterEach(async () => {
    await fake.close();
  });

  it('says "chat not found" until the user has written, and that is not a violation', async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "ko" });
    const before = await call("sendMessage", { chat_id: alice.id, text: "hello?" });
    expect(before).toEqual({ ok: false, error_code: 400, description: "Bad Request: chat not found" });
    const stranger = await call("sendMessage", { chat_id: 999, text: "hello?" });
    expect(stranger.description).toBe("Bad Request: chat not found");

    await alice.send("안녕하세요");
    const after = await call("sendMessage", { chat_id: alice.id, text: "hello!" });
    expect(after.ok).toBe(true);
    expect(fake.violations).toEqual([]);
    expect(fake.errors.map((e) => [e.method, e.error_code, e.description])).toEqual([
      ["sendMessage", 400, "Bad Request: chat not found"],
      ["sendMessage", 400, "Bad Request: chat not found"],
    ]);
  });

  it("answers 403 while the user has blocked the bot and delivers my_chat_member updates", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const bob = fake.persona({ firstName: "Bob", username: "bob_k", languageCode: "en" });
    await bob.send("hi");
    await bob.block();
    const blocked = await call("sendMessage", { chat_id: bob.id, text: "are you there?" });
    expect(blocked).toEqual({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await bob.unblock();
    const again = await call("sendMessage", { chat_id: bob.id, text: "welcome back" });
    expect(again.ok).toBe(true);

    const updates = await drainUpdates(call);
    const memberships = updates.filter((u) => "my_chat_member" in u).map((u) => u.my_chat_member as Record<string, any>);
    expect(memberships).toHaveLength(2);
    expect(memberships[0]).toMatchObject({
      chat: { id: bob.id, type: "private" },
      from: { id: bob.id, is_bot: false },
      old_chat_member: { status: "member", user: { id: fake.botInfo.id, is_bot: true } },
      new_chat_member: { status: "kicked", until_date: 0, user: { id: fake.botInfo.id } },
    });
    expect(memberships[1]).toMatchObject({ old_chat_member: { status: "kicked" }, new_chat_member: { status: "member" } });
    expect(bob.inbox.map((m) => m.text)).toEqual(["welcome back"]);
    expect(fake.errors.map((e) => e.error_code)).toEqual([403]);
    expect(fake.violations).toEqual([]);
  });

  it("answers 429 with retry_after when one chat gets a burst beyond its allowance", async () => {
    fake = await startFakeTelegram({ limits: { perChatBurst: 3, perChatPerSecond: 1 } });
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const bob = fake.persona({ firstName: "Bob", languageCode: "en" });
    await alice.send("hi");
    await bob.send("hi");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await call("sendMessage", { chat_id: alice.id, text: `m${i}` }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(results[3]).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect(results[3]?.description).toBe("Too Many Requests: retry after 1");
    // Edits and other chats are not affected by Alice's budget.
    const other = await call("sendMessage", { chat_id: bob.id, text: "hi Bob" });
    expect(other.ok).toBe(true);
    const edit = await call("editMessageText", { chat_id: alice.id, message_id: alice.inbox[0]?.message_id, text: "edited" });
    expect(edit.ok).toBe(true);
    expect(fake.violations.map((v) => v.rule)).toEqual(["rate limit", "rate limit"]);
    expect(alice.inbox.map((m) => m.text)).toEqual(["edited", "m1", "m2"]);
  });

  it("applies the global limit across chats", async () => {
    fake = await startFakeTelegram({ limits: { globalBurst: 4, globalPerSecond: 0.5, perChatBurst: 10 } });
    const call = apiOf(fake);
    const people = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const p = fake.persona({ firstName: `P${n}`, languageCode: "en" });
        await p.send("hi");
        return p;
      }),
    );
    const oks = [];
    for (const p of people) oks.push((await call("sendMessage", { chat_id: p.id, text: "news" })).ok);
    expect(oks).toEqual([true, true, true, true, false]);
  });

  it("refuses edits that change nothing", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const markup = { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] };
    const sent = await call("sendMessage", { chat_id: alice.id, text: "<b>Hello</b>", parse_mode: "HTML", reply_markup: markup });
    const id = (sent.result as { message_id: number }).message_id;

    const same = await call("editMessageText", {
      chat_id: alice.id,
      message_id: id,
      text: "<b>Hello</b>",
      parse_mode: "HTML",
      reply_markup: markup,
    });
    expect(same).toEqual({
      ok: false,
      error_code: 400,
      description:
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    });
    const sameMarkup = await call("editMessageReplyMarkup", { chat_id: alice.id, message_id: id, reply_markup: markup });
    expect(sameMarkup.ok).toBe(false);

    // Same text without formatting is a change; so is dropping the keyboard.
    const plain = await call("editMessageText", { chat_id: alice.id, message_id: id, text: "Hello", reply_markup: markup });
    expect(plain.ok).toBe(true);
    const noKeyboard = await call("editMessageText", { chat_id: alice.id, message_id: id, text: "Hello" });
    expect(noKeyboard.ok).toBe(true);
    expect(alice.inbox[0]).toMatchObject({ text: "Hello", entities: [], reply_markup: undefined, edits: 2 });
    expect(fake.violations.map((v) => v.rule)).toEqual(["message not modified", "message not modified"]);
  });

  it("reports edit and delete targets that do not exist", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const own = await alice.send("hi");
    expect((await call("editMessageText", { chat_id: alice.id, message_id: 77, text: "x" })).description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await call("editMessageText", { chat_id: alice.id, message_id: own.message_id, text: "x" })).description).toBe(
      "Bad Request: message can't be edited",
    );
    expect((await call("deleteMessage", { chat_id: alice.id, message_id: 77 })).description).toBe(
      "Bad Request: message to delete not found",
    );
    const sent = await call("sendMessage", { chat_id: alice.id, text: "soon gone" });
    const id = (sent.result as { message_id: number }).message_id;
    expect(id).toBe(own.message_id + 1);
    expect((await call("deleteMessage", { chat_id: alice.id, message_id: id })).ok).toBe(true);
    expect(alice.inbox[0]).toMatchObject({ text: "soon gone", deleted: true });
    expect((await call("deleteMessage", { chat_id: alice.id, message_id: id })).ok).toBe(false);
    expect(fake.violations.map((v) => v.rule)).toEqual([
      "edit target not found",
      "edit foreign message",
      "delete target not found",
      "delete target not found",
    ]);
  });

  it("requires callback_data of 1-64 bytes", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const keyboard = (data: string): Record<string, unknown> => ({ inline_keyboard: [[{ text: "B", callback_data: data }]] });
    const tooLong = await call("sendMessage", { chat_id: alice.id, text: "x", reply_markup: keyboard("d".repeat(65)) });
    expect(tooLong).toEqual({ ok: false, error_code: 400, description: "Bad Request: BUTTON_DATA_INVALID" });
    // Bytes, not characters: 22 Hangul syllables are 66 bytes.
    const multibyte = await call("sendMessage", { chat_id: alice.id, text: "x", reply_markup: keyboard("가".repeat(22)) });
    expect(multibyte.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    const exact = await call("sendMessage", { chat_id: alice.id, text: "x", reply_markup: keyboard("d".repeat(64)) });
    expect(exact.ok).toBe(true);
    expect(fake.violations.map((v) => v.rule)).toEqual(["callback_data length", "callback_data length"]);
    expect(alice.inbox).toHaveLength(1);
  });

  it("keeps one message id sequence per private chat for both directions", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const bob = fake.persona({ firstName: "Bob", languageCode: "en" });
    const a1 = await alice.send("one");
    const b1 = await bob.send("uno");
    const reply = await call("sendMessage", { chat_id: alice.id, text: "two", reply_parameters: { message_id: a1.message_id } });
    const a3 = await alice.send("three");
    expect([a1.message_id, b1.message_id, (reply.result as { message_id: number }).message_id, a3.message_id]).toEqual([1, 1, 2, 3]);
    expect((reply.result as { reply_to_message: { text: string } }).reply_to_message.text).toBe("one");
    const updates: Update[] = await drainUpdates(call);
    expect(updates.map((u) => u.update_id)).toEqual([...updates.map((u) => u.update_id)].sort((x, y) => x - y));
    expect(updates).toHaveLength(3);
  });
});
