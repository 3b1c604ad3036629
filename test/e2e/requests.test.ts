import { afterEach, describe, expect, it } from "vitest";
import { findRequest } from "../../db/repositories/requests.js";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { seedApprovedHelper } from "../support/seed.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { approveByButton, askForHelp, northOf, registerHelper, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;

describe("requests: posting, matching nearby, offers, choosing", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("notifies the helpers within 3 km at a fuzzed point, takes their offers and matches the chosen one", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const near = world.fake.persona({ firstName: "Nadia", languageCode: "en" });
    const mid = world.fake.persona({ firstName: "Mid", languageCode: "en" });
    const far = world.fake.persona({ firstName: "Far", languageCode: "en" });
    // An alias with characters that mean something in HTML: every view must show it as typed.
    await registerHelper(near, { at: northOf(SEOUL, 0.5), radiusKm: 3, alias: "Near & <Dear>" });
    await approveByButton(admin, near);
    await registerHelper(mid, { at: northOf(SEOUL, 2), radiusKm: 5 });
    await approveByButton(admin, mid);
    // Mid reads Korean from now on: notices go out in each helper's own language.
    await mid.command("language");
    const prompt = await mid.waitFor("Choose your language");
    await mid.press("한국어");
    await mid.waitForEdit(prompt.message_id, "한국어로");
    await registerHelper(far, { at: northOf(SEOUL, 8), radiusKm: 10 });
    await approveByButton(admin, far);

    const rita = world.fake.persona({ firstName: "Rita", username: "rita_r", languageCode: "en" });
    const posted = await askForHelp(rita, { at: SEOUL, description: "Carry a <heavy> wardrobe & a lamp" });
    expect(posted.text).toContain("2 helpers nearby were told");

    // The two near helpers see the request at a fuzzed point, never the exact one.
    const nearMap = await near.waitFor((m) => m.kind === "location");
    const midMap = await mid.waitFor((m) => m.kind === "location");
    for (const map of [nearMap, midMap]) {
      expect(map.location).toBeDefined();
      expect(map.location!.latitude).not.toBe(SEOUL.latitude);
      expect(Math.abs(map.location!.latitude - SEOUL.latitude)).toBeLessThan(0.01);
    }
    const nearNotice = await near.waitFor("Repairs");
    const midNotice = await mid.waitFor("수리");
    expect(nearNotice.text).toContain("Carry a <heavy> wardrobe & a lamp");
    expect(nearNotice.text).toContain("under 1 km away");
    expect(midNotice.text).toContain("거리 약 2 km");
    expect(nearNotice.text).not.toMatch(/Rita|rita_r/);
    await world.settle();
    expect(far.inbox.some((m) => m.text.includes("wardrobe"))).toBe(false);

    // Both offer, with an ETA; the requester gets one card each.
    await near.pressIn(nearNotice.message_id, "10 min");
    await near.waitForEdit(nearNotice.message_id, "You offered to be there in 10 min");
    await mid.pressIn(midNotice.message_id, "20분");
    await mid.waitForEdit(midNotice.message_id, "20분 안에 가겠다고 제안했어요");
    const nearAlias = (await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "=", near.id).executeTakeFirstOrThrow())
      .alias;
    const nearCard = await rita.waitFor(`${nearAlias} can help`);
    expect(nearCard.text).toContain("there in ~10 min, under 1 km away");
    const midCard = await rita.waitFor(/can help — there in ~20 min/);
    expect(midCard.text).not.toMatch(/Nadia|Mid/);

    await rita.press(`✅ Choose ${nearAlias}`);
    await rita.waitForEdit(nearCard.message_id, `You chose ${nearAlias}`);

    // The chosen helper gets the exact place; the other is told; every notice is closed.
    await near.waitFor("You were chosen");
    const exact = await near.waitFor((m) => m.kind === "location");
    expect(exact.location).toMatchObject({ latitude: SEOUL.latitude, longitude: SEOUL.longitude });
    // The chosen helper's own notice says so; the one who also offered reads it once, on the notice
    // they offered from (no second message saying the same).
    await near.waitForEdit(nearNotice.message_id, (m) => m.text.includes("you were chosen") && m.reply_markup === undefined);
    expect(near.inbox.some((m) => m.text.includes("taken by another helper"))).toBe(false);
    await mid.waitForEdit(midNotice.message_id, (m) => m.text.includes("다른 헬퍼를 선택했어요") && m.reply_markup === undefined);
    await world.settle();
    expect(mid.inbox.filter((m) => m.text.includes("다른 헬퍼를 선택했어요"))).toHaveLength(1);
    await rita.waitForEdit(midCard.message_id, "Another helper was chosen");
    const request = await world.bot.db.kysely.selectFrom("requests").selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: "matched", helper_id: near.id });
    // Neither side of the match, nor the one not chosen, was shown who the other is.
    expectNoIdentityLeak(world, rita, near);
    expectNoIdentityLeak(world, rita, mid);
  });

  it("wrong input at each step of asking gets a hint; a stale Accept answers no longer available", async () => {
    world = await openWorld();
    const helper = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    await helper.command("start");
    await helper.waitFor("I am doum");
    await seedApprovedHelper(world.bot.db.kysely, helper, northOf(SEOUL, 1), 3, world.bot.clock.now());
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await rita.command("ask");
    await rita.waitFor("What do you need help with?");
    await rita.send("repairs");
    await rita.waitFor("Please choose a category with the buttons");
    await rita.press("Repairs");
    await rita.waitFor("Describe what you need");
    await rita.sendSticker();
    await rita.waitFor("Please send text");
    await rita.send("y".repeat(1001));
    await rita.waitFor("That is 1001 characters; the limit is 1000");
    await rita.send("Fix a dripping tap.");
    await rita.waitFor("Where?");
    await rita.send("my flat");
    await rita.waitFor("I need a location");
    await rita.sendLocation(37.5, 181);
    await rita.waitFor("not on Earth");
    await rita.sendVenue(SEOUL.latitude, SEOUL.longitude, "Home", "Seoul");
    await rita.waitFor("Place saved");
    await rita.waitFor("How long should the request stay open?");
    await rita.send("2 minutes");
    await rita.waitFor("from 5 to 1440");
    await rita.press("⌨️ Other");
    await rita.waitFor("How many minutes?");
    await rita.send("99999");
    await rita.waitFor("from 5 to 1440");
    await rita.send("45");
    const feeQuestion = await rita.waitFor("Would you like to offer a fee");
    // With no credits, "No fee" is the only fee offered.
    expect(JSON.stringify(feeQuestion.reply_markup)).not.toMatch(/"text":"\d+"/);
    await rita.send("ten");
    await rita.waitFor("type a whole number of credits");
    await rita.send("10");
    await rita.waitFor(
      `You can offer up to 0 credits now; that fee needs 10 more. To top up, ask an admin and give your account number ${rita.id}. Or choose a smaller fee.`,
    );
    await rita.press("No fee");
    const card = await rita.waitFor("Check your request");
    expect(card.text).toContain("Open for: 45 min");
    await rita.press("📣 Post");
    const posted = await rita.waitFor("One helper nearby was told");
    const request = await world.bot.db.kysely.selectFrom("requests").selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: "open", fee: 0, description: "Fix a dripping tap." });
    expect(request.expires_at - request.created_at).toBe(45 * 60_000);

    // The helper offers from the notice, then again from /nearby: the second changes nothing.
    const notice = await helper.waitFor("Fix a dripping tap.");
    await helper.pressIn(notice.message_id, "30 min");
    await helper.waitForEdit(notice.message_id, "You offered");
    await helper.command("nearby");
    await helper.waitFor("Open requests near you (1/1)");
    await helper.press("Open #1");
    const copy = await helper.waitFor((m) => m.text.includes("Fix a dripping tap.") && m.reply_markup !== undefined);
    const again = await helper.pressIn(copy.message_id, "10 min");
    expect((await helper.waitForCallbackAnswer(again)).text).toBe("You already offered for this request.");
    const offerCard = await rita.waitFor("can help — there in ~30 min");
    expect(await world.bot.db.kysely.selectFrom("offers").selectAll().execute()).toHaveLength(1);

    // The helper withdraws before being chosen: the requester's card says so and loses its button.
    await helper.press("↩️ Withdraw my offer");
    await helper.waitForEdit(notice.message_id, "You withdrew your offer");
    await rita.waitForEdit(offerCard.message_id, (m) => m.text.includes("withdrew the offer") && m.reply_markup === undefined);
    expect((await world.bot.db.kysely.selectFrom("offers").select("status").executeTakeFirstOrThrow()).status).toBe("withdrawn");

    // The requester cancels before choosing: no penalty, and the helper's notice closes.
    await rita.press("✖️ Cancel request");
    await rita.waitForEdit(posted.message_id, "Request cancelled");
    expect((await findRequest(world.bot.db.kysely, request.id))?.status).toBe("cancelled");
    await helper.waitForEdit(notice.message_id, (m) => m.text.includes("No longer available") && m.reply_markup === undefined);

    // The copy opened from /nearby is closed like the notice fan-out sent.
    await helper.waitForEdit(copy.message_id, (m) => m.text.includes("No longer available") && m.reply_markup === undefined);
  });
});

