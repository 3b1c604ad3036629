import { afterEach, describe, expect, it } from "vitest";
import { insertRequest } from "../../db/repositories/requests.js";
import { createBoard } from "../../src/services/boards.js";
import { reportChat } from "../../src/services/chats/reports.js";
import { USER_ADJUSTMENTS } from "../../src/domain/admin-console.js";
import { REPORT_DECISIONS } from "../../src/domain/reports.js";
import { ADMIN_COMMANDS } from "../../src/ui/commands.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage } from "../support/fake-telegram/index.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { buttonRows, SEOUL } from "../support/stories.js";
import { matchThem, seededHelper, started } from "./closing-support.js";

const MINA = 900_501;
const JUN = 900_502;
const NOT_ALLOWED = "You are not allowed to use this button.";
const MINUTE = 60_000;

const aliasOf = async (world: World, id: number) =>
  (await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "=", id).executeTakeFirstOrThrow()).alias;

/** A request row as posting leaves it; the console lists rows, however they came. */
async function seedRequest(world: World, requesterId: number, createdAt: number) {
  return insertRequest(
    world.bot.db.kysely,
    {
      requesterId,
      category: "errands",
      description: "Secret description",
      latitude: SEOUL.latitude,
      longitude: SEOUL.longitude,
      fuzzedLatitude: SEOUL.latitude,
      fuzzedLongitude: SEOUL.longitude,
      radiusM: 1000,
      fee: 0,
      createdAt,
      expiresAt: createdAt + 60 * MINUTE,
    },
    null,
  );
}

/** Everything a console button could change. */
async function snapshot(world: World) {
  const db = world.bot.db.kysely;
  return {
    users: await db.selectFrom("users").select(["id", "restricted_at", "restricted_reason"]).orderBy("id").execute(),
    helpers: await db.selectFrom("helpers").select(["user_id", "status", "restricted"]).orderBy("user_id").execute(),
    requests: await db.selectFrom("requests").select(["id", "status"]).orderBy("id").execute(),
    chats: await db.selectFrom("chats").select(["id", "status"]).orderBy("id").execute(),
    reports: await db.selectFrom("reports").selectAll().orderBy("id").execute(),
    audit: await db.selectFrom("admin_audit").selectAll().orderBy("id").execute(),
    badges: await db.selectFrom("badge_entries").selectAll().orderBy("id").execute(),
    credits: await db.selectFrom("ledger_entries").selectAll().orderBy("id").execute(),
    boards: await db.selectFrom("boards").selectAll().orderBy("id").execute(),
  };
}

const labels = (m: InboxMessage) => buttonRows(m).flat();

