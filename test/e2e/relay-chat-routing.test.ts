import { afterEach, describe, expect, it } from "vitest";
import { matchInChat, nearbyHelper, startedPersona } from "../support/chats.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { buttonRows } from "../support/stories.js";

async function aliasOf(world: World, persona: Persona): Promise<string> {
  const row = await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "=", persona.id).executeTakeFirstOrThrow();
  return row.alias;
}

const received = (persona: Persona, text: string) => persona.inbox.some((m) => m.text === text);

describe("which chat a message lands in, and a partner who is gone", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("a helper with two open chats picks one with /chat; every message lands in the chat it was written in", async () => {
    world = await openWorld();
    const sora = await nearbyHelper(world, await startedPersona(world, { firstName: "Sora", languageCode: "en" }));
    const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
    const tom = await startedPersona(world, { firstName: "Tom", languageCode: "en" });
    const banners = { eta: "10 min", requesterBanner: "Your chat with", helperBanner: "Your chat with" };
    await matchInChat(rita, sora, { ...banners, description: "Hang a mirror in the hall." });
    await matchInChat(tom, sora, { ...banners, description: "Fix a dripping tap." });
    const [ritaAlias, tomAlias] = [await aliasOf(world, rita), await aliasOf(world, tom)];

    // Two chats and no choice yet: the message is not guessed into one of them.
    await sora.send("Hello, who is this?");
    await sora.waitFor("You have several open chats, so this message was not sent");
    const list = await sora.waitFor("You have 2 open chats. Which one are you writing in?");
    expect(buttonRows(list)).toEqual([[`${ritaAlias} · Repairs`], [`${tomAlias} · Repairs`]]);
    await sora.pressIn(list.message_id, `${ritaAlias} · Repairs`);
    const chosen = await sora.waitForEdit(list.message_id, `✍️ You are now writing to ${ritaAlias}.`);
    expect(chosen.text).toContain("✍️ You are writing in this chat.");
    expect(chosen.text).toContain("About: Repairs — Hang a mirror in the hall.");

    await sora.send("Rita's helper here, leaving now");
    await rita.waitFor("Rita's helper here, leaving now");
    // The choice sticks, and /chat shows it.
    await sora.command("chat");
    const again = await sora.waitFor("You have 2 open chats");
    expect(buttonRows(again)).toEqual([[`✍️ ${ritaAlias} · Repairs`], [`${tomAlias} · Repairs`]]);
    await sora.pressIn(again.message_id, `${tomAlias} · Repairs`);
    await sora.waitForEdit(again.message_id, `✍️ You are now writing to ${tomAlias}.`);
    await sora.send("Tom, I come after the mirror");
    await tom.waitFor("Tom, I come after the mirror");

    // A reply goes to the chat of the message it answers, whichever chat is chosen.
    await rita.send("Which floor do you need?");
    const ritaQuestion = await sora.waitFor("Which floor do you need?");
    await sora.send("Tell me the floor", { replyTo: ritaQuestion.message_id });
    await rita.waitFor("Tell me the floor");
    await tom.send("Ok, see you later");
    await sora.waitFor("Ok, see you later");
    await sora.send("Bringing a wrench");
    await tom.waitFor("Bringing a wrench");

    await world.settle();
    for (const text of ["Hello, who is this?", "Tom, I come after the mirror", "Bringing a wrench"])
      expect(received(rita, text)).toBe(false);
    for (const text of ["Hello, who is this?", "Rita's helper here, leaving now", "Tell me the floor", "Which floor do you need?"]) {
      expect(received(tom, text)).toBe(false);
    }
    // Each relayed message sits in its own chat's map.
    const chats = await world.bot.db.kysely.selectFrom("chats").select(["id", "requester_id"]).execute();
    const chatOf = (p: Persona) => Number(chats.find((c) => Number(c.requester_id) === p.id)!.id);
    const rows = await world.bot.db.kysely.selectFrom("relay_messages").select(["chat_id", "from_user_id", "to_user_id"]).execute();
    const requesterOf = (r: (typeof rows)[number]) => [Number(r.from_user_id), Number(r.to_user_id)].find((id) => id !== sora.id)!;
    expect(rows.map((r) => Number(r.chat_id) === chatOf(requesterOf(r) === rita.id ? rita : tom))).toEqual(rows.map(() => true));
    expect(rows).toHaveLength(6);
    expectNoIdentityLeak(world, rita, sora);
    expectNoIdentityLeak(world, tom, sora);
  });

  it("someone in a scene talks to the scene; once it ends, to the chat again", async () => {
    world = await openWorld();
    const sora = await nearbyHelper(world, await startedPersona(world, { firstName: "Sora", languageCode: "en" }));
    const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
    await matchInChat(rita, sora, {
      eta: "10 min",
      requesterBanner: "Your chat with",
      helperBanner: "Your chat with",
      description: "Carry a sofa.",
    });
    await rita.command("ask");
    await rita.waitFor("What do you need help with?");
    await rita.press("Repairs");
    await rita.waitFor("Describe what you need");
    await rita.send("Fix a wobbly shelf as well");
    await rita.waitFor("Where?");
    await rita.command("cancel");
    await rita.waitFor("Cancelled.");
    await rita.send("Back to our sofa");
    await sora.waitFor("Back to our sofa");
    await world.settle();
    expect(received(sora, "Fix a wobbly shelf as well")).toBe(false);
    expectNoIdentityLeak(world, rita, sora);
  });

  it("Complete on the banner ends the chat: its message map goes, and what follows is no longer relayed", async () => {
    world = await openWorld();
    const sora = await nearbyHelper(world, await startedPersona(world, { firstName: "Sora", languageCode: "en" }));
    const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
    const { requesterBanner, helperBanner } = await matchInChat(rita, sora, {
      eta: "10 min",
      requesterBanner: "Your chat with",
      helperBanner: "Your chat with",
      description: "Carry a sofa.",
    });
    expect(buttonRows(requesterBanner)).toEqual([["✅ Complete"], ["✖️ Cancel", "🚩 Report"]]);
    expect(buttonRows(helperBanner)).toEqual([["✅ Complete"], ["✖️ Cancel", "🚩 Report"]]);
    await rita.send("The sofa is on the third floor");
    await sora.waitFor("The sofa is on the third floor");
    await sora.pressIn(helperBanner.message_id, "✅ Complete");
    await rita.pressIn(requesterBanner.message_id, "✅ Complete");
    await rita.waitFor("🏁 The chat with");
    await world.settle();
    const [chat] = await world.bot.db.kysely.selectFrom("chats").select("status").execute();
    expect(chat!.status).toBe("completed");
    expect(await world.bot.db.kysely.selectFrom("relay_messages").selectAll().execute()).toEqual([]);
    // Both banners say the chat ended and lost their buttons.
    for (const [persona, banner] of [
      [rita, requesterBanner],
      [sora, helperBanner],
    ] as const) {
      await persona.waitForEdit(banner.message_id, (m) => m.text.includes("has ended") && m.reply_markup === undefined);
    }
    // A message after the end is told why it went nowhere.
    await rita.send("One more thing");
    await rita.waitFor(`Your chat with ${await aliasOf(world, sora)} has ended, so I no longer pass messages on.`);
    expect(received(sora, "One more thing")).toBe(false);
    await world.settle();
    expectNoIdentityLeak(world, rita, sora);
  });

  it("the partner blocks the bot mid-chat: the sender is told, the chat closes, its message map is gone", async () => {
    world = await openWorld();
    const sora = await nearbyHelper(world, await startedPersona(world, { firstName: "Sora", languageCode: "en" }));
    const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
    await matchInChat(rita, sora, {
      eta: "10 min",
      requesterBanner: "Your chat with",
      helperBanner: "Your chat with",
      description: "Carry a sofa.",
    });
    await rita.send("See you at six");
    await sora.waitFor("See you at six");

    // Telegram does not promise the my_chat_member update of a block: here it never comes, and the
    // refused copy is how the bot learns that Sora is gone.
    sora.blocked = true;
    await rita.send("Are you still coming?");
    await rita.waitFor(`⚠️ ${await aliasOf(world, sora)} can no longer be reached: they stopped the bot. This chat is closed`);
    await world.settle();
    const [chat] = await world.bot.db.kysely.selectFrom("chats").selectAll().execute();
    expect([chat!.status, chat!.close_reason]).toEqual(["closed", "unreachable"]);
    // The request leaves "matched", so nothing stays held for a helper who is gone.
    const [request] = await world.bot.db.kysely.selectFrom("requests").select("status").execute();
    expect(request!.status).toBe("cancelled");
    expect(await world.bot.db.kysely.selectFrom("relay_messages").selectAll().execute()).toEqual([]);
    expect(await world.bot.db.kysely.selectFrom("relay_focus").selectAll().execute()).toEqual([]);
    expect(received(sora, "Are you still coming?")).toBe(false);
    expect(world.fake.errors.some((e) => e.method === "copyMessage")).toBe(true);
    // Told once; afterwards Rita's messages are no longer relayed, and she is not told again.
    await rita.send("Hello?");
    await rita.waitFor(`Your chat with ${await aliasOf(world, sora)} has ended, so I no longer pass messages on.`);
    expect(rita.inbox.filter((m) => m.text.includes("can no longer be reached"))).toHaveLength(1);
    await rita.command("chat");
    await rita.waitFor("You have no open chat.");
    await world.settle();
    expectNoIdentityLeak(world, rita, sora);
  });
});

