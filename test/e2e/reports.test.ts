import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { matchThem, seededHelper, started } from "./closing-support.js";

const ADMIN_ID = 900_401;
const KO_ADMIN_ID = 900_402;

describe("reporting a chat", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("every admin gets both aliases and the request; Warn and Restrict take effect and are audited; the reporter ends the chat; the other side never learns of the report", async () => {
    world = await openWorld({ env: { ADMIN_IDS: `${ADMIN_ID},${KO_ADMIN_ID}` } });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const koAdmin = await started(world, "관리자", "ko", KO_ADMIN_ID);
    const rita = await started(world, "Rita", "en");
    const ann = await started(world, "Ann", "ko");
    await seededHelper(world, ann);
    const { requesterCard, chatId } = await matchThem(world, rita, ann, { description: "Fix <the> door & lock.", helperLanguage: "ko" });
    const users = await db.selectFrom("users").select(["id", "alias"]).execute();
    const aliasOf = (id: number) => users.find((u) => Number(u.id) === id)!.alias;

    // A few words both ways first: the admins read them with the report.
    await rita.send("Are you on your way?");
    await ann.waitFor("Are you on your way?");
    await ann.send("Stop writing to me, idiot");
    await rita.waitFor("Stop writing to me, idiot");

    const annSawBefore = ann.inbox.length;
    await rita.pressIn(requesterCard.message_id, "🚩 Report");
    const picker = await rita.waitFor("What is wrong? The admins read your report; the other side is not told who reported.");
    await rita.pressIn(picker.message_id, "Abusive or rude");
    await rita.waitForEdit(picker.message_id, "Your report reached the admins. Thank you.");

    const card = await admin.waitFor(`Report on chat #${chatId}`);
    expect(card.text).toBe(
      [
        `🚩 Report on chat #${chatId}: Abusive or rude`,
        `Reported by: ${aliasOf(rita.id)} (id ${rita.id})`,
        `About: ${aliasOf(ann.id)} (id ${ann.id})`,
        "Request: Repairs — Fix <the> door & lock.",
        `The latest 2 messages follow, oldest first, from: ${aliasOf(rita.id)}, ${aliasOf(ann.id)}`,
      ].join("\n"),
    );
    // The copies come after the card, in that order, protected like the relay's.
    const first = await admin.waitFor((m) => admin.inbox.indexOf(m) > admin.inbox.indexOf(card));
    const second = await admin.next();
    expect([first.text, second.text]).toEqual(["Are you on your way?", "Stop writing to me, idiot"]);
    const toAdmin = world.fake.calls.filter((c) => {
      const params = c.params as { chat_id?: number };
      return c.method === "copyMessage" && params.chat_id === ADMIN_ID;
    });
    expect(toAdmin.map((c) => (c.params as { protect_content?: boolean }).protect_content)).toEqual([true, true]);
    const koCard = await koAdmin.waitFor(`대화 #${chatId} 신고`);
    expect(koCard.text).toContain(`신고된 사람: ${aliasOf(ann.id)} (id ${ann.id})`);
    expect(koCard.text).toContain("욕설이나 무례한 행동");

    const warn = await admin.pressIn(card.message_id, "⚠️ Warn");
    expect((await admin.waitForCallbackAnswer(warn)).text).toBe("Warning sent.");
    await ann.waitFor("대화에서의 행동에 대해 관리자가 경고했어요");
    // Decided once: every admin's card says who decided and loses its buttons.
    const warned = await koAdmin.waitForEdit(koCard.message_id, (m) => m.text.includes(`관리자 ${ADMIN_ID}님이 경고했어요.`));
    expect(warned.reply_markup).toBeUndefined();
    await admin.waitForEdit(card.message_id, (m) => m.text.endsWith(`⚠️ Warned by admin ${ADMIN_ID}.`) && m.reply_markup === undefined);

    // Ann goes on; a second report reaches the admins, and this time one restricts her.
    await ann.send("You will regret this");
    await rita.waitFor("You will regret this");
    await rita.pressIn(requesterCard.message_id, "🚩 Report");
    const picker2 = await rita.waitFor((m) => m.text.startsWith("What is wrong?") && m.message_id !== picker.message_id);
    await rita.pressIn(picker2.message_id, "Abusive or rude");
    await rita.waitForEdit(picker2.message_id, "Your report reached the admins. Thank you.");
    const koCard2 = await koAdmin.waitFor((m) => m.text.includes(`대화 #${chatId} 신고`) && m.message_id !== koCard.message_id);
    const restrict = await koAdmin.pressIn(koCard2.message_id, "⛔ 제한");
    expect((await koAdmin.waitForCallbackAnswer(restrict)).text).toBe("제한했어요.");
    await ann.waitFor("제한");
    const user = await db
      .selectFrom("users")
      .select(["restricted_at", "restricted_reason"])
      .where("id", "=", ann.id)
      .executeTakeFirstOrThrow();
    expect(user.restricted_at).not.toBeNull();
    expect(user.restricted_reason).toBe(`conduct in chat #${chatId}`);
    const audit = await db.selectFrom("admin_audit").select(["admin_id", "action", "subject_id", "reason"]).orderBy("id").execute();
    expect(audit.map((a) => [Number(a.admin_id), a.action, Number(a.subject_id), a.reason])).toEqual([
      [ADMIN_ID, "report.warn", ann.id, `chat ${chatId}`],
      [KO_ADMIN_ID, "user.restrict", ann.id, `conduct in chat #${chatId}`],
    ]);
    const reports = await db
      .selectFrom("reports")
      .select(["chat_id", "reporter_id", "reported_id", "reason", "state", "handled_by"])
      .orderBy("id")
      .execute();
    expect(
      reports.map((r) => [Number(r.chat_id), Number(r.reporter_id), Number(r.reported_id), r.reason, r.state, Number(r.handled_by)]),
    ).toEqual([
      [chatId, rita.id, ann.id, "abuse", "warned", ADMIN_ID],
      [chatId, rita.id, ann.id, "abuse", "restricted", KO_ADMIN_ID],
    ]);
    // The restriction holds: Ann cannot ask.
    await ann.command("ask");
    await ann.waitFor("계정이 제한되었어요");

    // The reporter ends the chat at once; Ann reads only that it ended.
    await rita.pressIn(picker.message_id, "✖️ End the chat now");
    await rita.waitForEdit(picker.message_id, "The chat ended. The admins still have your report.");
    await ann.waitFor("대화가 끝났어요");
    const chat = await db.selectFrom("chats").select(["status", "close_reason"]).where("id", "=", chatId).executeTakeFirstOrThrow();
    expect(chat).toEqual({ status: "closed", close_reason: "report" });
    // Another admin's late Close chat on the decided report decides nothing and says who did.
    const [, secondReport] = await db.selectFrom("reports").select("id").orderBy("id").execute();
    const close = admin.pressForged(card.message_id, `1:rdec:${secondReport!.id}:close`);
    expect((await admin.waitForCallbackAnswer(close)).text).toBe(`⛔ Restricted by admin ${KO_ADMIN_ID}.`);
    await world.settle();
    const annSawAfter = ann.inbox.slice(annSawBefore);
    expect(annSawAfter.map((m) => m.text).filter((text) => /신고|report/i.test(text) || text.includes(aliasOf(rita.id)))).toEqual([]);
    // The admins see both aliases and ids; the two sides never see each other's.
    expectNoIdentityLeak(world, rita, ann);
  });
});
