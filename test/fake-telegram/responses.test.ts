import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type TgMessage } from "../support/fake-telegram/index.js";
import { checkMethodResult } from "../support/fake-telegram/schema.js";
import { apiOf, drainUpdates } from "./helpers.js";

// The fake's answers are only useful if they look like Telegram's: every
// successful result must match the method's declared return type.
describe("fake Telegram: response shapes", () => {
  let fake: FakeTelegram;
  afterEach(async () => {
    await fake.close();
  });

  it("returns results that match the Bot API schema for every implemented method", async () => {
    fake = await startFakeTelegram({ limits: false });
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", lastName: "Lee", username: "alice_lee", languageCode: "en" });
    const bob = fake.persona({ firstName: "Bob", languageCode: "ko" });
    await bob.send("hi");
    const hello = await alice.send("hello /start https://example.com @someone #tag");
    const photo = await alice.sendPhoto("pic");
    const doc = await alice.sendDocument("a.pdf");
    const voice = await alice.sendVoice();
    const video = await alice.sendVideo("clip");
    const sticker = await alice.sendSticker();
    const loc = await alice.sendLocation(37.5, 127, { livePeriod: 600 });
    await alice.editLiveLocation(loc.message_id, 37.6, 127.1);
    await alice.sendVenue(37.5, 127, "Cafe", "Street 1");
    await alice.sendContact("+8210", "Mom");
    await alice.editText(hello.message_id, "edited");

    const chat = alice.id;
    const keyboard = {
      inline_keyboard: [
        [
          { text: "A", callback_data: "a" },
          { text: "Site", url: "https://ex.com" },
        ],
      ],
    };
    const sent = await call("sendMessage", {
      chat_id: chat,
      text: "<b>x</b>",
      parse_mode: "HTML",
      reply_markup: keyboard,
      reply_parameters: { message_id: hello.message_id },
    });
    const id = (sent.result as TgMessage).message_id;
    await alice.press("A");
    await alice.block();
    await alice.unblock();

    const largest = (m: TgMessage): string => m.photo?.[m.photo.length - 1]?.file_id ?? "";
    const calls: [string, Record<string, unknown>][] = [
      ["getMe", {}],
      ["getUpdates", { timeout: 0 }],
      ["getWebhookInfo", {}],
      ["deleteWebhook", {}],
      ["setMyCommands", { commands: [{ command: "start", description: "Start" }] }],
      ["getMyCommands", {}],
      ["deleteMyCommands", {}],
      ["setChatMenuButton", { chat_id: chat, menu_button: { type: "commands" } }],
      ["getChatMenuButton", { chat_id: chat }],
      ["sendPhoto", { chat_id: chat, photo: largest(photo), caption: "p" }],
      ["sendDocument", { chat_id: chat, document: doc.document?.file_id }],
      ["sendVoice", { chat_id: chat, voice: voice.voice?.file_id }],
      ["sendVideo", { chat_id: chat, video: video.video?.file_id }],
      ["sendSticker", { chat_id: chat, sticker: sticker.sticker?.file_id }],
      ["sendAudio", { chat_id: chat, audio: "https://example.com/a.mp3" }],
      ["sendAnimation", { chat_id: chat, animation: "https://example.com/a.gif" }],
      ["sendVideoNote", { chat_id: chat, video_note: "https://example.com/n.mp4" }],
      ["sendLocation", { chat_id: chat, latitude: 1, longitude: 2, live_period: 600 }],
      ["sendVenue", { chat_id: chat, latitude: 1, longitude: 2, title: "T", address: "A" }],
      ["sendContact", { chat_id: chat, phone_number: "+1", first_name: "X" }],
      [
        "sendMediaGroup",
        {
          chat_id: chat,
          media: [
            { type: "photo", media: largest(photo), caption: "one" },
            { type: "video", media: video.video?.file_id },
          ],
        },
      ],
      ["copyMessage", { chat_id: bob.id, from_chat_id: chat, message_id: photo.message_id }],
      ["copyMessages", { chat_id: bob.id, from_chat_id: chat, message_ids: [doc.message_id, voice.message_id] }],
      ["forwardMessage", { chat_id: bob.id, from_chat_id: chat, message_id: hello.message_id }],
      ["forwardMessages", { chat_id: bob.id, from_chat_id: chat, message_ids: [video.message_id, id] }],
      ["editMessageText", { chat_id: chat, message_id: id, text: "y" }],
      ["editMessageReplyMarkup", { chat_id: chat, message_id: id, reply_markup: keyboard }],
      ["sendChatAction", { chat_id: chat, action: "typing" }],
      ["getChat", { chat_id: chat }],
      ["getFile", { file_id: largest(photo) }],
      ["setMessageReaction", { chat_id: chat, message_id: hello.message_id, reaction: [{ type: "emoji", emoji: "👍" }] }],
      ["deleteMessages", { chat_id: chat, message_ids: [id] }],
    ];
    for (const [method, params] of calls) {
      const res = await call(method, params);
      expect(res, `${method} failed: ${res.description ?? ""}`).toMatchObject({ ok: true });
    }
    // Edit the live location the bot sent, then stop it; and a caption edit.
    const live = fake.callsTo("sendLocation")[0]?.response?.result as TgMessage;
    expect((await call("editMessageLiveLocation", { chat_id: chat, message_id: live.message_id, latitude: 1.5, longitude: 2 })).ok).toBe(
      true,
    );
    expect((await call("stopMessageLiveLocation", { chat_id: chat, message_id: live.message_id })).ok).toBe(true);
    expect((await call("stopMessageLiveLocation", { chat_id: chat, message_id: live.message_id })).ok).toBe(false);
    const pic = fake.callsTo("sendPhoto")[0]?.response?.result as TgMessage;
    expect((await call("editMessageCaption", { chat_id: chat, message_id: pic.message_id, caption: "new" })).ok).toBe(true);
    await drainUpdates(call);

    const successes = fake.calls.filter((c) => c.response?.ok);
    expect(successes.length).toBeGreaterThan(calls.length);
    const problems = successes.flatMap((c) => checkMethodResult(c.method, c.response?.result).map((i) => `${c.method}: ${i.message}`));
    expect(problems).toEqual([]);
    expect(fake.violations.map((v) => v.rule)).toEqual(["edit not a live location"]);
    expect(alice.reactions).toEqual([{ message_id: hello.message_id, reaction: [{ type: "emoji", emoji: "👍" }] }]);
    expect(alice.chatActions).toEqual(["typing"]);
    expect(bob.inbox.map((m) => m.kind)).toEqual(["photo", "document", "voice", "text", "video", "text"]);
    expect(bob.inbox[3]?.forwardedFrom).toEqual({ chat_id: chat, message_id: hello.message_id });
  });
});
