import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findHelper } from "../../db/repositories/helpers.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { approveByButton, askForHelp, buttonRows, northOf, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;

async function aliasOf(world: World, persona: Persona): Promise<string> {
  return (await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "=", persona.id).executeTakeFirstOrThrow()).alias;
}

describe("messages read as a careful product would say them", () => {
  let world: World;
  let ann: Persona;
  let minji: Persona;
  beforeEach(async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    for (const p of [ann, minji]) {
      await p.command("start");
      await p.next();
    }
  });
  afterEach(async () => {
    await world.close();
  });

  it("an offer from a helper with a photo is one photo with the card as its caption; choosing edits that caption", async () => {
    // A photo Telegram knows; the helper's profile photo is stored as its file id.
    const sent = await ann.sendPhoto();
    await seedApprovedHelper(world.bot.db.kysely, ann, northOf(SEOUL, 1), 3, world.bot.clock.now());
    // The seeded profile names the user id; a real helper's profile is their own words.
    await world.bot.db.kysely
      .updateTable("helpers")
      .set({ photo_file_id: sent.photo!.at(-1)!.file_id, profile: "Handy with tools" })
      .where("user_id", "=", ann.id)
      .execute();
    const alias = await aliasOf(world, ann);

    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    const notice = await ann.waitFor("Repairs");
    await ann.pressIn(notice.message_id, "10 min");
    const card = await rita.waitFor((m) => m.kind === "photo");
    expect(card.text).toContain(`${alias} can help — there in ~10 min, about 1 km away`);
    expect(card.text).toContain("Profile: Handy with tools");
    expect(buttonRows(card)).toEqual([[`✅ Choose ${alias}`]]);
    await world.settle();
    // Nothing else about the offer: no separate text card.
    expect(rita.inbox.filter((m) => m.text.includes("can help"))).toHaveLength(1);

    await rita.pressIn(card.message_id, `✅ Choose ${alias}`);
    const chosen = await rita.waitForEdit(card.message_id, `You chose ${alias}`);
    expect(chosen.kind).toBe("photo");
    expect(buttonRows(chosen)).toEqual([]);

    // In Korean too, and a withdrawal edits the caption.
    await seedApprovedHelper(world.bot.db.kysely, minji, northOf(SEOUL, 1), 3, world.bot.clock.now());
    await world.bot.db.kysely
      .updateTable("helpers")
      .set({ photo_file_id: sent.photo!.at(-1)!.file_id })
      .where("user_id", "=", minji.id)
      .execute();
    const minjiAlias = await aliasOf(world, minji);
    const sujin = world.fake.persona({ firstName: "수진", languageCode: "ko" });
    await sujin.command("start");
    await sujin.next();
    const draft = { category: "repairs", description: "선반 달기", place: SEOUL, validityMinutes: 30, fee: 0 };
    expect((await postRequest(world.bot.app.deps, sujin.id, draft)).ok).toBe(true);
    const koNotice = await minji.waitFor("수리");
    await minji.pressIn(koNotice.message_id, "20분");
    const koCard = await sujin.waitFor((m) => m.kind === "photo");
    expect(koCard.text).toContain(`${minjiAlias}님이 도울 수 있어요`);
    await minji.waitForEdit(koNotice.message_id, "20분 안에 가겠다고 제안했어요");
    await minji.pressIn(koNotice.message_id, "↩️ 제안 철회");
    await sujin.waitForEdit(koCard.message_id, (m) => m.text.includes("제안을 철회했어요") && m.kind === "photo");
    await world.settle();
    expectNoIdentityLeak(world, rita, ann);
  });

  it("a card too long for a caption comes as the photo, then the card with the button", async () => {
    const sent = await ann.sendPhoto();
    await seedApprovedHelper(world.bot.db.kysely, ann, northOf(SEOUL, 1), 3, world.bot.clock.now());
    // Longer than any profile the rules allow today, as cards will be once badges and ratings join them.
    const long = "I can help with that. ".repeat(50);
    await world.bot.db.kysely
      .updateTable("helpers")
      .set({ photo_file_id: sent.photo!.at(-1)!.file_id, profile: long })
      .where("user_id", "=", ann.id)
      .execute();
    const alias = await aliasOf(world, ann);
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    await ann.pressIn((await ann.waitFor("Repairs")).message_id, "10 min");
    const photo = await rita.waitFor((m) => m.kind === "photo");
    expect(photo.text).toBe(alias);
    const card = await rita.waitFor(`${alias} can help`);
    expect(card.kind).toBe("text");
    expect(buttonRows(card)).toEqual([[`✅ Choose ${alias}`]]);
  });

  it("a helper who offered reads that the request closed once, on the notice they offered from, also one opened from /nearby", async () => {
    await seedApprovedHelper(world.bot.db.kysely, ann, northOf(SEOUL, 1), 3, world.bot.clock.now());
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    const notice = await ann.waitFor("Repairs");
    await ann.pressIn(notice.message_id, "10 min");
    await ann.waitForEdit(notice.message_id, "You offered");
    // Minji becomes a helper after the request went out: she finds it with /nearby and offers from there.
    await seedApprovedHelper(world.bot.db.kysely, minji, northOf(SEOUL, 1), 3, world.bot.clock.now());
    await minji.command("nearby");
    await minji.waitFor("근처의 열린 요청");
    await minji.press("#1 보기");
    const opened = await minji.waitFor("수리");
    await minji.pressIn(opened.message_id, "30분");
    await minji.waitForEdit(opened.message_id, "30분 안에 가겠다고 제안했어요");
    await rita.waitFor(/can help — there in ~30 min/);

    const posted = rita.inbox.findLast((m) => m.text.includes("Posted"))!;
    await rita.pressIn(posted.message_id, "✖️ Cancel request");
    await rita.waitForEdit(posted.message_id, "Request cancelled");
    await ann.waitForEdit(notice.message_id, (m) => m.text.includes("cancelled by the requester") && m.reply_markup === undefined);
    await minji.waitForEdit(opened.message_id, (m) => m.text.includes("요청자가 취소했어요") && m.reply_markup === undefined);
    await world.settle();
    expect(ann.inbox.filter((m) => m.text.includes("cancelled by the requester"))).toHaveLength(1);
    expect(minji.inbox.filter((m) => m.text.includes("요청자가 취소했어요"))).toHaveLength(1);
  });

  it("the profile names the area around the spot the helper shared and shows it on a map, never as coordinates", async () => {
    const at = northOf(SEOUL, 1);
    for (const p of [ann, minji]) await seedApprovedHelper(world.bot.db.kysely, p, at, 3, world.bot.clock.now());
    await ann.command("profile");
    const profile = await ann.waitFor("Your helper profile");
    expect(profile.text).toContain("Area: within 3 km of the spot you shared, updated");
    expect(profile.text).not.toMatch(/37\.\d|126\.\d/);
    await ann.press("📍 Show on map");
    const pin = await ann.waitFor((m) => m.kind === "location");
    expect(pin.location).toMatchObject(at);

    await minji.command("profile");
    const korean = await minji.waitFor("내 헬퍼 프로필");
    expect(korean.text).toContain("활동 지역: 보내 주신 곳에서 3km 이내");
    expect(korean.text).not.toMatch(/37\.\d|126\.\d/);
    await minji.press("📍 지도에서 보기");
    expect((await minji.waitFor((m) => m.kind === "location")).location).toMatchObject(at);
  });

  it("a live location shared at registration is followed after approval like one shared later", async () => {
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const hal = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    await hal.command("helper");
    await hal.waitFor("1/7");
    await hal.press(/^Keep “/);
    const categories = await hal.waitFor("2/7");
    await hal.pressIn(categories.message_id, "Repairs");
    await hal.waitForEdit(categories.message_id, (m) => JSON.stringify(m.reply_markup).includes("✅ Repairs"));
    await hal.press("✔️ Done");
    await hal.waitFor("Anything else");
    await hal.press("Skip");
    await hal.waitFor("3/7");
    await hal.send("I fix things.");
    await hal.waitFor("4/7");
    await hal.press("Skip");
    await hal.waitFor("5/7");
    await hal.press("✔️ Done");
    await hal.waitFor("experience");
    await hal.press("Skip");
    await hal.waitFor("6/7");
    const live = await hal.sendLocation(SEOUL.latitude, SEOUL.longitude, { livePeriod: 3600 });
    await hal.waitFor("I follow your live location until");
    // Moving while the registration goes on is not an answer to anything, and asks nothing again.
    await hal.editLiveLocation(live.message_id, northOf(SEOUL, 0.5).latitude, SEOUL.longitude);
    await hal.waitFor("7/7");
    await hal.press("3 km");
    await hal.waitFor("Check your application");
    await hal.press("✅ Submit");
    await hal.waitFor("Submitted!");
    await approveByButton(admin, hal);

    const moved = northOf(SEOUL, 2);
    await hal.editLiveLocation(live.message_id, moved.latitude, moved.longitude);
    await world.settle();
    expect(await findHelper(world.bot.db.kysely, hal.id)).toMatchObject({ latitude: moved.latitude, longitude: moved.longitude });
    expect(hal.inbox.filter((m) => m.text.includes("6/7"))).toHaveLength(1);
    // And it ends when the live period does, as later ones do.
    world.bot.clock.advance(3601_000);
    await hal.editLiveLocation(live.message_id, northOf(SEOUL, 5).latitude, SEOUL.longitude);
    await world.settle();
    expect(await findHelper(world.bot.db.kysely, hal.id)).toMatchObject({ latitude: moved.latitude });
  });
});