describe("/nearby", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("pages open requests nearest first, long descriptions shortened to fit", async () => {
    world = await openWorld({ env: { MAX_OPEN_REQUESTS_PER_USER: "10" } });
    const hal = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    for (const p of [hal, rita]) {
      await p.command("start");
      await p.waitFor("I am doum");
    }
    // Posted through the service: the scene is proven above, and seven scenes in a row would
    // outpace Telegram's per-chat limit.
    for (let i = 0; i < 7; i++) {
      const place = northOf(SEOUL, 0.3 * (i + 1));
      const posted = await postRequest(world.bot.app.deps, rita.id, {
        category: "repairs",
        description: `Request ${i} ${"x".repeat(990)}`,
        place,
        validityMinutes: 60,
        fee: 0,
      });
      expect(posted.ok).toBe(true);
    }
    // Hal becomes a helper only now, so the list is all he sees.
    await seedApprovedHelper(world.bot.db.kysely, hal, SEOUL, 3, world.bot.clock.now());
    await hal.command("nearby");
    const first = await hal.waitFor("Open requests near you (1/2)");
    const lines = first.text.split("\n").slice(1);
    expect(lines.map((l) => /Request (\d)/.exec(l)?.[1])).toEqual(["0", "1", "2", "3", "4"]);
    expect(first.text.length).toBeLessThan(4096);
    expect(lines[0]).toContain("…");
    // The page turns in the same message.
    await hal.press("Next ▶️");
    const second = await hal.waitForEdit(first.message_id, "Open requests near you (2/2)");
    expect(
      second.text
        .split("\n")
        .slice(1)
        .map((l) => /Request (\d)/.exec(l)?.[1]),
    ).toEqual(["5", "6"]);
    // Someone who is not a helper is told how to become one.
    await rita.command("nearby");
    await rita.waitFor("/nearby shows open requests to approved helpers");
  });
});

