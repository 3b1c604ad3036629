import { afterEach, describe, expect, it } from "vitest";
import type { World } from "../support/e2e.js";
import { openWorld } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { seedApprovedHelper } from "../support/seed.js";
import { northOf, SEOUL } from "../support/stories.js";
import { started } from "./closing-support.js";
import { startBot } from "../support/bot.js";
import { Actions } from "../../src/ui/actions.js";

const ADMIN_ID = 900_413;
const MINUTE = 60_000;
// Digits that appear in no timestamp or id of these stories, so finding them anywhere is a leak.
const PIN = "86420975";
const DURESS_PIN = "5317";
const WRONG_PIN = "1111";

/** An approved helper 300 m north of the start; `urgent` switches walk-home requests on through /profile. */
async function helperNear(
  world: World,
  persona: Persona,
  urgent: boolean,
  words = { on: "🚶 Receive walk-home requests", done: "You will hear" },
) {
  await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, 0.3), 5, world.bot.clock.now());
  // The seeded profile names the user id; a real helper's profile is their own words.
  await world.bot.db.kysely.updateTable("helpers").set({ profile: "Walks fast" }).where("user_id", "=", persona.id).execute();
  if (!urgent) return;
  await persona.command("profile");
  const profile = await persona.waitFor((m) => buttonLabels(m).includes(words.on));
  const query = await persona.pressIn(profile.message_id, words.on);
  expect((await persona.waitForCallbackAnswer(query)).text).toContain(words.done);
}

