import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findHelper } from "../../db/repositories/helpers.js";
import { Actions } from "../../src/ui/actions.js";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { approveByButton, registerHelper, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;
const SECOND_ADMIN_ID = 900_002;

describe("helper registration and approval", () => {
  let world: World;
  let admin: Persona;
  beforeEach(async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${ADMIN_ID},${SECOND_ADMIN_ID}` } });
    admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
  });
  afterEach(async () => {
    await world.close();
  });

  it("registers in English with photo and proofs, and the applicant sees the approval", async () => {
    const ann = world.fake.persona({ firstName: "Ann", username: "ann_lee", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("Let's register you as a helper");
    await ann.waitFor("1/7");
    await ann.send("Handy Helper");
    const categories = await ann.waitFor("2/7");
    await ann.press("Moving / carrying");
    await ann.press("Repairs");
    // Toggling shows the choice on the button itself.
    await ann.waitForEdit(categories.message_id, (m) => JSON.stringify(m.reply_markup).includes("✅ Repairs"));
    await ann.press("✔️ Done");
    await ann.waitFor("Anything else");
    await ann.send("I have a van");
    await ann.waitFor("3/7");
    await ann.send("Carpenter, 10 years. Happy to help <neighbours> & friends.");
    await ann.waitFor("4/7");
    await ann.sendPhoto();
    await ann.waitFor("5/7");
    await ann.sendDocument("licence.pdf");
    await ann.waitFor("Got it (1/5)");
    await ann.sendPhoto("id card");
    await ann.waitFor("Got it (2/5)");
    await ann.press("✔️ Done");
    await ann.waitFor("experience");
    await ann.send("Licensed carpenter");
    await ann.waitFor("6/7");
    await ann.press("📍 Send my location", { location: SEOUL });
    await ann.waitFor("Location saved");
    expect(ann.keyboard).toBeNull();
    await ann.waitFor("7/7");
    await ann.press("5 km");
    const review = await ann.waitFor("Check your application");
    expect(review.text).toContain("Alias: Handy Helper");
    expect(review.text).toContain("Helps with: Moving / carrying, Repairs");
    expect(review.text).toContain("Happy to help <neighbours> & friends.");
    expect(review.text).toContain("Proofs: 2");
    expect(review.text).toContain("Travel radius: 5 km");
    await ann.press("✅ Submit");
    await ann.waitFor("Submitted!");

    // The admin card: the area, never the exact point, and never Ann's Telegram identity.
    const card = await admin.waitFor(`Helper application #${ann.id}`);
    // The area is a map pin rounded to about 1 km, not numbers in the text.
    expect(card.text).toContain("Area: 📍 the map pin below");
    expect(card.text).not.toContain(String(SEOUL.latitude));
    const pin = await admin.waitFor((m) => m.kind === "location");
    expect(pin.location).toMatchObject({ latitude: 37.57, longitude: 126.98 });
    expect(card.text).not.toMatch(/ann_lee|\bAnn\b/);
    const attachments = await Promise.all([
      admin.waitFor((m) => m.kind === "photo"),
      admin.waitFor((m) => m.kind === "document"),
      admin.waitFor((m) => m.kind === "photo"),
    ]);
    expect(attachments.map((m) => m.text).every((t) => t.includes("Handy Helper"))).toBe(true);
    expect((await findHelper(world.bot.db.kysely, ann.id))?.status).toBe("pending");

    await approveByButton(admin, ann);
    await admin.waitForEdit(card.message_id, (m) => m.text.includes("Approved by") && m.reply_markup === undefined);
    const helper = await world.bot.db.kysely.selectFrom("helpers").selectAll().where("user_id", "=", ann.id).executeTakeFirst();
    expect(helper).toMatchObject({ status: "approved", radius_m: 5000, decided_by: ADMIN_ID, categories_note: "I have a van" });
    const audit = await world.bot.db.kysely.selectFrom("admin_audit").selectAll().execute();
    expect(audit).toMatchObject([{ admin_id: ADMIN_ID, action: "helper.approve", subject_id: ann.id }]);
    const history = await world.bot.db.kysely
      .selectFrom("helper_status_history")
      .select("to_status")
      .where("user_id", "=", ann.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.to_status)).toEqual(["pending", "approved"]);
  });

  it("registers in Korean and is told the outcome in Korean", async () => {
    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("helper");
    await minji.waitFor("1/7");
    await minji.send("민지 이웃");
    await minji.waitFor("2/7");
    await minji.press("동행 / 귀갓길");
    await minji.press("✔️ 완료");
    await minji.waitFor("그 밖에");
    await minji.press("건너뛰기");
    await minji.waitFor("3/7");
    await minji.send("밤길 동행해 드려요.");
    await minji.waitFor("4/7");
    await minji.press("건너뛰기");
    await minji.waitFor("5/7");
    await minji.press("✔️ 완료");
    await minji.waitFor("경력");
    await minji.press("건너뛰기");
    await minji.waitFor("6/7");
    await minji.sendVenue(37.5, 127.0, "강남역", "서울 강남구");
    await minji.waitFor("위치를 저장했어요");
    await minji.waitFor("7/7");
    await minji.press("1 km");
    await minji.waitFor("신청 내용을 확인하세요");
    await minji.press("✅ 제출");
    await minji.waitFor("제출했어요");
    await approveByButton(admin, minji, "헬퍼로 승인되었어요");
  });

  it("wrong input at each step gets a hint and the scene goes on", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7");
    await ann.send("call me 010-1234-5678");
    await ann.waitFor("No phone numbers in an alias");
    await ann.send("@ann_lee");
    await ann.waitFor("No @handles");
    await ann.send("A");
    await ann.waitFor("2–32 characters");
    await ann.sendSticker();
    await ann.waitFor("Please send text");
    await ann.send("Careful Ann");
    await ann.waitFor("2/7");
    await ann.send("repairs");
    await ann.waitFor("Please tap the categories above");
    const done = await ann.press("✔️ Done");
    expect((await ann.waitForCallbackAnswer(done)).text).toBe("Choose at least one category.");
    await ann.press("Tech help");
    await ann.press("✔️ Done");
    await ann.waitFor("Anything else");
    await ann.press("Skip");
    await ann.waitFor("3/7");
    await ann.sendSticker();
    await ann.waitFor("Please send text");
    await ann.send("x".repeat(600));
    await ann.waitFor("That is 600 characters; the limit is 500");
    await ann.send("I help with phones and laptops.");
    await ann.waitFor("4/7");
    await ann.sendDocument("me.jpg");
    await ann.waitFor("Please send a photo");
    await ann.press("Skip");
    await ann.waitFor("5/7");
    await ann.sendVoice();
    await ann.waitFor("Please send a photo or a document");
    await ann.press("✔️ Done");
    await ann.waitFor("experience");
    await ann.press("Skip");
    await ann.waitFor("6/7");
    await ann.send("Gangnam station");
    await ann.waitFor("I need a location");
    await ann.sendVenue(91, 127, "Nowhere", "Off the map");
    await ann.waitFor("not on Earth");
    await ann.sendLocation(SEOUL.latitude, SEOUL.longitude);
    await ann.waitFor("Location saved");
    await ann.waitFor("7/7");
    await ann.send("3");
    await ann.waitFor("Please choose a distance with the buttons");
    await ann.press("3 km");
    await ann.waitFor("Check your application");
    // Editing one field from the review card asks just that question again.
    await ann.press("✏️ Profile");
    await ann.waitFor("3/7");
    await ann.send("Phones, laptops, printers.");
    const review = await ann.waitFor("Check your application");
    expect(review.text).toContain("Profile: Phones, laptops, printers.");
    expect(review.text).toContain("Alias: Careful Ann");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toBeUndefined();
  });

  it("/cancel midway leaves no helper and no draft; leaving by another command keeps the draft", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7");
    await ann.send("Wandering Ann");
    await ann.waitFor("2/7");
    await ann.command("start");
    await ann.waitFor("I am doum");
    await ann.command("helper");
    await ann.waitFor("unfinished helper registration");
    await ann.press("▶️ Continue");
    await ann.waitFor("2/7");
    await ann.press("Pets");
    await ann.press("✔️ Done");
    await ann.waitFor("Anything else");
    await ann.command("cancel");
    await ann.waitFor("Cancelled");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toBeUndefined();
    expect(await world.bot.db.kysely.selectFrom("helper_drafts").selectAll().execute()).toEqual([]);
    await ann.command("helper");
    await ann.waitFor("Let's register you as a helper");
    await ann.waitFor("1/7");
  });

  it("reject with a reason reaches the applicant; non-admins cannot approve; two admins approving at once decide once", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    const bob = world.fake.persona({ firstName: "Bob", languageCode: "en" });
    const second = world.fake.persona({ id: SECOND_ADMIN_ID, firstName: "Admin2", languageCode: "en" });
    await second.command("start");
    await second.waitFor("I am doum");
    await registerHelper(ann, { at: SEOUL });
    await registerHelper(bob, { at: SEOUL });

    // Bob is not an admin: the command does not exist for him.
    await bob.command("approve", String(ann.id));
    await bob.waitFor("I don't know that command");
    expect((await findHelper(world.bot.db.kysely, ann.id))?.status).toBe("pending");

    // Reject by button, with a reason asked for.
    const annCard = await admin.waitFor(`Helper application #${ann.id}`);
    const cardA = await admin.waitFor(`Helper application #${bob.id}`);
    await admin.pressIn(annCard.message_id, "✖️ Reject");
    await admin.waitFor("Why is");
    await admin.send("Profile too short <sorry>");
    await admin.waitFor("Rejected");
    await ann.waitFor("was not approved. Reason: Profile too short <sorry>");
    await admin.waitForEdit(annCard.message_id, "Rejected by");

    // Two admins tap Approve on Bob's card at the same moment.
    const cardB = await second.waitFor(`Helper application #${bob.id}`);
    const [qa, qb] = await Promise.all([admin.pressIn(cardA.message_id, "✅ Approve"), second.pressIn(cardB.message_id, "✅ Approve")]);
    const answers = await Promise.all([admin.waitForCallbackAnswer(qa), second.waitForCallbackAnswer(qb)]);
    const texts = answers.map((a) => a.text ?? "");
    expect(texts.filter((t) => t.startsWith("✅ Approved"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("no longer pending"))).toHaveLength(1);
    await bob.waitFor("You are approved as a helper");
    await world.settle();
    expect(bob.inbox.filter((m) => m.text.includes("approved as a helper"))).toHaveLength(1);
    const history = await world.bot.db.kysely
      .selectFrom("helper_status_history")
      .select("to_status")
      .where("user_id", "=", bob.id)
      .execute();
    expect(history.map((h) => h.to_status)).toEqual(["pending", "approved"]);

    // The command forms, with bad input answered.
    await admin.command("reject", String(bob.id));
    await admin.waitFor("Usage: /reject");
    await admin.command("suspend", `${bob.id} no-shows`);
    await admin.waitFor("Suspended");
    await bob.waitFor("suspended. Reason: no-shows");
    await admin.command("reinstate", String(bob.id));
    await admin.waitFor("Reinstated");
    await admin.command("pending");
    await admin.waitFor("No applications are waiting");
    // Admin menus carry the admin commands; others' do not.
    expect(world.fake.commandsFor(ADMIN_ID, "en").map((c) => c.command)).toContain("approve");
    expect(world.fake.commandsFor(bob.id, "en").map((c) => c.command)).not.toContain("approve");
  });

  it("refuses look-alike, hidden-character and reserved aliases, and profile text with contact details", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await registerHelper(ann, { at: SEOUL, alias: "Victim Helper" });
    const bob = world.fake.persona({ firstName: "Bob", languageCode: "en" });
    await bob.command("helper");
    await bob.waitFor("1/7");
    await bob.send("Victim Helper\u200B");
    await bob.waitFor("That alias hides invisible characters");
    await bob.send("V\u0456ctim Helper"); // Cyrillic і
    await bob.waitFor("That alias is already taken");
    await bob.send("ＶＩＣＴＩＭ ＨＥＬＰＥＲ");
    await bob.waitFor("That alias is already taken");
    await bob.send("Admin");
    await bob.waitFor("That alias contains a reserved name");
    await bob.send("doum");
    await bob.waitFor("That alias contains a reserved name");
    await bob.send("Doum Support");
    await bob.waitFor("That alias contains a reserved name");
    await bob.send("Bob Builds");
    const categories = await bob.waitFor("2/7");
    await bob.pressIn(categories.message_id, "Repairs");
    await bob.waitForEdit(categories.message_id, (m) => JSON.stringify(m.reply_markup).includes("✅ Repairs"));
    await bob.press("✔️ Done");
    await bob.waitFor("Anything else");
    await bob.send("Or call 010-9876-5432 for more");
    await bob.waitFor("Please take out “010-9876-5432”: no phone numbers here");
    await bob.press("Skip");
    await bob.waitFor("3/7");
    await bob.send("My portfolio: https://bob.example.com/work — ask for anything.");
    await bob.waitFor("Please take out “https://bob.example.com/work”: no links here");
    await bob.send("Text me +82 10 9876 5432");
    await bob.waitFor("Please take out “+82 10 9876 5432”: no phone numbers here");
    await bob.send("Carpenter 2012-2020, now fixing bikes.");
    await bob.waitFor("4/7");
    await bob.command("cancel");
    await bob.waitFor("Cancelled");

    // Only Ann holds the alias, by its folded key; Bob kept the alias he was given.
    const users = await world.bot.db.kysely
      .selectFrom("users")
      .select(["id", "alias", "alias_key"])
      .where("id", "in", [ann.id, bob.id])
      .execute();
    expect(users.find((u) => u.id === ann.id)).toMatchObject({ alias: "Victim Helper", alias_key: "vlctlm helper" });
    expect(users.find((u) => u.id === bob.id)?.alias).toMatch(/^[A-Za-z]+ [A-Za-z]+ \d+$/);
    expect(await findHelper(world.bot.db.kysely, bob.id)).toBeUndefined();

    // In Korean the same rules, in Korean words.
    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("helper");
    await minji.waitFor("1/7");
    await minji.send("도움");
    await minji.waitFor("예약된 이름");
    await minji.send("관리자");
    await minji.waitFor("예약된 이름");
    await minji.send("민지 이웃");
    await minji.waitFor("2/7");
  });

  it("an edit of a pending application goes back to review; old cards lose their buttons and decide nothing", async () => {
    const second = world.fake.persona({ id: SECOND_ADMIN_ID, firstName: "Admin2", languageCode: "ko" });
    await second.command("start");
    await second.waitFor("도움");
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await registerHelper(ann, { at: SEOUL, profile: "I fix things and carry boxes." });
    const oldCard = await admin.waitFor(`Helper application #${ann.id}`);
    const oldCardKo = await second.waitFor(`#${ann.id}`);
    expect(oldCard.text).toContain("I fix things and carry boxes.");
    const firstSubmission = (await findHelper(world.bot.db.kysely, ann.id))!.submittedAt;

    // Ann edits while the admins have not decided yet.
    await ann.command("profile");
    await ann.waitFor("Your helper profile");
    await ann.press("✏️ Edit profile");
    await ann.waitFor("still waiting for review");
    await ann.waitFor("Your profile — change a field or save");
    await ann.press("✏️ Profile");
    await ann.waitFor("3/7");
    await ann.send("Call me on 010-1234-5678 instead.");
    await ann.waitFor("Please take out “010-1234-5678”");
    await ann.send("I fix bikes, and carry boxes up to the 5th floor.");
    await ann.waitFor("Your profile — change a field or save");
    await ann.press("💾 Save");
    await ann.waitFor("Your application went back to review");
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({
      status: "pending",
      profile: "I fix bikes, and carry boxes up to the 5th floor.",
    });

    // Every admin's old card says it was replaced and has no buttons left; a new card shows the new text.
    await admin.waitForEdit(oldCard.message_id, (m) => m.text.includes("Replaced: the applicant changed") && m.reply_markup === undefined);
    await second.waitForEdit(oldCardKo.message_id, (m) => m.text.includes("신청자가 내용을 고쳐") && m.reply_markup === undefined);
    const newCard = await admin.waitFor(`Helper application #${ann.id}`);
    expect(newCard.message_id).not.toBe(oldCard.message_id);
    expect(newCard.text).toContain("I fix bikes, and carry boxes up to the 5th floor.");
    await second.waitFor((m) => m.text.includes(`#${ann.id}`) && m.text.includes("I fix bikes"));

    // A tap on the old card that was on its way before the edit landed decides nothing.
    const staleApprove = admin.pressForged(oldCard.message_id, Actions.approveHelper.data(ann.id, firstSubmission));
    expect((await admin.waitForCallbackAnswer(staleApprove)).text).toContain("changed the application after this card was sent");
    const staleReject = second.pressForged(oldCardKo.message_id, Actions.rejectHelper.data(ann.id, firstSubmission));
    expect((await second.waitForCallbackAnswer(staleReject)).text).toContain("신청 내용이 바뀌었어요");
    expect((await findHelper(world.bot.db.kysely, ann.id))?.status).toBe("pending");

    // Saving again without a change sends nothing new.
    await ann.command("profile");
    await ann.press("✏️ Edit profile");
    await ann.waitFor("Your profile — change a field or save");
    await ann.press("💾 Save");
    await ann.waitFor("No changes made");
    await world.settle();
    expect(admin.inbox.filter((m) => m.text.includes(`Helper application #${ann.id}`))).toHaveLength(2);

    // Approving the new card gives Ann the text the admin saw on it.
    await approveByButton(admin, ann);
    await admin.waitForEdit(newCard.message_id, (m) => m.text.includes("Approved by") && m.reply_markup === undefined);
    expect(await findHelper(world.bot.db.kysely, ann.id)).toMatchObject({
      status: "approved",
      profile: "I fix bikes, and carry boxes up to the 5th floor.",
    });
    const history = await world.bot.db.kysely
      .selectFrom("helper_status_history")
      .select("to_status")
      .where("user_id", "=", ann.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.to_status)).toEqual(["pending", "approved"]);
  });
});
