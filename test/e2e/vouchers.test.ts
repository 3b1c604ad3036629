import { afterEach, describe, expect, it } from "vitest";
import { findUser } from "../../db/repositories/users.js";
import { hashClaimCode } from "../../src/services/vouchers/codes.js";
import { startBot } from "../support/bot.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { buttonRows } from "../support/stories.js";
import { matchThem, seededHelper, started } from "./closing-support.js";

const ADMIN = 900_701;
const ADMIN_KO = 900_702;
const DAY = 24 * 60 * 60_000;
const NOT_ALLOWED = "You are not allowed to use this button.";
const labels = (m: InboxMessage) => buttonRows(m).flat();

/** The helper is given help badges one short of the threshold; completing one more help reaches it. */
async function reachPrize(world: World, requester: Persona, helper: Persona, threshold: number): Promise<void> {
  if (threshold > 1)
    await world.bot.db.kysely
      .insertInto("badge_entries")
      .values(
        Array.from({ length: threshold - 1 }, (_, i) => ({
          user_id: helper.id,
          kind: "help" as const,
          amount: 1,
          reason: "completed",
          subject_id: 90_000 + i,
          created_at: world.bot.clock.now(),
        })),
      )
      .execute();
  const { requesterCard, helperCard } = await matchThem(world, requester, helper);
  await helper.pressIn(helperCard.message_id, "✅ Complete");
  await helper.waitFor("Waiting for");
  await requester.pressIn(requesterCard.message_id, "✅ Complete");
  await requester.waitFor("is completed");
}

/** Give on the voucher in /vouchers: the claim link's code, read from the code entity of the reply. */
async function give(world: World, holder: Persona, voucherId: number): Promise<{ code: string; message: InboxMessage }> {
  await holder.command("vouchers");
  const list = await holder.waitFor("Your vouchers");
  await holder.pressIn(list.message_id, `🎁 Give #${voucherId}`);
  const message = await holder.waitFor("is ready to give");
  const entity = message.entities.find((e) => e.type === "code");
  expect(entity, "the code is a copyable code entity").toBeDefined();
  const code = message.text.slice(entity!.offset, entity!.offset + entity!.length);
  expect(code).toMatch(/^[a-z2-7]{24}$/);
  expect(message.text).toContain(`https://t.me/doum_test_bot?start=v_${code}`);
  return { code, message };
}

/** Every stored text that could hold a live code: messages sent and due, recorded results, updates, the voucher tables. */
async function storedTexts(world: World): Promise<string> {
  const db = world.bot.db.kysely;
  const parts = [
    await db.selectFrom("outbox").select("payload").execute(),
    await db.selectFrom("update_effects").selectAll().execute(),
    await db.selectFrom("inbox").select("payload").execute(),
    await db.selectFrom("vouchers").selectAll().execute(),
    await db.selectFrom("voucher_events").selectAll().execute(),
    await db.selectFrom("conversation_state").selectAll().execute(),
  ];
  return JSON.stringify(parts);
}

async function eventsOf(world: World, voucherId: number) {
  const rows = await world.bot.db.kysely
    .selectFrom("voucher_events")
    .select(["event", "user_id", "actor_id"])
    .where("voucher_id", "=", voucherId)
    .orderBy("id")
    .execute();
  return rows.map((r) => [r.event, Number(r.user_id), r.actor_id === null ? null : Number(r.actor_id)]);
}