describe("a message the other side cannot receive", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("a voice message to someone who refuses voice: the sender is told under it, the chat goes on", async () => {
    world = await openWorld();
    const sora = await nearbyHelper(world, await startedPersona(world, { firstName: "Sora", languageCode: "en" }));
    const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
    await matchInChat(rita, sora, {
      eta: "10 min",
      requesterBanner: "Your chat with",
      helperBanner: "Your chat with",
      description: "Carry a sofa.",
    });
    rita.refusesVoice = true;
    const voice = await sora.sendVoice();
    const told = await sora.waitFor(
      `⚠️ This message did not reach ${await aliasOf(world, rita)}: they cannot receive this kind of message.`,
    );
    expect(told.raw.reply_to_message?.message_id).toBe(voice.message_id);
    await sora.send("Sorry, in words then: I am on my way");
    await rita.waitFor("Sorry, in words then: I am on my way");
    await world.settle();
    expect(rita.inbox.some((m) => m.raw.voice !== undefined)).toBe(false);
    const [chat] = await world.bot.db.kysely.selectFrom("chats").select("status").execute();
    expect(chat!.status).toBe("open");
    expectNoIdentityLeak(world, rita, sora);
  });
});

describe("the relay chat in Korean", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("banners with the meeting code, a held phone number and a partner who is gone, in 해요체", async () => {
    world = await openWorld();
    const minsu = await nearbyHelper(world, await startedPersona(world, { firstName: "민수", languageCode: "ko" }));
    const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
    const { requesterBanner, helperBanner } = await matchInChat(rita, minsu, {
      eta: "10분",
      description: "Hang a mirror in the hall.",
      requesterBanner: "대화가 열렸어요",
      helperBanner: "대화가 열렸어요",
      // Rita reads Korean from the choice on.
      beforeChoice: async () =>
        void (await world.bot.db.kysely.updateTable("users").set({ language: "ko" }).where("id", "=", rita.id).execute()),
    });
    const [chat] = await world.bot.db.kysely.selectFrom("chats").selectAll().execute();
    const [ritaAlias, minsuAlias] = [await aliasOf(world, rita), await aliasOf(world, minsu)];
    expect(requesterBanner.text).toContain(`${minsuAlias}님과 대화가 열렸어요.`);
    expect(requesterBanner.text).toContain(`🔑 만남 코드: ${chat!.meeting_code}. ${minsuAlias}님이 도착하면 이 코드를 말할 거예요.`);
    expect(helperBanner.text).toContain(`${ritaAlias}님과 대화가 열렸어요.`);
    expect(helperBanner.text).toContain(`🔑 만남 코드: ${chat!.meeting_code}. 도착하면 이 코드를 말해 주세요.`);
    expect(helperBanner.text).toContain("나중에 이 대화로 돌아오려면 /chat 명령어를 보내 주세요.");

    await minsu.send("제 번호는 010-9876-5432예요");
    const held = await minsu.waitFor(
      `🔒 이 메시지로 내가 누구인지 알려질 수 있어요 (포함된 정보: 전화번호). 그래도 ${ritaAlias}님에게 보낼까요?`,
    );
    expect(buttonRows(held)).toEqual([["그래도 보내기", "보내지 않기"]]);
    await minsu.pressIn(held.message_id, "그래도 보내기");
    await minsu.waitForEdit(held.message_id, `✅ ${ritaAlias}님에게 보냈어요.`);
    const phoneCopy = await rita.waitFor("제 번호는 010-9876-5432예요");

    // Rita refuses voice messages: Minsu hears so, under his voice message.
    rita.refusesVoice = true;
    const voice = await minsu.sendVoice();
    const refused = await minsu.waitFor(`⚠️ 이 메시지는 ${ritaAlias}님에게 전해지지 않았어요.`);
    expect(refused.raw.reply_to_message?.message_id).toBe(voice.message_id);

    await rita.block();
    await minsu.waitFor(`⚠️ ${ritaAlias}님과 더 이상 연락할 수 없어요. 상대방이 봇을 멈췄어요.`);
    await world.settle();
    expectNoIdentityLeak(world, rita, minsu, { sharedBy: { persona: minsu, messageIds: [phoneCopy.message_id] } });
  });
});