describe("the admin console", () => {
  let world: World;
  afterEach(async () => world?.close());

  it("walks the menu in English and Korean; every list shows what the database holds, paged, and leads back", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${MINA}:Mina,${JUN}` } });
    const db = world.bot.db.kysely;
    const now = () => world.bot.clock.now();
    const mina = await started(world, "Mina", "en", MINA);
    const jun = await started(world, "Jun", "ko", JUN);
    const [rita, sam, ann, bob, pat] = [
      await started(world, "Rita", "en"),
      await started(world, "Sam", "en"),
      await started(world, "Ann", "en"),
      await started(world, "Bob", "en"),
      await started(world, "Pat", "en"),
    ];
    await seededHelper(world, ann);
    await seededHelper(world, bob);
    await seedHelperRow(db, { userId: pat.id, at: SEOUL, radiusKm: 1, now: now(), status: "pending" });

    // Two open chats, with a message in one: the console shows who and since when, never what was said.
    const first = await matchThem(world, rita, ann, { description: "Carry a wardrobe upstairs." });
    const second = await matchThem(world, sam, bob, { description: "Fix a dripping tap." });
    await rita.send("My door code is 4711");
    await ann.waitFor("My door code is 4711");
    // Nine more requests still open (more than one page), one cancelled and one expired, which are not listed.
    const openIds: number[] = [];
    for (let i = 0; i < 9; i++) {
      const userId = 800_000 + i;
      await seedUser(db, { id: userId, alias: `Neighbour ${i}`, now: now() });
      openIds.push(await seedRequest(world, userId, now() - (i + 1) * MINUTE));
    }
    const cancelled = await seedRequest(world, 800_000, now());
    const expired = await seedRequest(world, 800_001, now());
    await db.updateTable("requests").set({ status: "cancelled" }).where("id", "=", cancelled).execute();
    await db.updateTable("requests").set({ status: "expired" }).where("id", "=", expired).execute();

    // Reports in several states: one warned, one dismissed, one open.
    const deps = world.bot.app.deps;
    await reportChat(deps, rita.id, first.chatId, "abuse");
    await reportChat(deps, bob.id, second.chatId, "scam");
    await reportChat(deps, sam.id, second.chatId, "noshow");
    const [warnedCard, dismissedCard] = [
      await mina.waitFor(`Report on chat #${first.chatId}`),
      await jun.waitFor(`대화 #${second.chatId} 신고`),
    ];
    await mina.pressIn(warnedCard.message_id, "⚠️ Warn");
    await mina.waitForEdit(warnedCard.message_id, "⚠️ Warned by Mina.");
    await jun.pressIn(dismissedCard.message_id, "🗑 기각");
    await jun.waitForEdit(dismissedCard.message_id, (m) => m.text.includes(`관리자 ${JUN}님이 기각했어요.`));
    await createBoard(deps, MINA, { organisation: "Shelter", title: "Winter blankets", needed: "Blankets.", goal: 50, photoFileId: null });
    await world.settle();

    await mina.command("admin");
    const menu = await mina.waitFor("Admin console");
    expect(labels(menu)).toEqual([
      "📅 Today",
      "7 days",
      "30 days",
      "⏳ Pending helpers",
      "📋 Open requests",
      "💬 Open chats",
      "🚩 Reports",
      "📌 Boards",
      "🎟 Vouchers",
      "🔎 Find a user",
    ]);
    const at = menu.message_id;
    const back = async () => {
      await mina.pressIn(at, "↩️ Back");
      await mina.waitForEdit(at, (m) => m.text.startsWith("🛠 Admin console"));
    };

    // Open requests: the two matched and the nine open ones, oldest first, eight to a page.
    await mina.pressIn(at, "📋 Open requests");
    const page1 = await mina.waitForEdit(at, "Open requests: 11 · page 1 of 2");
    const rows1 = page1.text.split("\n").slice(1);
    expect(rows1).toHaveLength(8);
    expect(rows1[0]).toBe(`• #${first.requestId} Repairs — ${await aliasOf(world, rita.id)} · matched · posted 0 min ago`);
    expect(rows1[1]).toBe(`• #${second.requestId} Repairs — ${await aliasOf(world, sam.id)} · matched · posted 0 min ago`);
    expect(rows1[2]).toBe(`• #${openIds[0]} Errands / shopping — Neighbour 0 · open · 0 offers · posted 1 min ago · 59 min left`);
    expect(labels(page1)).toEqual(["›", "↩️ Back"]);
    await mina.pressIn(at, "›");
    const page2 = await mina.waitForEdit(at, "page 2 of 2");
    expect(page2.text.split("\n").slice(1)).toEqual([
      `• #${openIds[6]} Errands / shopping — Neighbour 6 · open · 0 offers · posted 7 min ago · 53 min left`,
      `• #${openIds[7]} Errands / shopping — Neighbour 7 · open · 0 offers · posted 8 min ago · 52 min left`,
      `• #${openIds[8]} Errands / shopping — Neighbour 8 · open · 0 offers · posted 9 min ago · 51 min left`,
    ]);
    expect(labels(page2)).toEqual(["‹", "↩️ Back"]);
    for (const text of [page1.text, page2.text]) {
      expect(text).not.toMatch(new RegExp(`#(${cancelled}|${expired}) `));
      expect(text).not.toContain("Secret description");
      expect(text).not.toContain(String(SEOUL.latitude));
    }
    await back();

    // Open chats: both aliases, the request and since when.
    await mina.pressIn(at, "💬 Open chats");
    const chats = await mina.waitForEdit(at, "Open chats: 2");
    const since = new Intl.DateTimeFormat("en-GB", {
      timeZone: deps.config.timeZone,
      day: "2-digit",
      month: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(now());
    expect(chats.text.split("\n").slice(1)).toEqual([
      `• #${first.chatId} ${await aliasOf(world, rita.id)} ↔ ${await aliasOf(world, ann.id)} — Repairs (request #${first.requestId}) · since ${since}`,
      `• #${second.chatId} ${await aliasOf(world, sam.id)} ↔ ${await aliasOf(world, bob.id)} — Repairs (request #${second.requestId}) · since ${since}`,
    ]);
    expect(chats.text).not.toContain("4711");
    await back();

    // Reports: the open one first, then the handled ones, newest first, each with who decided.
    await mina.pressIn(at, "🚩 Reports");
    const reports = await mina.waitForEdit(at, "Reports: 3, open ones first");
    const ids = (await db.selectFrom("reports").select("id").orderBy("id").execute()).map((r) => Number(r.id));
    expect(reports.text.split("\n").slice(1)).toEqual([
      `• #${ids[2]} chat #${second.chatId}: Did not show up — ${await aliasOf(world, sam.id)} about ${await aliasOf(world, bob.id)} · ${since}`,
      "   🟡 Open: its button below shows the card to decide on.",
      `• #${ids[1]} chat #${second.chatId}: Scam or asks for money — ${await aliasOf(world, bob.id)} about ${await aliasOf(world, sam.id)} · ${since}`,
      `   🗑 Dismissed by admin ${JUN}.`,
      `• #${ids[0]} chat #${first.chatId}: Abusive or rude — ${await aliasOf(world, rita.id)} about ${await aliasOf(world, ann.id)} · ${since}`,
      "   ⚠️ Warned by Mina.",
    ]);
    expect((await db.selectFrom("reports").select("state").orderBy("id").execute()).map((r) => r.state)).toEqual([
      "warned",
      "dismissed",
      "open",
    ]);
    await back();

    // Pending helpers: the same Approve / Reject buttons as /pending.
    await mina.pressIn(at, "⏳ Pending helpers");
    const pending = await mina.waitForEdit(at, "Waiting for approval (1)");
    const patAlias = await aliasOf(world, pat.id);
    expect(labels(pending)).toEqual([`✅ ${patAlias}`, `✖️ ${patAlias}`, "↩️ Back"]);
    await back();

    // Boards: the /boards list; a board's page carries the admin's Edit and Close.
    await mina.pressIn(at, "📌 Boards");
    await mina.waitForEdit(at, "Winter blankets");
    await mina.pressIn(at, "Winter blankets");
    const page = await mina.waitFor((m) => m.message_id !== at && m.text.startsWith("Winter blankets"));
    expect(labels(page)).toEqual(expect.arrayContaining(["✏️ Edit", "✖️ Close the board"]));
    expect(page.text).toContain("Shelter");
    // Opening a board is an admin action like the others: audited, its title as the reason.
    const boardAudit = await db
      .selectFrom("admin_audit")
      .select(["admin_id", "action", "reason"])
      .where("action", "like", "board.%")
      .execute();
    expect(boardAudit.map((a) => [Number(a.admin_id), a.action, a.reason])).toEqual([[MINA, "board.create", "Winter blankets"]]);
    await back();

    // The same console in Korean.
    await jun.command("admin");
    const koMenu = await jun.waitFor("관리자 콘솔");
    await jun.pressIn(koMenu.message_id, "📋 진행 중인 요청");
    const koRequests = await jun.waitForEdit(koMenu.message_id, "진행 중인 요청: 11건 · 2쪽 중 1쪽");
    expect(koRequests.text).toContain(`• #${openIds[0]} 심부름 / 장보기 — Neighbour 0 · 모집 중 · 제안 0건 · 1분 전에 올림 · 59분 남음`);
    expect(labels(koRequests)).toEqual(["›", "↩️ 뒤로"]);
    await jun.pressIn(koMenu.message_id, "↩️ 뒤로");
    await jun.waitForEdit(koMenu.message_id, (m) => m.text.startsWith("🛠 관리자 콘솔"));
    await jun.pressIn(koMenu.message_id, "🚩 신고");
    const koReports = await jun.waitForEdit(koMenu.message_id, "신고: 3건");
    expect(koReports.text).toContain("⚠️ Mina님이 경고했어요.");
    expect(koReports.text).toContain("🟡 처리 전: 아래 버튼으로 신고 카드를 열어 결정해 주세요.");
    await jun.pressIn(koMenu.message_id, "↩️ 뒤로");
    await jun.waitForEdit(koMenu.message_id, (m) => m.text.startsWith("🛠 관리자 콘솔"));
    await jun.pressIn(koMenu.message_id, "💬 진행 중인 대화");
    await jun.waitForEdit(koMenu.message_id, "진행 중인 대화: 2건");

    // The open report's card, shown again from the list, decides it; Jun's original card follows.
    await mina.pressIn(at, "🚩 Reports");
    const listed = await mina.waitForEdit(at, "Reports: 3, open ones first");
    expect(labels(listed)).toEqual([`⚖️ #${ids[2]}`, "↩️ Back"]);
    await mina.pressIn(at, `⚖️ #${ids[2]}`);
    const again = await mina.waitFor((m) => m.text.startsWith(`🚩 Report on chat #${second.chatId}: Did not show up`));
    expect(labels(again)).toEqual(["⚠️ Warn", "⛔ Restrict", "✖️ Close chat", "🗑 Dismiss"]);
    const dismiss = await mina.pressIn(again.message_id, "🗑 Dismiss");
    expect((await mina.waitForCallbackAnswer(dismiss)).text).toBe("Report dismissed.");
    await mina.waitForEdit(again.message_id, (m) => m.text.endsWith("🗑 Dismissed by Mina.") && m.reply_markup === undefined);
    const junOriginal = jun.inbox.find((m) => m.text.startsWith(`🚩 대화 #${second.chatId} 신고`) && m.text.includes("나타나지 않음"))!;
    await jun.waitForEdit(junOriginal.message_id, (m) => m.text.endsWith("🗑 Mina님이 기각했어요.") && m.reply_markup === undefined);
    // The list pressed before that decision answers that it is decided and shows it as it is now.
    const stale = await mina.pressIn(at, `⚖️ #${ids[2]}`);
    expect((await mina.waitForCallbackAnswer(stale)).text).toBe("This report is no longer open: the list shows who decided it.");
    const redrawn = await mina.waitForEdit(at, (m) => m.text.includes(`• #${ids[2]} `) && m.text.includes("🗑 Dismissed by Mina."));
    expect(labels(redrawn)).toEqual(["↩️ Back"]);
    expect((await db.selectFrom("reports").select("state").orderBy("id").execute()).map((r) => r.state)).toEqual([
      "warned",
      "dismissed",
      "dismissed",
    ]);
  });

  it("a user's card restricts and lifts, adjusts badges and credits: one audit row each with the reason, the user told, the card shown again", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${MINA}:Mina,${JUN}` } });
    const db = world.bot.db.kysely;
    const mina = await started(world, "Mina", "en", MINA);
    const jun = await started(world, "Jun", "ko", JUN);
    const rita = await started(world, "Rita", "en");
    const alias = await aliasOf(world, rita.id);

    // Find a user: a query that finds nobody is answered, and the next one is read too.
    await mina.command("admin");
    const menu = await mina.waitFor("Admin console");
    await mina.pressIn(menu.message_id, "🔎 Find a user");
    await mina.waitFor("Send the alias or id of the user to look up.");
    await mina.send("Nobody <here>");
    await mina.waitFor("No user has the id or alias “Nobody <here>”.");
    await mina.send(alias.toLowerCase());
    let card = await mina.waitFor(`${alias} (id ${rita.id})`);
    expect(labels(card)).toEqual([
      "⛔ Restrict",
      "💳 Adjust credits",
      "🏅 Adjust help badges",
      "⚠️ Adjust penalties",
      "🎟 Issue a voucher",
      "↩️ Back",
    ]);

    // Restrict, with a reason the user reads as written.
    await mina.pressIn(card.message_id, "⛔ Restrict");
    await mina.waitFor(`Why is ${alias} (id ${rita.id}) restricted?`);
    await mina.send("<b>rude</b> to helpers");
    await mina.waitFor(`⛔ Restricted ${alias} (id ${rita.id}).`);
    card = await mina.waitFor(`${alias} (id ${rita.id})`);
    expect(card.text).toContain("⛔ Restricted: <b>rude</b> to helpers");
    expect(labels(card)[0]).toBe("✅ Lift restriction");
    await rita.waitFor("⛔ Your account is restricted: you cannot post or accept requests. Reason: <b>rude</b> to helpers");

    // Help badges: bad amounts are answered and change nothing; then +2 with a reason.
    await mina.pressIn(card.message_id, "🏅 Adjust help badges");
    await mina.waitFor("By how many help badges should");
    await mina.send("lots");
    await mina.waitFor("Send a whole number with + or - that is not 0 and at most 1000 either way, like +2 or -1.");
    await mina.send("+5000");
    await mina.waitFor("at most 1000 either way");
    await mina.send("-1");
    await mina.waitFor("That would go below 0 (now: 0). Send another amount, or /cancel.");
    await mina.send("+2");
    await mina.waitFor(`Why? ${alias} (id ${rita.id}) will read your answer`);
    await mina.send("Helped at the street fair");
    await mina.waitFor(`Done: ${alias} (id ${rita.id}) now has 2 help badges.`);
    card = await mina.waitFor(`${alias} (id ${rita.id})`);
    expect(card.text).toContain("🏅 Help badges: 2 · penalties: 0 · donated: 0");
    await rita.waitFor("🏅 An admin changed your help badges by +2 (Helped at the street fair). You have 2 now.");

    // A penalty.
    await mina.pressIn(card.message_id, "⚠️ Adjust penalties");
    await mina.waitFor("By how many penalties should");
    await mina.send("+1");
    await mina.waitFor("Why?");
    await mina.send("No-show reported by phone");
    await mina.waitFor(`Done: ${alias} (id ${rita.id}) now has 1 penalty.`);
    card = await mina.waitFor(`${alias} (id ${rita.id})`);
    await rita.waitFor("⚠️ An admin changed your penalties by +1 (No-show reported by phone). You have 1 now.");

    // /cancel leaves an adjustment half-way, with nothing changed.
    await mina.pressIn(card.message_id, "💳 Adjust credits");
    await mina.waitFor("By how many credits should the balance");
    await mina.command("cancel");
    await mina.waitFor("Cancelled. Nothing was saved.");
    await mina.send("+20");
    await mina.waitFor("I did not understand that.");

    // Credits, then lifting the restriction.
    await mina.pressIn(card.message_id, "💳 Adjust credits");
    await mina.waitFor("By how many credits should the balance");
    await mina.send("+20");
    await mina.waitFor("Why?");
    await mina.send("Cash paid at the office");
    await mina.waitFor(`Done: ${alias} (id ${rita.id}) now has`);
    card = await mina.waitFor(`${alias} (id ${rita.id})`);
    expect(card.text).toContain("💳 Credits: 20");
    await rita.waitFor("💳 Your credit balance changed by +20 (Cash paid at the office).");
    await mina.pressIn(card.message_id, "✅ Lift restriction");
    await mina.waitFor(`Why is the restriction of ${alias} (id ${rita.id}) lifted?`);
    await mina.send("Apologised");
    await mina.waitFor(`✅ Lifted the restriction of ${alias} (id ${rita.id}).`);
    card = await mina.waitFor(`${alias} (id ${rita.id})`);
    expect(card.text).toContain("Not restricted");
    await rita.waitFor("✅ Your restriction was lifted. Note: Apologised");
    // The card's decisions are words, newest first.
    expect(card.text).toMatch(
      /Latest admin decisions\n• .* restriction lifted — Apologised\n• .* credits adjusted — 20: Cash paid at the office\n• .* penalties adjusted — \+1: No-show reported by phone\n• .* help badges adjusted — \+2: Helped at the street fair\n• .* restricted — <b>rude<\/b> to helpers$/,
    );

    // Jun takes the penalty back, in Korean.
    await jun.command("admin", String(rita.id));
    const koCard = await jun.waitFor(`${alias} (id ${rita.id})`);
    expect(koCard.text).toMatch(/최근 관리자 조치\n• .* 제한 해제 — Apologised\n• .* 크레딧 조정 — 20: Cash paid at the office/);
    await jun.pressIn(koCard.message_id, "⚠️ 벌점 조정");
    await jun.waitFor("벌점을 얼마나 바꿀까요? 지금 1개예요.");
    await jun.send("-1");
    await jun.waitFor("이유는 무엇인가요?");
    await jun.send("오해였어요");
    await jun.waitFor(`완료: ${alias}님(id ${rita.id})의 벌점은 이제 0개예요.`);
    await jun.waitFor((m) => m.text.includes("최근 관리자 조치") && m.text.includes("벌점 조정 — -1: 오해였어요"));
    await rita.waitFor("⚠️ An admin changed your penalties by -1 (오해였어요). You have 0 now.");
    await world.settle();

    const audit = await db.selectFrom("admin_audit").select(["admin_id", "action", "subject_id", "reason"]).orderBy("id").execute();
    expect(audit.map((a) => [Number(a.admin_id), a.action, Number(a.subject_id), a.reason])).toEqual([
      [MINA, "user.restrict", rita.id, "<b>rude</b> to helpers"],
      [MINA, "badges.help", rita.id, "+2: Helped at the street fair"],
      [MINA, "badges.penalty", rita.id, "+1: No-show reported by phone"],
      [MINA, "credits.adjust", rita.id, "20: Cash paid at the office"],
      [MINA, "user.unrestrict", rita.id, "Apologised"],
      [JUN, "badges.penalty", rita.id, "-1: 오해였어요"],
    ]);
    const auditIds = (await db.selectFrom("admin_audit").select("id").orderBy("id").execute()).map((a) => Number(a.id));
    const badges = await db
      .selectFrom("badge_entries")
      .select(["user_id", "kind", "amount", "reason", "subject_id"])
      .orderBy("id")
      .execute();
    expect(badges.map((b) => [Number(b.user_id), b.kind, Number(b.amount), b.reason, Number(b.subject_id)])).toEqual([
      [rita.id, "help", 2, "admin", auditIds[1]],
      [rita.id, "penalty", 1, "admin", auditIds[2]],
      [rita.id, "penalty", -1, "admin", auditIds[5]],
    ]);
    // One grant: Rita's account and the grants account, keyed by the adjustment's audit row.
    const credits = await db.selectFrom("ledger_entries").select(["account", "amount", "subject"]).orderBy("id").execute();
    expect(credits.map((c) => [c.account, Number(c.amount), c.subject])).toEqual([
      [`user:${rita.id}`, 20, `adjust:${auditIds[3]}`],
      ["grants", -20, `adjust:${auditIds[3]}`],
    ]);
    const user = await db.selectFrom("users").select("restricted_at").where("id", "=", rita.id).executeTakeFirstOrThrow();
    expect(user.restricted_at).toBeNull();
  });

  it("two admins deciding one report at once: it is decided once, and both cards say by whom", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${MINA}:Mina,${JUN}` } });
    const db = world.bot.db.kysely;
    const mina = await started(world, "Mina", "en", MINA);
    const jun = await started(world, "Jun", "ko", JUN);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    const { chatId } = await matchThem(world, rita, ann);
    await reportChat(world.bot.app.deps, rita.id, chatId, "abuse");
    const minaCard = await mina.waitFor(`Report on chat #${chatId}`);
    const junCard = await jun.waitFor(`대화 #${chatId} 신고`);

    // Mina restricts and Jun closes the chat, pressed together.
    const [restrict, close] = [
      await mina.pressIn(minaCard.message_id, "⛔ Restrict"),
      await jun.pressIn(junCard.message_id, "✖️ 대화 종료"),
    ];
    const answers = [(await mina.waitForCallbackAnswer(restrict)).text, (await jun.waitForCallbackAnswer(close)).text];
    await world.settle();

    const [report] = await db.selectFrom("reports").select(["state", "handled_by"]).execute();
    const audit = await db.selectFrom("admin_audit").select(["admin_id", "action"]).execute();
    const chat = await db.selectFrom("chats").select("status").where("id", "=", chatId).executeTakeFirstOrThrow();
    const restricted = (await db.selectFrom("users").select("restricted_at").where("id", "=", ann.id).executeTakeFirstOrThrow())
      .restricted_at;
    if (report!.state === "restricted") {
      expect(answers).toEqual(["Restricted.", "⛔ Mina님이 제한했어요."]);
      expect(Number(report!.handled_by)).toBe(MINA);
      expect(audit.map((a) => [Number(a.admin_id), a.action])).toEqual([[MINA, "user.restrict"]]);
      expect(chat.status).toBe("open");
      expect(restricted).not.toBeNull();
      await jun.waitForEdit(junCard.message_id, (m) => m.text.endsWith("⛔ Mina님이 제한했어요.") && m.reply_markup === undefined);
      await mina.waitForEdit(minaCard.message_id, (m) => m.text.endsWith("⛔ Restricted by Mina.") && m.reply_markup === undefined);
    } else {
      expect(report!.state).toBe("closed");
      expect(answers).toEqual([`✖️ Chat closed by admin ${JUN}.`, "대화를 종료했어요."]);
      expect(Number(report!.handled_by)).toBe(JUN);
      expect(audit.map((a) => [Number(a.admin_id), a.action])).toEqual([[JUN, "chat.close"]]);
      expect(chat.status).toBe("closed");
      expect(restricted).toBeNull();
      await mina.waitForEdit(
        minaCard.message_id,
        (m) => m.text.endsWith(`✖️ Chat closed by admin ${JUN}.`) && m.reply_markup === undefined,
      );
      await jun.waitForEdit(
        junCard.message_id,
        (m) => m.text.endsWith(`✖️ 관리자 ${JUN}님이 대화를 종료했어요.`) && m.reply_markup === undefined,
      );
    }
  });

  it("for anyone else every console button, forged with real ids, is not allowed and changes nothing; the commands are unknown", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${MINA}:Mina` } });
    const mina = await started(world, "Mina", "en", MINA);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "en");
    await seededHelper(world, ann);
    const { chatId } = await matchThem(world, rita, ann);
    await reportChat(world.bot.app.deps, rita.id, chatId, "abuse");
    await mina.waitFor(`Report on chat #${chatId}`);
    await world.settle();
    const report = Number((await world.bot.db.kysely.selectFrom("reports").select("id").executeTakeFirstOrThrow()).id);

    const eve = world.fake.persona({ firstName: "Eve", languageCode: "en" });
    await eve.command("start");
    const greeting = await eve.waitFor("I am doum");
    const before = await snapshot(world);
    // A refusal leaves Eve's own greeting and its menu as they were.
    expect((await eve.waitForCallbackAnswer(eve.pressForged(greeting.message_id, "1:acon:home:0"))).text).toBe(NOT_ALLOWED);
    const forged = [
      "1:astat:today",
      "1:acon:home:0",
      ...["pending", "requests", "chats", "reports", "boards", "vouchers", "kinds"].map((section) => `1:acon:${section}:0`),
      "1:afind",
      `1:ropen:${report}`,
      ...USER_ADJUSTMENTS.map((adjustment) => `1:auser:${rita.id}:${adjustment}`),
      ...REPORT_DECISIONS.map((decision) => `1:rdec:${report}:${decision}`),
    ];
    for (const data of forged) {
      const query = eve.pressForged(greeting.message_id, data);
      expect((await eve.waitForCallbackAnswer(query)).text, data).toBe(NOT_ALLOWED);
    }
    // Not inside any admin scene: a message afterwards is no reason and no amount.
    await eve.send("+20 because I say so");
    await eve.waitFor((m) => m.text.length > 0 && !m.text.includes("I am doum"));
    for (const command of ADMIN_COMMANDS) {
      await eve.command(command, `${rita.id} +5 because`);
      await eve.waitFor("I don't know that command");
    }
    await world.settle();
    expect(await snapshot(world)).toEqual(before);
    expect(eve.inbox.find((m) => m.message_id === greeting.message_id)!.reply_markup).toEqual(greeting.reply_markup);
    expect(eve.inbox.some((m) => /Admin console|Open requests|Reports|Restricted|Why is/.test(m.text))).toBe(false);
    expect(rita.inbox.some((m) => /restricted|warns you/i.test(m.text))).toBe(false);
  });
});
