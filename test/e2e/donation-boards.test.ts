import { afterEach, describe, expect, it } from "vitest";
import { createBoard as openBoard, donate } from "../../src/services/boards.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seededHelper, started } from "./closing-support.js";

const ADMIN_ID = 900_301;
const ENV = { ADMIN_IDS: String(ADMIN_ID) };
/** The labels of a message's inline buttons, in order. */
const buttons = (message: InboxMessage) => message.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text);
const GONE = "This board is no longer available.";

describe("badge donation boards", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  const db = () => world.bot.db.kysely;
  const boards = () =>
    db()
      .selectFrom("boards")
      .select(["id", "organisation", "title", "needed", "goal", "raised", "photo_file_id", "status", "close_reason"])
      .orderBy("id")
      .execute();
  const badgeRows = (userId: number) =>
    db()
      .selectFrom("badge_entries")
      .select(["kind", "amount", "reason"])
      .where("user_id", "=", userId)
      .where("reason", "=", "donated")
      .orderBy("id")
      .execute();

  /** A user holding `help` help badges from completed helps. */
  async function earned(persona: Persona, help: number) {
    const now = world.bot.clock.now();
    for (let chat = 1; chat <= help; chat++)
      await db()
        .insertInto("badge_entries")
        .values({ user_id: persona.id, kind: "help", amount: 1, reason: "completed", subject_id: persona.id * 100 + chat, created_at: now })
        .execute();
  }

  /** Presses a page's gift button and confirms it once the question (`question`) arrives. */
  async function give(persona: Persona, pageId: number, amount: number, question: string) {
    await persona.pressIn(pageId, `🏅 Give ${amount}`);
    const confirm = await persona.waitFor(question);
    await persona.pressIn(confirm.message_id, `✅ Yes, give ${amount}`);
    return confirm.message_id;
  }

  /** The admin's scene from /newboard to the end, answering every step wrongly once first. */
  async function createBoard(
    admin: Persona,
    words: Record<string, string | RegExp>,
    board: { organisation: string; title: string; needed: string; goal: string; photo: boolean },
  ) {
    await admin.command("newboard");
    await admin.waitFor(words.organisationPrompt!);
    await admin.sendSticker();
    await admin.waitFor(words.organisationHint!);
    await admin.send(board.organisation);
    await admin.waitFor(words.titlePrompt!);
    await admin.send("x".repeat(101));
    await admin.waitFor(words.tooLong!);
    await admin.send(board.title);
    await admin.waitFor(words.neededPrompt!);
    await admin.sendPhoto();
    await admin.waitFor(words.neededHint!);
    await admin.send(board.needed);
    await admin.waitFor(words.goalPrompt!);
    await admin.send(words.badGoal as string);
    await admin.waitFor(words.goalHint!);
    await admin.send(board.goal);
    await admin.waitFor(words.photoPrompt!);
    await admin.send("a photo");
    await admin.waitFor(words.photoHint!);
    if (board.photo) await admin.sendPhoto();
    else await admin.press(words.noPhoto!);
    return admin.waitFor(words.created!);
  }

  const EN_SCENE = {
    organisationPrompt: "Which organisation is the board for?",
    organisationHint: "Please send text. Send the organisation's name as text.",
    titlePrompt: "The board's title?",
    tooLong: "That is 101 characters; the limit is 100.",
    neededPrompt: "What is needed",
    neededHint: "Send what is needed as text.",
    goalPrompt: "How many help badges does the board need?",
    badGoal: "lots",
    goalHint: "Send a whole number of help badges from 1 to 1,000,000",
    photoPrompt: "Send a photo for the board, or press No photo.",
    photoHint: "Send a photo, or press No photo.",
    noPhoto: "No photo",
    created: "is open. /boards shows it.",
  };

  it("an admin creates boards (with and without a photo, a hint at every wrong step, /cancel leaves); users give with confirmation; the goal closes it once", async () => {
    world = await openWorld({ env: ENV });
    const admin = await started(world, "Admin", "en", ADMIN_ID);

    // /cancel in the middle leaves and saves nothing.
    await admin.command("newboard");
    await admin.waitFor(EN_SCENE.organisationPrompt);
    await admin.send("Half-made Home");
    await admin.waitFor(EN_SCENE.titlePrompt);
    await admin.command("cancel");
    await admin.waitFor("Cancelled. Nothing was saved.");
    await admin.send("Title after cancel");
    await world.settle();
    expect(await boards()).toEqual([]);

    await createBoard(admin, EN_SCENE, {
      organisation: "Sunshine <Home>",
      title: "Winter blankets",
      needed: "Blankets for 30 rooms.",
      goal: "1,000",
      photo: true,
    });
    await createBoard(admin, EN_SCENE, { organisation: "River School", title: "Books", needed: "Picture books.", goal: "6", photo: false });
    const [sunshine, books] = await boards();
    expect(sunshine).toMatchObject({ organisation: "Sunshine <Home>", title: "Winter blankets", goal: 1000, raised: 0, status: "open" });
    expect(sunshine!.photo_file_id).toEqual(expect.any(String));
    expect(books).toMatchObject({
      organisation: "River School",
      title: "Books",
      needed: "Picture books.",
      goal: 6,
      photo_file_id: null,
      status: "open",
    });

    // Users list the boards with a progress bar and open a page.
    const ann = await started(world, "Ann", "en");
    const bo = await started(world, "Bo", "en");
    await seededHelper(world, ann);
    await earned(ann, 4);
    await earned(bo, 3);
    await ann.command("boards");
    const list = await ann.waitFor("Donation boards");
    expect(list.text).toContain("Winter blankets · Sunshine <Home>");
    expect(list.text).toContain("░░░░░░░░░░ 0% · 0 of 1,000 help badges");
    await ann.pressIn(list.message_id, "Books");
    const page = await ann.waitFor("🏠 River School");
    expect(page.text).toContain("Picture books.");
    expect(page.text).toContain("No supporters yet.");
    // Gifts up to what is still needed; no admin buttons for a user.
    expect(buttons(page)).toEqual(["🏅 Give 1", "🏅 Give 5", "🏅 Give 6"]);

    // Above what she has: refused with the numbers, nothing given.
    const short = await ann.pressIn(page.message_id, "🏅 Give 5");
    expect(await ann.waitForCallbackAnswer(short)).toMatchObject({
      text: "You have 4 help badges, so you cannot give 5. Nothing was given.",
      show_alert: true,
    });
    expect(await badgeRows(ann.id)).toEqual([]);

    // A gift asks first; "keep" gives nothing.
    await ann.pressIn(page.message_id, "🏅 Give 1");
    const ask = await ann.waitFor("Give 1 of your 4 help badges to “Books” (River School)?");
    await ann.pressIn(ask.message_id, "Keep my badges");
    await ann.waitForEdit(ask.message_id, "Nothing was given.");
    expect(await badgeRows(ann.id)).toEqual([]);

    await ann.pressIn(page.message_id, "🏅 Give 1");
    const confirm = await ann.waitFor("Give 1 of your 4 help badges");
    const yes = confirm.raw.reply_markup!.inline_keyboard.flat().find((b) => b.text === "✅ Yes, give 1")!.callback_data!;
    await ann.pressIn(confirm.message_id, "✅ Yes, give 1");
    await ann.waitForEdit(
      confirm.message_id,
      "💝 Thank you! You gave 1 help badge to “Books” and now support River School. Help badges left: 3.",
    );
    // The same confirmation pressed again (a double tap) gives nothing more.
    expect((await ann.waitForCallbackAnswer(ann.pressForged(confirm.message_id, yes))).text).toBe("This gift was already made.");
    expect(await badgeRows(ann.id)).toEqual([
      { kind: "help", amount: -1, reason: "donated" },
      { kind: "donated", amount: 1, reason: "donated" },
    ]);

    // Bo gives 3 and Ann 2 more: the goal of 6 is reached; the board closes, admin and both donors told once.
    await bo.command("boards");
    await bo.pressIn((await bo.waitFor("Donation boards")).message_id, "Books");
    const boPage = await bo.waitFor("🤝 Supporters: ");
    expect(boPage.text).toMatch(/🤝 Supporters: \S/);
    expect(buttons(boPage)).toEqual(["🏅 Give 1", "🏅 Give 5"]);
    const giveFive = await bo.pressIn(boPage.message_id, "🏅 Give 5");
    expect((await bo.waitForCallbackAnswer(giveFive)).text).toBe("You have 3 help badges, so you cannot give 5. Nothing was given.");
    await world.settle();
    await bo.waitForEdit(await give(bo, boPage.message_id, 1, "Give 1 of your 3 help badges"), "Help badges left: 2.");
    await bo.waitForEdit(await give(bo, boPage.message_id, 1, "Give 1 of your 2 help badges"), "Help badges left: 1.");
    await ann.command("boards");
    await ann.pressIn((await ann.waitFor(/3 of 6 help badges/)).message_id, "Books");
    const last = await ann.waitFor(/Supporters: .*, /);
    expect(buttons(last)).toEqual(["🏅 Give 1", "🏅 Give 3"]);
    const lastGift = await give(ann, last.message_id, 3, "Give 3 of your 3 help badges");
    await ann.waitForEdit(lastGift, "Your gift made the board reach its goal, so it is now closed.");
    await world.settle();
    const reached = (p: Persona) => p.inbox.filter((m) => m.text.includes("reached its goal of 6 help badges")).length;
    expect([reached(admin), reached(ann), reached(bo)]).toEqual([1, 1, 1]);
    expect((await boards())[1]).toMatchObject({ raised: 6, status: "closed", close_reason: "goal" });
    // The closed board's old buttons give nothing.
    const late = await bo.pressIn(boPage.message_id, "🏅 Give 1");
    expect((await bo.waitForCallbackAnswer(late)).text).toBe(GONE);
    await ann.command("boards");
    const after = await ann.waitFor("Donation boards");
    expect(after.text).not.toContain("Books");

    // /badges and /profile show what was given.
    await ann.command("badges");
    const badges = await ann.waitFor("Your badges");
    expect(badges.text).toContain("🏅 Help badges: 0");
    expect(badges.text).toContain("💝 Given to donation boards: 4 help badges");
    expect(badges.text).toContain("🤝 You support: River School (4)");
    expect(badges.text).toContain("🎁 Prize: 4 of 100 help badges");
    expect(badges.text).toContain("-3 help — given to a donation board");
    await ann.command("profile");
    expect((await ann.waitFor("Completed helps")).text).toContain("💝 Given to donation boards: 4");
    expect(reached(admin)).toBe(1);

    // The photo board's page shows its photo first.
    await bo.command("boards");
    await bo.pressIn((await bo.waitFor("Donation boards")).message_id, "Winter blankets");
    await bo.waitFor("🏠 Sunshine <Home>");
    expect(bo.inbox.some((m) => m.kind === "photo" && m.file_id === sunshine!.photo_file_id)).toBe(true);
  });

  it("an admin edits a board (Keep leaves an answer) and closes one; a non-admin gets no admin command or button, forged ones included", async () => {
    world = await openWorld({ env: ENV });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    await createBoard(admin, EN_SCENE, {
      organisation: "Hope Shelter",
      title: "Heating",
      needed: "Fuel for winter.",
      goal: "50",
      photo: false,
    });
    const [board] = await boards();

    // Edit: keep the organisation, a new title, keep what is needed, a lower goal, add a photo.
    await admin.command("boards");
    await admin.pressIn((await admin.waitFor("Donation boards")).message_id, "Heating");
    const page = await admin.waitFor("🏠 Hope Shelter");
    expect(buttons(page)).toEqual(["🏅 Give 1", "🏅 Give 5", "🏅 Give 10", "✏️ Edit", "✖️ Close the board"]);
    await admin.pressIn(page.message_id, "✏️ Edit");
    await admin.waitFor("Editing a donation board.");
    expect((await admin.waitFor(EN_SCENE.organisationPrompt)).text).toContain("Now: Hope Shelter");
    await admin.press("Keep");
    await admin.waitFor(EN_SCENE.titlePrompt);
    await admin.send("Heating & hot water");
    await admin.waitFor(EN_SCENE.neededPrompt);
    await admin.press("Keep");
    await admin.waitFor(EN_SCENE.goalPrompt);
    await admin.send("0");
    await admin.waitFor(EN_SCENE.goalHint);
    await admin.send("40");
    await admin.waitFor(EN_SCENE.photoPrompt);
    await admin.sendPhoto();
    await admin.waitFor("The donation board “Heating & hot water” is saved.");
    expect(await boards()).toEqual([
      expect.objectContaining({
        id: board!.id,
        organisation: "Hope Shelter",
        title: "Heating & hot water",
        needed: "Fuel for winter.",
        goal: 40,
        status: "open",
      }),
    ]);
    expect((await boards())[0]!.photo_file_id).toEqual(expect.any(String));

    // A non-admin: /newboard is an unknown command, the page has no admin buttons, and forged
    // admin presses are not allowed and change nothing.
    const mallory = await started(world, "Mallory", "en");
    await mallory.command("newboard");
    await mallory.waitFor("I don't know that command.");
    await mallory.command("boards");
    await mallory.pressIn((await mallory.waitFor("Donation boards")).message_id, "Heating & hot water");
    const theirs = await mallory.waitFor("🏠 Hope Shelter");
    expect(buttons(theirs)).toEqual(["🏅 Give 1", "🏅 Give 5", "🏅 Give 10"]);
    const giftData = theirs.raw.reply_markup!.inline_keyboard.flat().find((b) => b.text === "🏅 Give 1")!.callback_data!;
    const before = await boards();
    // (Refusals leave Mallory's own page as it was: its Give buttons still work.)
    for (const data of [`1:bded:${board!.id}`, `1:bdcl:${board!.id}`, `1:bdclok:${board!.id}:yes`]) {
      const pressed = mallory.pressForged(theirs.message_id, data);
      expect((await mallory.waitForCallbackAnswer(pressed)).text, data).toBe("You are not allowed to use this button.");
    }
    await world.settle();
    expect(await boards()).toEqual(before);
    expect(buttons(mallory.inbox.find((m) => m.message_id === theirs.message_id)!)).toEqual(["🏅 Give 1", "🏅 Give 5", "🏅 Give 10"]);
    expect(mallory.inbox.some((m) => m.text.includes("Editing a donation board") || m.text.includes("Close “"))).toBe(false);

    // Close asks first; "keep it open" keeps it; then it closes and leaves the list.
    await admin.pressIn(page.message_id, "✖️ Close the board");
    const ask = await admin.waitFor("Close “Heating & hot water”? Nobody can give to it any more");
    await admin.pressIn(ask.message_id, "Keep it open");
    await admin.waitForEdit(ask.message_id, "The board stays open.");
    expect((await boards())[0]!.status).toBe("open");
    await admin.pressIn(page.message_id, "✖️ Close the board");
    const again = await admin.waitFor(/^Close “Heating/);
    expect(again.message_id).not.toBe(ask.message_id);
    await admin.pressIn(again.message_id, "✖️ Yes, close it");
    await admin.waitForEdit(again.message_id, "“Heating & hot water” is closed.");
    expect(await boards()).toEqual([expect.objectContaining({ status: "closed", close_reason: "admin" })]);
    // A gift from its page and a second Edit find it gone; the list is empty.
    const gift = mallory.pressForged(theirs.message_id, giftData);
    expect((await mallory.waitForCallbackAnswer(gift)).text).toBe(GONE);
    const edit = await admin.pressIn(page.message_id, "✏️ Edit");
    expect((await admin.waitForCallbackAnswer(edit)).text).toBe(GONE);
    await mallory.command("boards");
    await mallory.waitFor("There are no open donation boards right now.");
  });

  it("in Korean: an admin creates a board through the scene; a gift above what one has is refused, gifts are confirmed, the goal closes it once", async () => {
    world = await openWorld({ env: ENV });
    const admin = await started(world, "관리자", "ko", ADMIN_ID);
    await createBoard(
      admin,
      {
        organisationPrompt: "어느 단체를 위한 보드인가요?",
        organisationHint: "텍스트로 보내 주세요. 단체 이름을 글로 보내 주세요.",
        titlePrompt: "보드 제목은 무엇인가요?",
        tooLong: "101자예요. 100자까지 쓸 수 있으니",
        neededPrompt: "무엇이 필요하고",
        neededHint: "필요한 것을 글로 보내 주세요.",
        goalPrompt: "도움 배지가 몇 개 필요한가요?",
        badGoal: "많이",
        goalHint: "1부터 1,000,000까지의 숫자로 보내 주세요.",
        photoPrompt: "보드에 넣을 사진을 보내 주세요.",
        photoHint: "사진을 보내거나 사진 없음 버튼을 눌러 주세요.",
        noPhoto: "사진 없음",
        created: "✅ 기부 보드를 열었어요: “겨울 이불”.",
      },
      { organisation: "햇살 요양원", title: "겨울 이불", needed: "이불 30채가 필요해요.", goal: "2", photo: false },
    );
    const minji = await started(world, "민지", "ko");
    await earned(minji, 1);
    await minji.command("boards");
    const list = await minji.waitFor("기부 보드");
    expect(list.text).toContain("░░░░░░░░░░ 0% · 도움 배지 0/2");
    await minji.pressIn(list.message_id, "겨울 이불");
    const page = await minji.waitFor("🏠 햇살 요양원");
    expect(page.text).toContain("🤝 아직 후원자가 없어요.");
    const tooMany = await minji.pressIn(page.message_id, "🏅 2개 기부");
    expect((await minji.waitForCallbackAnswer(tooMany)).text).toBe(
      "가진 도움 배지가 1개라서 2개를 기부할 수 없어요. 아무것도 기부되지 않았어요.",
    );
    await minji.pressIn(page.message_id, "🏅 1개 기부");
    const confirm = await minji.waitFor("도움 배지 1개 중 1개를 “겨울 이불” 보드에 기부할까요? (단체: 햇살 요양원)");
    await minji.pressIn(confirm.message_id, "✅ 네, 1개 기부할게요");
    await minji.waitForEdit(
      confirm.message_id,
      "💝 감사해요! “겨울 이불” 보드에 도움 배지 1개를 기부했어요. 이제 햇살 요양원 후원자예요. 남은 도움 배지: 0개",
    );
    await minji.command("badges");
    const badges = await minji.waitFor("내 배지");
    expect(badges.text).toContain("💝 기부 보드에 기부한 도움 배지: 1개");
    expect(badges.text).toContain("🤝 후원하는 단체: 햇살 요양원 (1)");
    expect(badges.text).toContain("도움 -1 — 기부 보드에 기부");

    // The last badge: the board closes, and the admin and both donors hear it once, in Korean.
    const jun = await started(world, "준호", "ko");
    await earned(jun, 1);
    await jun.command("boards");
    await jun.pressIn((await jun.waitFor("도움 배지 1/2")).message_id, "겨울 이불");
    const junPage = await jun.waitFor(/🤝 후원자: \S/);
    await jun.pressIn(junPage.message_id, "🏅 1개 기부");
    const junConfirm = await jun.waitFor("도움 배지 1개 중 1개를");
    await jun.pressIn(junConfirm.message_id, "✅ 네, 1개 기부할게요");
    await jun.waitForEdit(junConfirm.message_id, "🎉 이번 기부로 보드가 목표를 달성해서 마감됐어요.");
    await world.settle();
    const donorNote = "🎉 “겨울 이불” 보드가 목표인 도움 배지 2개를 달성해서 마감됐어요. 단체: 햇살 요양원. 후원해 주셔서 감사해요!";
    expect(minji.inbox.filter((m) => m.text === donorNote)).toHaveLength(1);
    expect(jun.inbox.filter((m) => m.text === donorNote)).toHaveLength(1);
    expect(
      admin.inbox.filter((m) => m.text === "🎉 기부 보드가 목표를 달성해서 마감됐어요: “겨울 이불” (단체: 햇살 요양원, 도움 배지 2개)"),
    ).toHaveLength(1);
    expect(await badgeRows(minji.id)).toEqual([
      { kind: "help", amount: -1, reason: "donated" },
      { kind: "donated", amount: 1, reason: "donated" },
    ]);
  });

  it("an edit that lowers the goal to what is already given closes the board as reached, telling admins and donors once", async () => {
    world = await openWorld({ env: ENV });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const deps = world.bot.app.deps;
    const boardId = await openBoard(deps, ADMIN_ID, {
      organisation: "Hope",
      title: "Stoves",
      needed: "Two stoves.",
      goal: 5,
      photoFileId: null,
    });
    const ann = await started(world, "Ann", "en");
    await earned(ann, 3);
    expect(await donate(deps, ann.id, boardId, 3)).toMatchObject({ ok: true, reachedGoal: false });

    await admin.command("boards");
    await admin.pressIn((await admin.waitFor("Donation boards")).message_id, "Stoves");
    await admin.pressIn((await admin.waitFor("🏠 Hope")).message_id, "✏️ Edit");
    for (const prompt of [EN_SCENE.organisationPrompt, EN_SCENE.titlePrompt, EN_SCENE.neededPrompt]) {
      await admin.waitFor(prompt);
      await admin.press("Keep");
    }
    await admin.waitFor(EN_SCENE.goalPrompt);
    await admin.send("3");
    await admin.waitFor(EN_SCENE.photoPrompt);
    await admin.press("Keep");
    await admin.waitFor("The donation board “Stoves” is saved.");
    await world.settle();
    expect(await boards()).toEqual([expect.objectContaining({ goal: 3, raised: 3, status: "closed", close_reason: "goal" })]);
    const told = (p: Persona) => p.inbox.filter((m) => m.text.includes("“Stoves” (Hope) reached its goal of 3 help badges")).length;
    expect([told(admin), told(ann)]).toEqual([1, 1]);
  });
});