describe("prize vouchers", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("a prize reached is a voucher of the admins' kind; Give makes a link; two people claim it at once and one holds it, in English and Korean", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${ADMIN},${ADMIN_KO}`, PRIZE_THRESHOLD: "3", VOUCHER_VALID_DAYS: "30" } });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Mina", "en", ADMIN);
    const adminKo = await started(world, "준", "ko", ADMIN_KO);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    const jun = await started(world, "Jun", "ko");
    const bora = await started(world, "Bora", "en");
    await seededHelper(world, ann);

    // The admin adds the kind from the console; a name too long is refused, the name is shown as written.
    await admin.command("admin");
    const menu = await admin.waitFor("Admin console");
    await admin.pressIn(menu.message_id, "🎟 Vouchers");
    const empty = await admin.waitForEdit(menu.message_id, "No voucher is held or owed right now.");
    await admin.pressIn(empty.message_id, "🏷 Kinds");
    const noKinds = await admin.waitForEdit(menu.message_id, "No voucher kinds yet");
    await admin.pressIn(noKinds.message_id, "➕ Add a kind");
    await admin.waitFor("Name the new kind of voucher");
    await admin.send("x".repeat(61));
    await admin.waitFor("That is 61 characters; the limit is 60.");
    await admin.send("<b>Cinema</b> ticket");
    await admin.waitFor("Kind #1 <b>Cinema</b> ticket added.");
    const kinds = await admin.waitFor("Voucher kinds");
    expect(kinds.text).toContain("★ #1 <b>Cinema</b> ticket");
    expect(kinds.entities.some((e) => e.type === "bold" && kinds.text.slice(e.offset, e.offset + e.length) === "Cinema")).toBe(false);

    // Ann reaches the prize by completing a help: the voucher comes with the prize notice.
    await reachPrize(world, rita, ann, 3);
    const prize = await ann.waitFor("that earns a prize");
    expect(prize.text).toContain("a voucher for <b>Cinema</b> ticket, valid until 2026-12-23.");
    expect((await admin.waitFor("a prize is due")).text).toContain("Issued as voucher #1: <b>Cinema</b> ticket, valid until 2026-12-23.");
    expect((await adminKo.waitFor("상품권 #1 발급")).text).toContain("2026-12-23까지");
    const annAlias = (await findUser(db, ann.id))!.alias;

    // Give: a link and a code, shown once; only its hash is stored.
    const { code } = await give(world, ann, 1);
    await world.settle();
    const voucher = await db.selectFrom("vouchers").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
    expect(voucher).toMatchObject({ state: "offered", holder_id: ann.id, code_hash: hashClaimCode(code) });
    expect(await storedTexts(world)).not.toContain(code);
    await ann.command("start", `v_${code}`);
    await ann.waitFor("This is your own voucher's link");
    await ann.command("vouchers");
    const offered = await ann.waitFor("offered: a claim link is out");
    expect(labels(offered)).toEqual(["↩️ Take back #1"]);

    // Jun (Korean) and Bora open the link: what it is and from whom, by alias; both press Claim at once.
    await jun.command("start", `v_${code}`);
    const junCard = await jun.waitFor("받기를 누르면");
    expect(junCard.text).toContain(`${annAlias}님이 보낸 <b>Cinema</b> ticket 상품권이에요. 2026-12-23까지`);
    await bora.command("start", `v_${code}`);
    const boraCard = await bora.waitFor(`A voucher for <b>Cinema</b> ticket, offered by ${annAlias}, valid until 2026-12-23.`);
    await Promise.all([jun.pressIn(junCard.message_id, "✅ 받기"), bora.pressIn(boraCard.message_id, "✅ Claim")]);
    const junAnswer = await jun.waitForEdit(junCard.message_id, (m) => !m.text.includes("받기를 누르면"));
    const boraAnswer = await bora.waitForEdit(boraCard.message_id, (m) => !m.text.includes("Press Claim"));
    const junWon = junAnswer.text.includes("상품권(#1)을 받았어요");
    const [winner, loser, loserAnswer] = junWon ? [jun, bora, boraAnswer] : [bora, jun, junAnswer];
    expect(junWon ? boraAnswer.text : junAnswer.text).toBe(
      junWon
        ? "This voucher was already claimed: a claim link works only once."
        : "이미 누가 받은 상품권이에요. 받기 링크는 한 번만 쓸 수 있어요.",
    );
    if (!junWon)
      expect(boraAnswer.text).toBe("✅ The voucher #1 for <b>Cinema</b> ticket is yours now, valid until 2026-12-23. See /vouchers.");
    expect(loserAnswer.reply_markup).toBeUndefined();
    const winnerAlias = (await findUser(db, winner.id))!.alias;
    const told = await ann.waitFor("claimed your voucher #1");
    expect(told.text).toBe(`🎁 ${winnerAlias} claimed your voucher #1 for <b>Cinema</b> ticket.`);
    await world.settle();
    expect(await db.selectFrom("vouchers").select(["holder_id", "state", "code_hash"]).where("id", "=", 1).executeTakeFirst()).toEqual({
      holder_id: winner.id,
      state: "held",
      code_hash: null,
    });
    expect(await eventsOf(world, 1)).toEqual([
      ["issued", ann.id, null],
      ["offered", ann.id, ann.id],
      ["claimed", ann.id, winner.id],
    ]);

    // The same link again: already claimed, nothing changes.
    await loser.command("start", `v_${code}`);
    await loser.waitFor(loser === jun ? "이미 누가 받은 상품권이에요" : "This voucher was already claimed");
    await ann.command("vouchers");
    expect((await ann.waitFor("Your vouchers")).text).toContain("#1 <b>Cinema</b> ticket — given away");
    await winner.command("vouchers");
    const winnerList = await winner.waitFor(winner === jun ? "내 상품권" : "Your vouchers");
    expect(winnerList.text).toContain(
      winner === jun ? "#1 <b>Cinema</b> ticket — 선물받음, 2026-12-23까지" : "#1 <b>Cinema</b> ticket — claimed by you",
    );
    expect(await eventsOf(world, 1)).toHaveLength(3);

    // Who holds what, for the admin, in Korean.
    await adminKo.command("admin");
    const koMenu = await adminKo.waitFor("관리자");
    await adminKo.pressIn(koMenu.message_id, "🎟 상품권");
    const held = await adminKo.waitForEdit(koMenu.message_id, "보유·미발급 상품권");
    expect(held.text).toContain(`#1 <b>Cinema</b> ticket — ${winnerAlias}, 보유 중, 2026-12-23까지`);

    await world.settle();
    for (const other of [jun, bora]) expectNoIdentityLeak(world, ann, other);
    expectNoIdentityLeak(world, jun, bora);
  });

  it("an owed prize issued by hand, a link taken back, fulfilment and expiry across a restart: each refused link says why; only admins press the admin buttons", async () => {
    const env = { ADMIN_IDS: String(ADMIN), PRIZE_THRESHOLD: "1", VOUCHER_VALID_DAYS: "30" };
    world = await openWorld({ env });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Mina", "en", ADMIN);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    const bora = await started(world, "Bora", "en");
    await seededHelper(world, ann);

    // No kind exists: the prize is owed, and the admin is told how to issue it.
    await reachPrize(world, rita, ann, 1);
    await ann.waitFor("that earns a prize! An admin will contact you about it.");
    expect((await admin.waitFor("a prize is due")).text).toContain("No voucher kind exists yet, so the voucher is owed");
    const annAlias = (await findUser(db, ann.id))!.alias;
    await admin.command("admin");
    const menu = await admin.waitFor("Admin console");
    await admin.pressIn(menu.message_id, "🎟 Vouchers");
    const owed = await admin.waitForEdit(menu.message_id, "Vouchers held or owed");
    expect(owed.text).toContain(`#1 owed to ${annAlias}: issue it from their card (/admin ${ann.id})`);
    await admin.pressIn(menu.message_id, "🏷 Kinds");
    await admin.waitForEdit(menu.message_id, "No voucher kinds yet");
    await admin.pressIn(menu.message_id, "➕ Add a kind");
    await admin.waitFor("Name the new kind");
    await admin.send("₩10,000 market voucher");
    await admin.waitFor("Voucher kinds");

    // Issued by hand from the card: kind, then reason; the owed voucher is the one issued, audited.
    await admin.command("admin", String(ann.id));
    const card = await admin.waitFor(`(id ${ann.id})`);
    await admin.pressIn(card.message_id, "🎟 Issue a voucher");
    const which = await admin.waitFor("Which voucher for");
    await admin.send("the first one");
    await admin.waitFor("Choose one of the kinds above.");
    await admin.pressIn(which.message_id, "₩10,000 market voucher");
    await admin.waitFor("Why?");
    await admin.send("your prize, <i>thank you</i>");
    await admin.waitFor(`Voucher #1 (₩10,000 market voucher) issued to ${annAlias}, valid until 2026-12-23.`);
    const after = await admin.waitFor("Latest admin decisions");
    expect(after.text).toContain("🎟 Voucher issued — #1 ₩10,000 market voucher: your prize, <i>thank you</i>");
    await ann.waitFor("An admin issued you voucher #1 for ₩10,000 market voucher, valid until 2026-12-23: your prize, <i>thank you</i>.");

    // Anyone else pressing the admin buttons is not allowed, and nothing changes.
    const before = await db.selectFrom("vouchers").selectAll().execute();
    const kindsBefore = await db.selectFrom("voucher_kinds").selectAll().execute();
    const auditBefore = await db.selectFrom("admin_audit").selectAll().execute();
    const anywhere = rita.inbox[0]!.message_id;
    for (const data of ["1:avful:1:yes", "1:avful:1:ask", "1:avkind:1:retire", "1:avkind:1:default", "1:avadd", `1:avissue:${rita.id}`]) {
      const query = rita.pressForged(anywhere, data);
      expect((await rita.waitForCallbackAnswer(query)).text, data).toBe(NOT_ALLOWED);
    }
    expect(await db.selectFrom("vouchers").selectAll().execute()).toEqual(before);
    expect(await db.selectFrom("voucher_kinds").selectAll().execute()).toEqual(kindsBefore);
    expect(await db.selectFrom("admin_audit").selectAll().execute()).toEqual(auditBefore);

    // A link taken back stops working; a new Give makes a new one.
    const first = await give(world, ann, 1);
    await ann.command("vouchers");
    await ann.pressIn((await ann.waitFor("offered: a claim link is out")).message_id, "↩️ Take back #1");
    await ann.waitFor((m) => m.text.includes("yours, valid until") && labels(m).includes("🎁 Give #1"));
    await bora.command("start", `v_${first.code}`);
    await bora.waitFor("The giver took this offer back: the link no longer works. Ask them for a new one.");
    const second = await give(world, ann, 1);
    expect(second.code).not.toBe(first.code);

    // Fulfilled by the admin (asked first): the holder is told; the live link is dead ("used").
    await admin.pressIn(menu.message_id, "↩️ Back");
    await admin.waitForEdit(menu.message_id, "Admin console");
    await admin.pressIn(menu.message_id, "🎟 Vouchers");
    await admin.waitForEdit(menu.message_id, "offered (a claim link is out)");
    await admin.pressIn(menu.message_id, "✔️ #1");
    await admin.waitForEdit(menu.message_id, `Mark voucher #1 (₩10,000 market voucher, held by ${annAlias}) fulfilled?`);
    await admin.pressIn(menu.message_id, "✔️ Yes, fulfilled");
    await admin.waitForEdit(menu.message_id, "No voucher is held or owed right now.");
    await ann.waitFor("Your voucher #1 for ₩10,000 market voucher is marked fulfilled by an admin.");
    await bora.command("start", `v_${second.code}`);
    await bora.waitFor("This voucher was already used: its link no longer works.");
    const audit = await db
      .selectFrom("admin_audit")
      .select(["action", "subject_id", "reason"])
      .where("action", "like", "voucher%")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "voucher-kind.add", subject_id: 1, reason: "₩10,000 market voucher" },
      { action: "voucher.issue", subject_id: ann.id, reason: "#1 ₩10,000 market voucher: your prize, <i>thank you</i>" },
      { action: "voucher.fulfil", subject_id: ann.id, reason: "#1 ₩10,000 market voucher" },
    ]);
    expect((await eventsOf(world, 1)).map((e) => e[0])).toEqual(["issued", "offered", "withdrawn", "offered", "fulfilled"]);

    // A second voucher, offered, expires: the holder is told once; its link says it expired.
    await admin.command("admin", String(bora.id));
    await admin.pressIn((await admin.waitFor(`(id ${bora.id})`)).message_id, "🎟 Issue a voucher");
    await admin.pressIn((await admin.waitFor("Which voucher for")).message_id, "₩10,000 market voucher");
    await admin.waitFor("Why?");
    await admin.send("thanks for the boards");
    await bora.waitFor("An admin issued you voucher #2");
    const third = await give(world, bora, 2);
    world.bot.clock.advance(30 * DAY - 60_000);
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    await world.settle();
    // The expiry falls while the bot is down: it fires once the bot is back.
    const { databaseUrl, clock } = world.bot;
    await world.bot.stop();
    clock.advance(60_000);
    world.bot = await startBot(world.fake, { databaseUrl, clock, env });
    await bora.waitFor("Your voucher #2 for ₩10,000 market voucher has expired.");
    expect(await world.bot.app.runDueDeadlines()).toBe(0);
    await rita.command("start", `v_${third.code}`);
    await rita.waitFor("This voucher has expired: its link no longer works.");
    await world.settle();
    expect(bora.inbox.filter((m) => m.text.includes("has expired"))).toHaveLength(1);
    expect((await eventsOf(world, 2)).map((e) => e[0])).toEqual(["issued", "offered", "expired"]);

    // Codes never issued, or not codes at all: not valid.
    await rita.command("start", `v_${"a".repeat(24)}`);
    await rita.waitFor("This voucher link is not valid. Check that it was copied whole.");
    await rita.command("start", "v_<b>");
    await rita.waitFor("This voucher link is not valid. Check that it was copied whole.");
    expect(rita.inbox.filter((m) => m.text.startsWith("This voucher link is not valid"))).toHaveLength(2);
  });

  it("kinds: at most 20 active, a retired one frees a place and stays retired; a name is kept on one line; who holds what is paged, in Korean", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${ADMIN},${ADMIN_KO}` } });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Mina", "en", ADMIN);
    const adminKo = await started(world, "준", "ko", ADMIN_KO);
    const now = world.bot.clock.now();
    await db
      .insertInto("voucher_kinds")
      .values(Array.from({ length: 20 }, (_, i) => ({ name: `Kind ${i + 1}`, created_by: ADMIN, created_at: now, retired_at: null })))
      .execute();

    await admin.command("admin");
    const menu = await admin.waitFor("Admin console");
    await admin.pressIn(menu.message_id, "🎟 Vouchers");
    await admin.waitForEdit(menu.message_id, "No voucher is held or owed right now.");
    await admin.pressIn(menu.message_id, "🏷 Kinds");
    const kinds = await admin.waitForEdit(menu.message_id, "★ #1 Kind 1");
    expect(labels(kinds)).toContain("★ #2");
    await admin.pressIn(menu.message_id, "➕ Add a kind");
    await admin.waitFor("Name the new kind");
    await admin.send("Kind 21");
    await admin.waitFor("There are 20 active kinds already: retire one before adding another.");
    expect(await db.selectFrom("voucher_kinds").select("id").execute()).toHaveLength(20);

    // Retire #1 (the prize's kind): #2 becomes the prize's; pressing Retire again on the old page changes nothing.
    await admin.pressIn(menu.message_id, "✕ #1");
    const retired = await admin.waitForEdit(menu.message_id, (m) => m.text.includes("★ #2 Kind 2"));
    expect(retired.text).not.toContain("Kind 1\n");
    const stale = admin.pressForged(menu.message_id, "1:avkind:1:retire");
    expect((await admin.waitForCallbackAnswer(stale)).text).toBe("That kind is no longer active.");
    await admin.pressIn(menu.message_id, "➕ Add a kind");
    await admin.waitFor("Name the new kind");
    await admin.send("Two\n  lines   here");
    await admin.waitFor("Kind #21 Two lines here added.");
    await admin.pressIn((await admin.waitFor("Voucher kinds")).message_id, "★ #21");
    await world.settle();
    const rows = await db
      .selectFrom("voucher_kinds")
      .select(["id", "name", "is_default", "retired_at"])
      .where("id", "in", [1, 21])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { id: 1, name: "Kind 1", is_default: 0, retired_at: now },
      { id: 21, name: "Two lines here", is_default: 1, retired_at: null },
    ]);
    const audit = await db.selectFrom("admin_audit").select(["action", "subject_id"]).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "voucher-kind.retire", subject_id: 1 },
      { action: "voucher-kind.add", subject_id: 21 },
      { action: "voucher-kind.default", subject_id: 21 },
    ]);

    // Who holds what, eight to a page, soonest to expire first; fulfilled and expired ones are not listed.
    const holder = await started(world, "Rita", "en");
    const alias = (await findUser(db, holder.id))!.alias;
    await db
      .insertInto("vouchers")
      .values(
        Array.from({ length: 11 }, (_, i) => ({
          kind_id: 2,
          holder_id: holder.id,
          origin: "admin" as const,
          state: i === 9 ? ("fulfilled" as const) : i === 10 ? ("expired" as const) : ("held" as const),
          code_hash: null,
          expires_at: now + (20 - i) * DAY,
          created_at: now,
        })),
      )
      .execute();
    await adminKo.command("admin");
    const koMenu = await adminKo.waitFor("관리자");
    await adminKo.pressIn(koMenu.message_id, "🎟 상품권");
    const page1 = await adminKo.waitForEdit(koMenu.message_id, "보유·미발급 상품권: 9개 (1/2쪽)");
    expect(page1.text.split("\n").slice(1, 3)).toEqual([
      `#9 Kind 2 — ${alias}, 보유 중, 2026-12-05까지`,
      `#8 Kind 2 — ${alias}, 보유 중, 2026-12-06까지`,
    ]);
    expect(labels(page1)).toEqual(["🏷 종류", ...[9, 8, 7, 6, 5, 4, 3, 2].map((id) => `✔️ #${id}`), "›", "↩️ 뒤로"]);
    await adminKo.pressIn(koMenu.message_id, "›");
    const page2 = await adminKo.waitForEdit(koMenu.message_id, "(2/2쪽)");
    expect(page2.text).toContain(`#1 Kind 2 — ${alias}, 보유 중, 2026-12-13까지`);
    expect(labels(page2)).toEqual(["🏷 종류", "✔️ #1", "‹", "↩️ 뒤로"]);
    await adminKo.pressIn(koMenu.message_id, "🏷 종류");
    const koKinds = await adminKo.waitForEdit(koMenu.message_id, "상품권 종류");
    expect(koKinds.text).toContain("★ #21 Two lines here");
    expect(labels(koKinds)).toContain("➕ 종류 추가");
  });
});