describe("credits for fees", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("an admin tops up a balance with a reason; the fee is then accepted", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    for (const p of [admin, rita]) {
      await p.command("start");
      await p.waitFor("I am doum");
    }
    await admin.command("credit", `${rita.id} twenty`);
    await admin.waitFor("Usage: /credit");
    await admin.command("credit", `${rita.id} -5 oops`);
    await admin.waitFor("a balance cannot go below zero");
    await admin.command("credit", `${rita.id} +20 paid at the community centre`);
    await admin.waitFor("now has 20 credits");
    await rita.waitFor("Your credit balance changed by +20 (paid at the community centre). Balance: 20 credits.");

    await rita.command("ask");
    await rita.waitFor("What do you need help with?");
    await rita.press("Errands / shopping");
    await rita.waitFor("Describe what you need");
    await rita.send("Pick up medicine from the pharmacy.");
    await rita.waitFor("Where?");
    await rita.sendLocation(SEOUL.latitude, SEOUL.longitude);
    await rita.waitFor("How long should the request stay open?");
    await rita.press("1 h");
    await rita.waitFor("You can offer up to 20 credits");
    await rita.press("20");
    const card = await rita.waitFor("Check your request");
    expect(card.text).toContain("Fee: 20 credits");
    await rita.press("📣 Post");
    await rita.waitFor("Posted");
    expect((await world.bot.db.kysely.selectFrom("requests").select("fee").executeTakeFirstOrThrow()).fee).toBe(20);
    const audit = await world.bot.db.kysely.selectFrom("admin_audit").select(["action", "reason"]).execute();
    expect(audit).toEqual([{ action: "credits.adjust", reason: "20: paid at the community centre" }]);
  });
});

describe("restricted users", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("a restricted user is told why they cannot post, and a restricted helper is not notified", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const helper = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    for (const p of [rita, helper]) {
      await p.command("start");
      await p.waitFor("I am doum");
    }
    await seedApprovedHelper(world.bot.db.kysely, helper, northOf(SEOUL, 1), 3, world.bot.clock.now());

    await admin.command("restrict", `${rita.id} three no-shows`);
    await admin.waitFor("Restricted");
    await rita.waitFor("Your account is restricted");
    await rita.command("ask");
    await rita.waitFor("You cannot post requests at the moment: your account is restricted. Reason: three no-shows");
    await admin.command("restrict", String(rita.id));
    await admin.waitFor("Usage: /restrict");
    await admin.command("unrestrict", String(rita.id));
    await admin.waitFor("Lifted the restriction");
    await rita.waitFor("restriction was lifted");

    await admin.command("restrict", `${helper.id} rude`);
    await admin.waitFor("Restricted");
    const posted = await askForHelp(rita, { at: SEOUL });
    expect(posted.text).toContain("No helper is available nearby right now");
    await world.settle();
    expect(helper.inbox.some((m) => m.text.includes("Please help me hang"))).toBe(false);
    const audit = await world.bot.db.kysely.selectFrom("admin_audit").select("action").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["user.restrict", "user.unrestrict", "user.restrict"]);
  });
});