function buttonLabels(m: InboxMessage): string[] {
  return ((m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);
}

/** The PIN typed as a message: it must be deleted from the chat once read. */
async function typePin(world: World, persona: Persona, pin: string): Promise<void> {
  const sent = await persona.send(pin);
  await world.settle();
  const deleted = world.fake
    .callsTo("deleteMessage")
    .some(
      (c) =>
        Number((c.params as { chat_id: unknown }).chat_id) === persona.id &&
        (c.params as { message_id: number }).message_id === sent.message_id,
    );
  expect(deleted, `the PIN message #${sent.message_id} was deleted`).toBe(true);
}

/** Sets the safety PIN from /safety (and the duress PIN when given), as a user does. */
async function setPins(world: World, persona: Persona, duress?: string): Promise<void> {
  await persona.command("safety");
  await persona.waitFor("Your safety settings");
  await persona.press("🔢 Set safety PIN");
  await persona.waitFor("Type a new safety PIN: 4 to 8 digits.");
  await typePin(world, persona, PIN);
  await persona.waitFor("✅ Safety PIN saved.");
  if (duress === undefined) return;
  await persona.press("🆘 Set duress PIN");
  await persona.waitFor("Type a duress PIN");
  // The same digits as the safety PIN would make both mean the same: refused.
  await typePin(world, persona, PIN);
  await persona.waitFor("The duress PIN must differ");
  await typePin(world, persona, duress);
  await persona.waitFor("✅ Duress PIN saved.");
}

/** /walkhome with a live location, an optional destination and the 30-minute check-in; returns the live message id. */
async function startWalk(requester: Persona, opts: { destination?: string } = {}): Promise<number> {
  await requester.command("walkhome");
  await requester.waitFor("Share your live location");
  const live = await requester.sendLocation(SEOUL.latitude, SEOUL.longitude, { livePeriod: 3600 });
  await requester.waitFor("Where are you heading?");
  if (opts.destination === undefined) await requester.press("Skip");
  else await requester.send(opts.destination);
  await requester.waitFor("By when do you expect to be there?");
  await requester.press("30 min");
  await requester.waitFor("Your walk has started");
  return live.message_id;
}

/** The helper offers from the walk notice and the requester chooses them; returns the helper's banner and live copy. */
async function walkWith(requester: Persona, helper: Persona, words = { eta: "10 min", choose: /^✅ Choose/, banner: "both of you press" }) {
  const notice = await helper.waitFor((m) => m.text.includes("🚶") && buttonLabels(m).includes(words.eta) && !m.deleted);
  await helper.pressIn(notice.message_id, words.eta);
  const offer = await requester.waitFor("🙋");
  await requester.pressIn(offer.message_id, words.choose);
  const banner = await helper.waitFor(words.banner);
  // Sent at urgent priority, so ahead of the banner: the newest live location in the helper's chat.
  const liveCopy = helper.inbox.findLast((m) => m.location?.live_period !== undefined);
  expect(liveCopy, "the helper got a live location").toBeDefined();
  return { notice, banner, liveCopy: liveCopy! };
}

async function walkRow(world: World, requesterId: number) {
  const row = await world.bot.db.kysely
    .selectFrom("walks")
    .selectAll()
    .where("requester_id", "=", requesterId)
    .orderBy("request_id", "desc")
    .executeTakeFirstOrThrow();
  return { requestId: Number(row.request_id), status: row.status, wrongPins: Number(row.wrong_pins), duress: Number(row.duress) };
}

describe("walk me home", () => {
  let world: World;
  let logLines: string[];
  afterEach(async () => {
    await world.close();
  });

  it("from the menu tap to the safe confirmation with the PIN: live location required, opted-in helpers only, the helper follows the live location, a wrong PIN is refused neutrally, the PIN is kept only hashed", async () => {
    logLines = [];
    world = await openWorld({
      env: { ADMIN_IDS: String(ADMIN_ID), LOG_LEVEL: "debug" },
      logDestination: { write: (line) => void logLines.push(line) },
    });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = world.fake.persona({ firstName: "Rita", lastName: "Kwon", username: "rita_k", languageCode: "en" });
    await rita.command("start");
    const menu = await rita.waitFor("I am doum");
    const ann = world.fake.persona({ firstName: "Ann", lastName: "Lee", username: "ann_lee", languageCode: "en" });
    await ann.command("start");
    await ann.next();
    const bob = await started(world, "Bob", "en");
    await helperNear(world, ann, true);
    await helperNear(world, bob, false);

    // One tap from the main menu; with no PIN yet, the way on is setting one.
    await rita.pressIn(menu.message_id, "🚶 Walk me home");
    await rita.waitFor("Before your first walk, set a safety PIN");
    await rita.press("🔢 Set safety PIN");
    await rita.waitFor("Type a new safety PIN");
    await typePin(world, rita, "12ab");
    await rita.waitFor("A PIN is 4 to 8 digits, nothing else.");
    await typePin(world, rita, PIN);
    await rita.waitFor("✅ Safety PIN saved.");

    await rita.command("walkhome");
    const livePrompt = await rita.waitFor("Share your live location");
    expect(livePrompt.text).toContain("In real danger call 112 now: this bot is not an emergency service.");
    // A plain pin is not enough, and neither is text.
    await rita.sendLocation(SEOUL.latitude, SEOUL.longitude);
    await rita.waitFor("That is a single pin. A walk needs a live location");
    const live = await rita.sendLocation(SEOUL.latitude, SEOUL.longitude, { livePeriod: 3600 });
    await rita.waitFor("Where are you heading?");
    await rita.send("x".repeat(101));
    await rita.waitFor("That is 101 characters; the limit is 100.");
    await rita.send("Home near <b>Hapjeong</b> & the park");
    await rita.waitFor("By when do you expect to be there?");
    await rita.send("500");
    await rita.waitFor("Please give a whole number of minutes from 5 to 240");
    await rita.send("25");
    const startedCard = await rita.waitFor("Your walk has started");
    expect(startedCard.text).toContain("Helpers told: 1.");
    expect(startedCard.text).toContain("Check-in: 10:25");
    expect(startedCard.text).toContain("call 112");

    // Told at once, at urgent priority, to the helper who opted in; Bob, who did not, hears nothing
    // and cannot offer with a forged Accept.
    await world.settle();
    const forged = bob.pressForged(bob.lastMessage()!.message_id, Actions.accept.data((await walkRow(world, rita.id)).requestId, 10));
    expect((await bob.waitForCallbackAnswer(forged)).text).toBe("Walk-home requests go to helpers who switched them on in /profile.");
    expect(await db.selectFrom("offers").select("helper_id").where("helper_id", "=", bob.id).execute()).toEqual([]);
    const { banner, liveCopy } = await walkWith(rita, ann);
    const notified = await db.selectFrom("request_notifications").select("helper_id").execute();
    expect(notified.map((n) => Number(n.helper_id))).toEqual([ann.id]);
    const noticeRows = await db
      .selectFrom("outbox")
      .select(["priority", "method"])
      .where("chat_id", "=", ann.id)
      .where("ref", "like", "request:%")
      .where("method", "=", "sendMessage")
      .execute();
    expect(noticeRows.map((r) => Number(r.priority))).toEqual([-1]);
    await world.settle();
    expect(bob.inbox.filter((m) => m.text.includes("Walk me home") || m.location)).toEqual([]);

    // The chosen helper: the exact live location, the destination as typed, the meeting code on the banner.
    expect(liveCopy.location).toMatchObject({ latitude: SEOUL.latitude, longitude: SEOUL.longitude });
    const card = ann.inbox.find((m) => m.text.includes("You are walking with"))!;
    expect(card.text).toContain("Heading to: Home near <b>Hapjeong</b> & the park");
    expect(card.text).toContain("call 112");
    expect(banner.text).toMatch(/code/i);
    // Rita moves: Ann's copy moves with her.
    const moved = northOf(SEOUL, 0.4);
    await rita.editLiveLocation(live.message_id, moved.latitude, moved.longitude);
    await ann.waitForEdit(liveCopy.message_id, (m) => m.location?.latitude === moved.latitude);
    // The relay chat works as for any request.
    await ann.send("I am at the corner, see you?");
    await rita.waitFor("I am at the corner, see you?");

    // The helper's "arrived" does not close it.
    await ann.pressIn(banner.message_id, "✅ Complete");
    await ann.waitFor("The walk ends when");
    await rita.waitFor("says you have arrived");
    expect((await walkRow(world, rita.id)).status).toBe("active");

    // "I'm safe" asks for the PIN; a wrong one is refused neutrally and counted.
    await rita.press("🏠 I'm safe");
    await rita.waitFor("Type your safety PIN.");
    await typePin(world, rita, WRONG_PIN);
    const refused = await rita.waitFor("That didn't work, try again.");
    expect(refused.text).toBe("That didn't work, try again.");
    expect(await walkRow(world, rita.id)).toMatchObject({ status: "active", wrongPins: 1 });
    await typePin(world, rita, PIN);
    const safe = await rita.waitFor("Glad you are safe");
    expect(safe.text).toBe(
      "🏠 Glad you are safe. Your walk has ended.\n\n☎️ In real danger call 112 now: this bot is not an emergency service.",
    );
    await rita.waitFor("Rate from 1 to 5");
    await ann.waitFor("is completed");
    await world.settle();

    const walk = await walkRow(world, rita.id);
    expect(walk).toMatchObject({ status: "safe", wrongPins: 1, duress: 0 });
    const request = await db.selectFrom("requests").select(["status", "fee"]).where("id", "=", walk.requestId).executeTakeFirstOrThrow();
    expect(request).toEqual({ status: "completed", fee: 0 });
    // The helper's live copy stopped with the walk.
    expect(world.fake.callsTo("stopMessageLiveLocation").map((c) => (c.params as { message_id: number }).message_id)).toEqual([
      liveCopy.message_id,
    ]);
    // No alarm and no duress alert reached the admin.
    expect(admin.inbox.filter((m) => m.text.includes("Walk #"))).toEqual([]);

    // The PIN is stored as a salted hash, and its digits are nowhere: not in any table, not in the log.
    const pins = await db.selectFrom("safety_pins").selectAll().where("user_id", "=", rita.id).executeTakeFirstOrThrow();
    expect(pins.pin_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pins.pin_salt).toMatch(/^[0-9a-f]{32}$/);
    for (const table of [
      "users",
      "safety_pins",
      "safety_prompts",
      "walks",
      "requests",
      "inbox",
      "outbox",
      "conversation_state",
      "update_effects",
      "relay_messages",
    ] as const) {
      const rows = await db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(rows), `table ${table}`).not.toContain(PIN);
      expect(JSON.stringify(rows), `table ${table}`).not.toContain(WRONG_PIN);
    }
    expect(logLines.join("\n")).not.toContain(PIN);
    expectNoIdentityLeak(world, rita, ann);
  });

  it("a missed check-in escalates to the helper, the admins and the trusted contact with the last live location; then the duress PIN closes a walk normally for both sides and alerts only the admins (Korean helper and contact)", async () => {
    const env = { ADMIN_IDS: String(ADMIN_ID), WALKHOME_GRACE_MINUTES: "10", EMERGENCY_NUMBER: "119" };
    world = await openWorld({ env });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const jun = await started(world, "Jun", "ko");
    const tom = await started(world, "Tom", "ko");
    const bob = await started(world, "Bob", "en");
    await helperNear(world, jun, true, { on: "🚶 같이 걷기 요청 받기", done: "같이 걷기 요청을 받아요" });
    await helperNear(world, bob, false);
    await setPins(world, rita, DURESS_PIN);

    // Rita invites Tom as her trusted contact; Tom accepts through the link.
    await rita.command("safety");
    await rita.waitFor("Trusted contact: none");
    await rita.press("👤 Invite a trusted contact");
    const invite = await rita.waitFor("Send this link to the person you trust");
    const token = /start=(tc_[0-9a-f]+)/.exec(invite.text)![1]!;
    // Her own link does nothing for her.
    await rita.command("start", token);
    await rita.waitFor("This is your own invitation link");
    await tom.command("start", token);
    const invitation = await tom.waitFor("보호자 연락처가 되어 달라고 해요");
    await tom.pressIn(invitation.message_id, "✅ 수락");
    await tom.waitForEdit(invitation.message_id, "이제 보호자 연락처예요");
    await rita.waitFor("accepted being your trusted contact");
    // The link works once.
    await bob.command("start", token);
    await bob.waitFor("This invitation link no longer works");

    // Walk 1: the check-in passes.
    const liveId = await startWalk(rita, { destination: "Mapo" });
    const korean = { eta: "10분", choose: /^✅ Choose/, banner: "두 분 모두" };
    const { liveCopy } = await walkWith(rita, jun, korean);
    const last = northOf(SEOUL, 0.8);
    await rita.editLiveLocation(liveId, last.latitude, last.longitude);
    await jun.waitForEdit(liveCopy.message_id, (m) => m.location?.latitude === last.latitude);

    world.bot.clock.advance(29 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    world.bot.clock.advance(1 * MINUTE);
    await world.bot.app.runDueDeadlines();
    const overdue = await rita.waitFor("Your check-in time has passed");
    expect(overdue.text).toContain("If we hear nothing within 10 min");
    expect(overdue.text).toContain("call 119");
    await world.settle();
    // Nobody else is alerted during the grace.
    expect(jun.inbox.filter((m) => m.text.includes("🚨"))).toEqual([]);
    expect(admin.inbox.filter((m) => m.text.includes("🚨"))).toEqual([]);

    // The grace ends while the bot is down: the alarm goes out once it is back.
    const { databaseUrl, clock } = world.bot;
    await world.bot.stop();
    clock.advance(10 * MINUTE);
    world.bot = await startBot(world.fake, { databaseUrl, clock, env });
    for (const [reader, text] of [
      [jun, "도착 확인을 하지 않았고"],
      [admin, "missed the check-in"],
      [tom, "나를 보호자 연락처로 정한"],
    ] as const) {
      const alarm = await reader.waitFor(text);
      expect(alarm.text).toContain("119");
      const pin = reader.inbox[reader.inbox.indexOf(alarm) - 1]!;
      expect(pin.location, `${reader.firstName} got the last location`).toMatchObject({
        latitude: last.latitude,
        longitude: last.longitude,
      });
    }
    expect((await walkRow(world, rita.id)).status).toBe("alerted");
    // The check-in is no expiry: the walk and its chat go on until the PIN.
    expect(rita.inbox.filter((m) => /expired/i.test(m.text))).toEqual([]);
    await world.settle();
    expect(bob.inbox.filter((m) => m.text.includes("🚨") || m.location)).toEqual([]);

    // Rita confirms after all: everyone alerted hears it is over.
    await rita.press("🏠 I'm safe");
    await rita.waitFor("Type your safety PIN.");
    await typePin(world, rita, PIN);
    const normalClose = await rita.waitFor("Glad you are safe");
    await admin.waitFor("has confirmed being safe");
    await tom.waitFor("안전하다고 확인했어요");
    await jun.waitFor("안전하다고 확인했어요");

    // Walk 2: closed with the duress PIN.
    await startWalk(rita);
    await walkWith(rita, jun, korean);
    await rita.press("🏠 I'm safe");
    await rita.waitFor("Type your safety PIN.");
    const seen = new Map([rita, jun, tom].map((p) => [p, p.inbox.length]));
    await typePin(world, rita, DURESS_PIN);
    const safe = await rita.waitFor("Glad you are safe");
    // Word for word what the safety PIN says: whoever watches the screen learns nothing.
    expect(safe.text).toBe(normalClose.text);
    await rita.waitFor("Rate from 1 to 5");
    // The helper reads an ordinary completion.
    await jun.waitFor("대화가 완료되었어요");
    const duress = await admin.waitFor("duress PIN");
    expect(duress.text).toContain(`id ${rita.id}`);
    expect(admin.inbox[admin.inbox.indexOf(duress) - 1]!.location).toBeDefined();
    await world.settle();
    expect(await walkRow(world, rita.id)).toMatchObject({ status: "safe", duress: 1 });
    // Nothing more for the trusted contact, and nobody but the admins reads of the duress PIN.
    expect(tom.inbox.slice(seen.get(tom))).toEqual([]);
    for (const persona of [rita, jun])
      expect(persona.inbox.slice(seen.get(persona)).filter((m) => /duress|위급|🚨/i.test(m.text))).toEqual([]);
    // The trusted contact's chat id is never shown to the helper.
    expect(JSON.stringify(world.fake.calls.filter((c) => Number((c.params as { chat_id?: unknown }).chat_id) === jun.id))).not.toContain(
      String(tom.id),
    );
    expectNoIdentityLeak(world, rita, jun);

    // Tom steps back; Rita is told.
    await tom.command("safety");
    await tom.waitFor("님의 보호자 연락처예요");
    await tom.press(/보호자 그만하기/);
    await rita.waitFor("is no longer your trusted contact");
  });

  it("in Korean, with nobody opted in near: the walk starts, wrong PINs are refused and the third tells the admins quietly, the PIN closes it and its request", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = await started(world, "Admin", "ko", ADMIN_ID);
    const minji = await started(world, "Minji", "ko");
    await minji.command("safety");
    await minji.waitFor("안전 설정");
    await minji.press("🔢 안전 PIN 정하기");
    await minji.waitFor("새 안전 PIN을 입력하세요: 숫자 4~8자리.");
    await minji.sendPhoto();
    await minji.waitFor("PIN을 메시지로 입력해 주세요");
    await typePin(world, minji, PIN);
    await minji.waitFor("✅ 안전 PIN을 저장했어요.");

    await minji.command("walkhome");
    const prompt = await minji.waitFor("실시간 위치");
    expect(prompt.text).toContain("실제로 위험하면 지금 바로 112에 전화하세요. 이 봇은 긴급 구조 서비스가 아니에요.");
    await minji.send("집에 가요");
    await minji.waitFor("실시간 위치를 공유해 주세요");
    await minji.sendLocation(SEOUL.latitude, SEOUL.longitude, { livePeriod: 1800 });
    await minji.waitFor("어디로 가세요?");
    await minji.press("건너뛰기");
    await minji.waitFor("언제쯤 도착할 것 같아요?");
    await minji.press("15분");
    const walking = await minji.waitFor("같이 걷기를 시작했어요");
    expect(walking.text).toContain("알림 받은 헬퍼: 0명.");
    expect(walking.text).toContain("지금은 근처에 같이 걷기 요청을 받는 헬퍼가 없어요.");
    // A second walk while one is going: the way to end it instead.
    await minji.command("walkhome");
    await minji.waitFor("이미 진행 중인 같이 걷기가 있어요");

    await minji.press("🏠 안전해요");
    await minji.waitFor("안전 PIN을 입력하세요.");
    // Two wrong PINs are only refused; the third also tells the admins, with the last place, and
    // the walker sees the same sentence each time. A fourth tells nobody again.
    const adminSeen = admin.inbox.length;
    for (let wrong = 1; wrong <= 4; wrong++) {
      await typePin(world, minji, WRONG_PIN);
      const refused = await minji.waitFor("잘 안 됐어요. 다시 해 보세요.");
      expect(refused.text).toBe("잘 안 됐어요. 다시 해 보세요.");
      await world.settle();
      const alerts = admin.inbox.slice(adminSeen).filter((m) => m.text.includes("🚨"));
      expect(alerts.length).toBe(wrong >= 3 ? 1 : 0);
    }
    const alert = admin.inbox.find((m) => m.text.includes("안전 PIN이 3번 틀렸어요"))!;
    expect(alert.text).toContain(`id ${minji.id}`);
    expect(alert.text).toContain("걷기는 아직 열려 있고");
    expect(alert.text).toContain("선택된 헬퍼는 없었어요.");
    expect(admin.inbox[admin.inbox.indexOf(alert) - 1]!.location).toMatchObject({ latitude: SEOUL.latitude, longitude: SEOUL.longitude });
    expect(minji.inbox.filter((m) => m.text.includes("🚨"))).toEqual([]);
    expect((await walkRow(world, minji.id)).status).toBe("active");
    await typePin(world, minji, PIN);
    await minji.waitFor("안전하다니 다행이에요");
    await world.settle();
    const walk = await walkRow(world, minji.id);
    expect(walk).toMatchObject({ status: "safe", wrongPins: 4, duress: 0 });
    const request = await world.bot.db.kysely
      .selectFrom("requests")
      .select("status")
      .where("id", "=", walk.requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe("cancelled");
    // Its check-in timer went with it.
    world.bot.clock.advance(60 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    // An old "I'm safe" button now only says so.
    const old = minji.inbox.findLast((m) => buttonLabels(m).includes("🏠 안전해요"))!;
    const press = await minji.pressIn(old.message_id, "🏠 안전해요");
    expect((await minji.waitForCallbackAnswer(press)).text).toBeTruthy();
    await world.settle();
    expect((await world.bot.db.kysely.selectFrom("safety_prompts").selectAll().execute()).length).toBe(0);
  });

  it("the helper leaves mid-walk: their live copy stops, the walk is still watched, and the alarm goes to the admins without them", async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await helperNear(world, ann, true);
    await setPins(world, rita);
    await startWalk(rita);
    const { banner, liveCopy } = await walkWith(rita, ann);
    await world.settle();

    await ann.pressIn(banner.message_id, "✖️ Cancel");
    const confirm = await ann.waitFor("End this chat now?");
    await ann.pressIn(confirm.message_id, "✖️ Yes, end the chat");
    await ann.waitForEdit(confirm.message_id, "You ended the chat");
    await rita.waitFor("cancelled and the chat ended");
    await world.settle();
    expect(world.fake.callsTo("stopMessageLiveLocation").map((c) => (c.params as { message_id: number }).message_id)).toEqual([
      liveCopy.message_id,
    ]);
    expect((await walkRow(world, rita.id)).status).toBe("active");

    world.bot.clock.advance(30 * MINUTE);
    await world.bot.app.runDueDeadlines();
    await rita.waitFor("Your check-in time has passed");
    world.bot.clock.advance(10 * MINUTE);
    await world.bot.app.runDueDeadlines();
    const alarm = await admin.waitFor("missed the check-in");
    expect(admin.inbox[admin.inbox.indexOf(alarm) - 1]!.location).toMatchObject({ latitude: SEOUL.latitude, longitude: SEOUL.longitude });
    await world.settle();
    expect(ann.inbox.filter((m) => m.text.includes("🚨"))).toEqual([]);

    // Still only the PIN ends it.
    await rita.press("🏠 I'm safe");
    await typePin(world, rita, PIN);
    await rita.waitFor("Glad you are safe");
    await admin.waitFor("has confirmed being safe");
    expect((await walkRow(world, rita.id)).status).toBe("safe");
  });
});
