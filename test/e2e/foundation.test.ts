import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUser } from "../../db/repositories/users.js";
import { openWorld, type World } from "../support/e2e.js";

const buttonLabels = (markup: unknown): string[] =>
  ((markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);

describe("foundation: greeting, language, help, unhandled input, reachability", () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("greets two users at the same time, each in their own language, by alias only", async () => {
    const ann = world.fake.persona({ firstName: "Ann", lastName: "Lee", username: "ann_lee", languageCode: "en" });
    const minji = world.fake.persona({ firstName: "민지", username: "minji_k", languageCode: "ko" });
    await Promise.all([ann.command("start"), minji.command("start")]);

    const english = await ann.waitFor("I am doum");
    const korean = await minji.waitFor("이웃끼리 손을 빌려주는 봇");
    expect(english.text).toMatch(/^Hello, [A-Z][a-z]+ [A-Z][a-z]+ \d+! I am doum/);
    expect(english.text.split("\n")).toHaveLength(4);
    // Each is named in their own language's words: a Korean user gets a Hangul alias.
    expect(korean.text).toMatch(/^안녕하세요, [가-힣]+ [가-힣]+ \d+님!/);
    expect(buttonLabels(english.reply_markup)).toEqual([
      "🆘 Ask for help",
      "📍 Requests nearby",
      "🚶 Walk me home",
      "🙋 Become a helper",
      "❓ Help",
      "🌐 Language",
    ]);
    expect(buttonLabels(korean.reply_markup)).toEqual([
      "🆘 도움 요청",
      "📍 근처 요청",
      "🚶 집까지 같이 걷기",
      "🙋 헬퍼 등록",
      "❓ 도움말",
      "🌐 언어",
    ]);
    // Never the Telegram name or handle: only the generated alias.
    expect(english.text).not.toMatch(/Ann|ann_lee/);
    expect(korean.text).not.toMatch(/민지|minji_k/);

    const stored = await findUser(world.bot.db.kysely, ann.id);
    expect(stored).toMatchObject({ clientLanguage: "en", language: null, reachable: true });
    expect(english.text).toContain(stored!.alias);
    const storedKorean = await findUser(world.bot.db.kysely, minji.id);
    expect(storedKorean?.alias).toMatch(/^[가-힣]+ [가-힣]+ \d+$/);
    expect(korean.text).toContain(storedKorean!.alias);
  });

  it("switching language changes the next answers and the command menu", async () => {
    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("start");
    await minji.waitFor("이웃끼리 손을 빌려주는 봇");
    expect(world.fake.commandsFor(minji.id, "ko").map((c) => c.description)).toContain("메인 메뉴");

    await minji.command("language");
    const prompt = await minji.waitFor("언어를 선택하세요");
    const query = await minji.press("English");
    await minji.waitForCallbackAnswer(query);
    // The question itself turns into the answer, so its buttons cannot be pressed again.
    const answered = await minji.waitForEdit(prompt.message_id, "I will speak English");
    expect(answered.reply_markup).toBeUndefined();

    await minji.command("help");
    const help = await minji.waitFor("How doum works");
    expect(help.text).toContain("/cancel");
    expect(world.fake.commandsFor(minji.id, "ko").find((c) => c.command === "start")?.description).toBe("Main menu");
    expect((await findUser(world.bot.db.kysely, minji.id))?.language).toBe("en");

    // The menu button leads to the same scene and back to Korean.
    await minji.command("start");
    await minji.waitFor("I am doum");
    await minji.press("🌐 Language");
    const again = await minji.waitFor("Choose your language");
    await minji.press("한국어");
    await minji.waitForEdit(again.message_id, "이제부터 한국어로");
    await world.settle();
    expect(world.fake.commandsFor(minji.id, "ko").find((c) => c.command === "start")?.description).toBe("메인 메뉴");
  });

  it("/help lists the commands, also from the menu button", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("help");
    const help = await ann.waitFor("How doum works");
    for (const command of ["/start", "/helper", "/language", "/cancel", "/help"]) expect(help.text).toContain(command);
    await ann.command("start");
    await ann.waitFor("I am doum");
    await ann.press("❓ Help");
    await ann.waitFor("How doum works");
  });

  it("answers unhandled text, media, unknown commands and forged buttons clearly", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.send("hello there");
    await ann.waitFor("I did not understand that");
    await ann.sendSticker();
    await ann.waitFor("I did not understand that");
    await ann.command("frobnicate");
    await ann.waitFor("I don't know that command");
    await ann.command("cancel");
    await ann.waitFor("There is nothing to cancel");
    // A non-admin trying an admin command learns nothing about it.
    await ann.command("approve", "123");
    await ann.waitFor("I don't know that command");
  });

  it("/help inside a scene says where the user is, and /cancel leaves it", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("language");
    await ann.waitFor("Choose your language");
    await ann.send("english please");
    await ann.waitFor("Please use the buttons above");
    await ann.command("help");
    await ann.waitFor(/You are in the middle of: choosing a language/);
    await ann.command("cancel");
    await ann.waitFor("Cancelled");
    // The old button is now stale and says so.
    const query = await ann.press("English");
    const answer = await ann.waitForCallbackAnswer(query);
    expect(answer.text).toBe("This button is no longer available.");
    expect((await findUser(world.bot.db.kysely, ann.id))?.language).toBeNull();
  });

  it("an error inside a handler is logged and the user is told something went wrong", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
    // Break the database under the bot: the registration scene cannot read its drafts.
    await sql`drop table helper_drafts`.execute(world.bot.db.kysely);
    await ann.command("helper");
    await ann.waitFor("Sorry, something went wrong on my side");
    // The bot is still alive for everything else.
    await ann.command("help");
    await ann.waitFor("How doum works");
  });

  it("blocking the bot marks the user unreachable, unblocking reachable again", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("start");
    await ann.waitFor("I am doum");
    await ann.block();
    await world.settle();
    expect((await findUser(world.bot.db.kysely, ann.id))?.reachable).toBe(false);
    await ann.unblock();
    await world.settle();
    expect((await findUser(world.bot.db.kysely, ann.id))?.reachable).toBe(true);
  });
});
