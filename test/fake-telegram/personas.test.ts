import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type TgMessage, type Update } from "../support/fake-telegram/index.js";
import { apiOf, drainUpdates, type Call } from "./helpers.js";

describe("fake Telegram: personas", () => {
  let fake: FakeTelegram;
  let call: Call;
  beforeEach(async () => {
    fake = await startFakeTelegram();
    call = apiOf(fake);
  });
  afterEach(async () => {
    await fake.close();
  });

  it("presses inline buttons on the newest message that has them", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    const kb = (data: string): Record<string, unknown> => ({ inline_keyboard: [[{ text: "Details", callback_data: data }]] });
    await call("sendMessage", { chat_id: alice.id, text: "first", reply_markup: kb("d:1") });
    await call("sendMessage", { chat_id: alice.id, text: "second", reply_markup: kb("d:2") });
    await drainUpdates(call);

    await alice.press("Details");
    const pressInFirst = await alice.pressIn(alice.inbox[0]?.message_id ?? 0, /^Det/);
    const updates = await drainUpdates(call);
    const queries = updates.map((u) => u.callback_query as { id: string; data: string; message: TgMessage });
    expect(queries.map((q) => q.data)).toEqual(["d:2", "d:1"]);
    expect(queries[1]?.id).toBe(pressInFirst);
    expect(queries[1]?.message.text).toBe("first");
    for (const q of queries) await call("answerCallbackQuery", { callback_query_id: q.id });
    fake.assertNoViolations();
  });

  it("presses reply keyboard buttons: text, location, contact; one-time keyboards disappear", async () => {
    const bob = fake.persona({ firstName: "Bob", lastName: "Kim", languageCode: "ko", phone: "+821012345678" });
    await bob.send("hi");
    await call("sendMessage", {
      chat_id: bob.id,
      text: "Where are you?",
      reply_markup: {
        keyboard: [
          [{ text: "📍 Share location", request_location: true }],
          [{ text: "☎️ Share phone", request_contact: true }, { text: "Skip" }],
        ],
        resize_keyboard: true,
      },
    });
    expect(bob.keyboard).toEqual([["📍 Share location"], ["☎️ Share phone", "Skip"]]);
    await expect(bob.press("📍 Share location")).rejects.toThrow(/location/);
    expect(await bob.press("📍 Share location", { location: { latitude: 37.5665, longitude: 126.978 } })).toBe("");
    await bob.press("☎️ Share phone");
    await bob.press("Skip");
    const messages = (await drainUpdates(call)).map((u) => u.message as TgMessage);
    expect(messages.slice(1).map((m) => m.location ?? m.contact ?? m.text)).toEqual([
      { latitude: 37.5665, longitude: 126.978 },
      { phone_number: "+821012345678", first_name: "Bob", last_name: "Kim", user_id: bob.id },
      "Skip",
    ]);

    await call("sendMessage", {
      chat_id: bob.id,
      text: "Sure?",
      reply_markup: { keyboard: [[{ text: "Yes" }, { text: "No" }]], one_time_keyboard: true },
    });
    await bob.press("Yes");
    expect(bob.keyboard).toBeNull();
    await expect(bob.press("No")).rejects.toThrow(/sees no button matching "No"[\s\S]*no reply keyboard/);

    await call("sendMessage", { chat_id: bob.id, text: "menu", reply_markup: { keyboard: [[{ text: "Help" }]] } });
    await call("sendMessage", { chat_id: bob.id, text: "cleared", reply_markup: { remove_keyboard: true } });
    expect(bob.keyboard).toBeNull();
    expect(fake.violations).toEqual([]);
  });

  it("lists the visible buttons when nothing matches", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    await call("sendMessage", {
      chat_id: alice.id,
      text: "choose",
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Alpha", callback_data: "a" },
            { text: "Site", url: "https://example.com" },
          ],
        ],
      },
    });
    await expect(alice.press("Gamma")).rejects.toThrow(/"Alpha", "Site"/);
    await expect(alice.press("Site")).rejects.toThrow(/url button/);
  });

  it("copyMessage copies a persona photo into another persona inbox", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const helper = fake.persona({ firstName: "Hana", languageCode: "ko" });
    await helper.send("/start");
    const photo = await alice.sendPhoto("my broken tap");
    const largest = photo.photo?.[photo.photo.length - 1];
    expect(photo.photo).toHaveLength(3);

    const res = await call("copyMessage", {
      chat_id: helper.id,
      from_chat_id: alice.id,
      message_id: photo.message_id,
      caption: "New request: <b>tap</b>",
      parse_mode: "HTML",
    });
    expect(res).toEqual({ ok: true, result: { message_id: 2 } });
    const copied = await helper.waitFor((m) => m.kind === "photo");
    expect(copied).toMatchObject({
      message_id: 2,
      kind: "photo",
      text: "New request: tap",
      entities: [{ type: "bold", offset: 13, length: 3 }],
      file_id: largest?.file_id,
      copiedFrom: { chat_id: alice.id, message_id: photo.message_id },
      deleted: false,
    });
    // The bot can also send the received file id itself.
    const resent = await call("sendPhoto", { chat_id: helper.id, photo: largest?.file_id });
    expect((resent.result as TgMessage).photo?.map((p) => p.file_unique_id)).toEqual(photo.photo?.map((p) => p.file_unique_id));
    const wrongKind = await call("sendVoice", { chat_id: helper.id, voice: largest?.file_id });
    expect(wrongKind.ok).toBe(false);
    const file = await call("getFile", { file_id: largest?.file_id });
    expect(file.result).toMatchObject({ file_id: largest?.file_id, file_path: expect.stringMatching(/^photos\//) });
    expect(fake.violations.map((v) => v.rule)).toEqual(["file type mismatch"]);
  });

  it("resolves commands by scope and language like Telegram", async () => {
    const ko = fake.persona({ firstName: "Minji", languageCode: "ko" });
    const en = fake.persona({ firstName: "Ed", languageCode: "en" });
    await ko.send("hi");
    const set = (commands: string[], scope?: Record<string, unknown>, language_code?: string): ReturnType<Call> =>
      call("setMyCommands", {
        commands: commands.map((c) => ({ command: c, description: `${c} command` })),
        ...(scope ? { scope } : {}),
        ...(language_code ? { language_code } : {}),
      });
    await set(["default_all"]);
    expect(fake.commandsFor(ko.id, "ko").map((c) => c.command)).toEqual(["default_all"]);
    await set(["private_all"], { type: "all_private_chats" });
    await set(["private_ko"], { type: "all_private_chats" }, "ko");
    expect(fake.commandsFor(ko.id, "ko").map((c) => c.command)).toEqual(["private_ko"]);
    expect(fake.commandsFor(en.id, "en").map((c) => c.command)).toEqual(["private_all"]);
    await set(["chat_only"], { type: "chat", chat_id: ko.id });
    // A language-less chat list beats language-specific lists of broader scopes.
    expect(fake.commandsFor(ko.id, "ko").map((c) => c.command)).toEqual(["chat_only"]);
    expect(fake.commandsFor(en.id, "en").map((c) => c.command)).toEqual(["private_all"]);
    // Empty lists do not win.
    await set([], { type: "chat", chat_id: ko.id });
    expect(fake.commandsFor(ko.id, "ko").map((c) => c.command)).toEqual(["private_ko"]);
    expect((await call("getMyCommands", { scope: { type: "all_private_chats" }, language_code: "ko" })).result).toEqual([
      { command: "private_ko", description: "private_ko command" },
    ]);
    // A chat scope for someone who never wrote to the bot is unknown.
    expect((await set(["x"], { type: "chat", chat_id: en.id })).description).toBe("Bad Request: chat not found");
    expect((await set(["Bad-Name"])).description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });

  it("shapes location, venue, media and edits like Telegram", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const live = await alice.sendLocation(37.5, 127.0, { livePeriod: 900, horizontalAccuracy: 20 });
    await alice.editLiveLocation(live.message_id, 37.51, 127.01);
    await alice.stopLiveLocation(live.message_id);
    await alice.sendVenue(37.57, 126.98, "City Hall", "Sejong-daero 110");
    const text = await alice.send("hello /help");
    await alice.editText(text.message_id, "hello again");
    await alice.sendVoice();
    await alice.sendSticker("🎉");
    await alice.sendDocument("plan.txt", "the plan");
    await alice.sendContact("+82100000000", "Mom");
    const updates: Update[] = await drainUpdates(call);
    const kinds = updates.map((u) => Object.keys(u).find((k) => k !== "update_id"));
    expect(kinds).toEqual([
      "message",
      "edited_message",
      "edited_message",
      "message",
      "message",
      "edited_message",
      "message",
      "message",
      "message",
      "message",
    ]);
    const m = updates.map((u) => (u.message ?? u.edited_message) as TgMessage);
    expect(m[0]?.location).toEqual({ latitude: 37.5, longitude: 127.0, horizontal_accuracy: 20, live_period: 900 });
    expect(m[1]).toMatchObject({
      message_id: live.message_id,
      location: { latitude: 37.51, live_period: 900 },
      edit_date: expect.any(Number),
    });
    expect(m[2]?.location?.live_period).toBeUndefined();
    expect(m[3]).toMatchObject({
      venue: { title: "City Hall", location: { latitude: 37.57 } },
      location: { latitude: 37.57, longitude: 126.98 },
    });
    expect(m[4]?.entities).toEqual([{ type: "bot_command", offset: 6, length: 5 }]);
    expect(m[5]).toMatchObject({ message_id: text.message_id, text: "hello again" });
    expect(m[5]?.entities).toBeUndefined();
    expect(m[6]?.voice).toMatchObject({ mime_type: "audio/ogg", file_id: expect.stringMatching(/^AwAC/) });
    expect(m[7]?.sticker).toMatchObject({ emoji: "🎉", type: "regular" });
    expect(m[8]).toMatchObject({ document: { file_name: "plan.txt" }, caption: "the plan" });
    expect(m[9]?.contact).toEqual({ phone_number: "+82100000000", first_name: "Mom" });
  });

  it("waits for messages in order and reports the inbox on timeout", async () => {
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    setTimeout(() => {
      void call("sendMessage", { chat_id: alice.id, text: "Welcome to doum!" }).then(() =>
        call("sendMessage", { chat_id: alice.id, text: "Choose a language" }),
      );
    }, 50);
    expect((await alice.waitFor("Choose")).text).toBe("Choose a language");
    // The cursor moved past both messages.
    await expect(alice.waitFor(/Welcome/, { timeoutMs: 100 })).rejects.toThrow(/"Welcome to doum!"[\s\S]*"Choose a language"/);
    const sent = await call("sendMessage", { chat_id: alice.id, text: "Loading…" });
    const id = (sent.result as TgMessage).message_id;
    expect((await alice.next()).text).toBe("Loading…");
    setTimeout(() => void call("editMessageText", { chat_id: alice.id, message_id: id, text: "Done" }), 50);
    expect(await alice.waitForEdit(id, "Done")).toMatchObject({ text: "Done", edits: 1 });
    expect(alice.lastMessage()?.text).toBe("Done");
  });
});
