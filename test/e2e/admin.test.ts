import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findHelper } from "../../db/repositories/helpers.js";
import { findUser } from "../../db/repositories/users.js";
import { particleFor } from "../../src/domain/korean-particles.js";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { northOf, registerHelper, SEOUL } from "../support/stories.js";

const MINA = 900_201;
const SECOND = 900_202;

/** Registers through the Korean scene keeping the suggested alias, with a photo and two proofs. */
async function registerInKoreanWithAttachments(minji: Persona, alias: string): Promise<void> {
  await minji.command("helper");
  const prompt = await minji.waitFor("1/7");
  // The particle fits the alias: "…505를", "…수달을"; never both forms.
  expect(prompt.text).toContain(`지금 별명 ${alias}${particleFor(alias, "을")} 그대로 쓰려면`);
  expect(prompt.text).not.toMatch(/\((을|를)\)/);
  await minji.press(/그대로 쓰기$/);
  await minji.waitFor("2/7");
  await minji.press("동행 / 귀갓길");
  await minji.press("✔️ 완료");
  await minji.waitFor("그 밖에");
  await minji.press("건너뛰기");
  await minji.waitFor("3/7");
  await minji.send("밤길 동행해 드려요.");
  await minji.waitFor("4/7");
  await minji.sendPhoto();
  await minji.waitFor("5/7");
  await minji.sendDocument("licence.pdf");
  await minji.waitFor("받았어요 (1/5)");
  await minji.sendPhoto("id card");
  await minji.waitFor("받았어요 (2/5)");
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
}

const aliasOf = async (world: World, persona: Persona) => (await findUser(world.bot.db.kysely, persona.id))!.alias;

describe("the admin side", () => {
  let world: World;
  let mina: Persona;
  let second: Persona;
  beforeEach(async () => {
    // Mina has a name in the configuration; the second admin has none.
    world = await openWorld({ env: { ADMIN_IDS: `${MINA}:Mina,${SECOND}` } });
    mina = world.fake.persona({ id: MINA, firstName: "Mina", languageCode: "en" });
    second = world.fake.persona({ id: SECOND, firstName: "Jun", languageCode: "ko" });
    await mina.command("start");
    await mina.waitFor("I am doum");
    await second.command("start");
    await second.waitFor("이웃끼리");
  });
  afterEach(async () => {
    await world.close();
  });

  it("copies say what they are, decisions from /pending redraw the list, and admins are named from config", async () => {
    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("start");
    await minji.waitFor("이웃끼리");
    const minjiAlias = await aliasOf(world, minji);
    expect(minjiAlias).toMatch(/^[가-힣]+ [가-힣]+ \d+$/);
    await registerInKoreanWithAttachments(minji, minjiAlias);
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await registerHelper(ann, { at: SEOUL });
    const annAlias = await aliasOf(world, ann);

    // Every copy is captioned with what it is and whose, in each admin's language.
    const minjiCard = await mina.waitFor(`Helper application #${minji.id}`);
    const whose = `${minjiAlias} (id ${minji.id})`;
    expect((await mina.waitFor((m) => m.kind === "photo")).text).toBe(`Profile photo of ${whose}`);
    expect((await mina.waitFor((m) => m.kind === "document")).text).toBe(`Proof document 1 of 2 from ${whose}`);
    expect((await mina.waitFor((m) => m.kind === "photo")).text).toBe(`Proof document 2 of 2 from ${whose}`);
    const whoseKo = `${minjiAlias}님(id ${minji.id})`;
    expect((await second.waitFor((m) => m.kind === "photo")).text).toBe(`${whoseKo}의 프로필 사진`);
    expect((await second.waitFor((m) => m.kind === "document")).text).toBe(`${whoseKo}의 인증 자료 1/2`);
    expect((await second.waitFor((m) => m.kind === "photo")).text).toBe(`${whoseKo}의 인증 자료 2/2`);
    const annCard = await mina.waitFor(`Helper application #${ann.id}`);
    const annCardKo = await second.waitFor((m) => m.text.includes(`헬퍼 신청 #${ann.id}`));

    // The second admin approves Ann from the Korean /pending list; the list drops her at once.
    await second.command("pending");
    const list = await second.waitFor("승인 대기");
    expect(list.text).toContain(`${minjiAlias} (id ${minji.id})`);
    expect(list.text).toContain(`${annAlias} (id ${ann.id})`);
    const approve = await second.pressIn(list.message_id, `✅ ${annAlias}`);
    expect((await second.waitForCallbackAnswer(approve)).text).toBe(`✅ ${annAlias}님(id ${ann.id})을 승인했어요.`);
    await second.waitForEdit(list.message_id, (m) => m.text.includes("승인 대기 (1)") && !m.text.includes(annAlias));
    await ann.waitFor("You are approved as a helper");
    // Mina reads who decided: the second admin has no name, so "admin <id>" in her language.
    await mina.waitForEdit(annCard.message_id, (m) => m.text.includes(`✅ Approved by admin ${SECOND}.`) && !m.reply_markup);
    await second.waitForEdit(annCardKo.message_id, (m) => m.text.includes(`✅ 관리자 ${SECOND}님이 승인했어요.`) && !m.reply_markup);

    // Mina rejects Minji from her own list, with a reason; her list then says nothing waits.
    await mina.command("pending");
    const minaList = await mina.waitFor("Waiting for approval (1)");
    await mina.pressIn(minaList.message_id, `✖️ ${minjiAlias}`);
    await mina.waitFor(`Why is ${minjiAlias} (id ${minji.id}) not approved?`);
    await mina.send("The ID photo is blurry");
    await mina.waitFor(`✖️ Rejected ${minjiAlias} (id ${minji.id}); they have been told the reason.`);
    // No decision buttons are left, only the way back to the console.
    const onlyBack = (m: InboxMessage, back: string) =>
      JSON.stringify(m.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text)) === JSON.stringify([back]);
    await mina.waitForEdit(minaList.message_id, (m) => m.text === "No applications are waiting." && onlyBack(m, "↩️ Back"));
    await minji.waitFor("사유: The ID photo is blurry");
    await mina.waitForEdit(minjiCard.message_id, "✖️ Rejected by Mina: The ID photo is blurry");
    const minjiCardKo = second.inbox.find((m) => m.text.includes(`헬퍼 신청 #${minji.id}`))!;
    await second.waitForEdit(minjiCardKo.message_id, "✖️ Mina님이 거절했어요: The ID photo is blurry");

    // The second admin's list still shows Minji: pressing her button decides nothing and redraws it.
    const stale = await second.pressIn(list.message_id, `✖️ ${minjiAlias}`);
    expect((await second.waitForCallbackAnswer(stale)).text).toBe("이미 처리된 신청이에요.");
    await second.waitForEdit(list.message_id, (m) => m.text === "대기 중인 신청이 없어요." && onlyBack(m, "↩️ 뒤로"));
    expect((await findHelper(world.bot.db.kysely, minji.id))?.status).toBe("rejected");
    expect((await findHelper(world.bot.db.kysely, ann.id))?.status).toBe("approved");
    const audit = await world.bot.db.kysely.selectFrom("admin_audit").select(["admin_id", "action", "subject_id"]).orderBy("id").execute();
    expect(audit).toEqual([
      { admin_id: SECOND, action: "helper.approve", subject_id: ann.id },
      { admin_id: MINA, action: "helper.reject", subject_id: minji.id },
    ]);
  });

  it("a command missing its id, reason or amount says what is missing and changes nothing; replies name the user", async () => {
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    const hal = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    for (const p of [rita, hal]) {
      await p.command("start");
      await p.waitFor("I am doum");
    }
    await seedApprovedHelper(world.bot.db.kysely, hal, northOf(SEOUL, 1), 3, world.bot.clock.now());
    const [ritaAlias, halAlias] = [await aliasOf(world, rita), await aliasOf(world, hal)];

    await mina.command("restrict");
    const noId = await mina.waitFor("The user's id is missing");
    expect(noId.text).toBe(
      "The user's id is missing: it comes first, as a number (shown on the card and in /pending).\nUsage: /restrict <id> <reason>",
    );
    await mina.command("restrict", String(rita.id));
    const noReason = await mina.waitFor("The reason is missing");
    expect(noReason.text).toBe("The reason is missing: write it after the id. The user will read it.\nUsage: /restrict <id> <reason>");
    await mina.command("credit", `${rita.id} twenty`);
    await mina.waitFor("The amount is missing: after the id, a whole number with + or - that is not 0");
    await mina.command("credit", `${rita.id} +5`);
    await mina.waitFor((m) => m.text.startsWith("The reason is missing") && m.text.includes("Usage: /credit"));
    expect((await findUser(world.bot.db.kysely, rita.id))?.restrictedAt).toBeNull();

    await mina.command("restrict", `${rita.id} three no-shows`);
    await mina.waitFor(`⛔ Restricted ${ritaAlias} (id ${rita.id}).`);
    await rita.waitFor("Your account is restricted");
    await mina.command("restrict", `${rita.id} again`);
    await mina.waitFor(`${ritaAlias} (id ${rita.id}) is already restricted.`);
    await mina.command("approve", "424242");
    await mina.waitFor("There is no helper application from id 424242.");

    // In Korean, the same answers in Korean words.
    await second.command("suspend", String(hal.id));
    const noReasonKo = await second.waitFor("사유가 빠졌어요");
    expect(noReasonKo.text).toBe("사유가 빠졌어요. id 뒤에 사유를 적어 주세요. 상대에게 그대로 전달돼요.\n사용법: /suspend <id> <사유>");
    await second.command("credit", String(rita.id));
    await second.waitFor((m) => m.text.startsWith("금액이 빠졌어요") && m.text.includes("사용법: /credit"));
    await second.command("credit", "abc +5 충전");
    await second.waitFor("사용자 id가 빠졌어요");
    expect((await findHelper(world.bot.db.kysely, hal.id))?.status).toBe("approved");
    expect(await world.bot.db.kysely.selectFrom("ledger_entries").selectAll().execute()).toEqual([]);

    await second.command("suspend", `${hal.id} 불친절한 응대`);
    await second.waitFor(`⛔ ${halAlias}님(id ${hal.id})의 헬퍼 활동을 정지했어요.`);
    await hal.waitFor("suspended. Reason: 불친절한 응대");
    await second.command("suspend", `${hal.id} 한 번 더`);
    await second.waitFor(`${halAlias}님(id ${hal.id})은 그렇게 바꿀 수 없어요 (현재: ⛔ 정지됨).`);
    await second.command("credit", `${rita.id} +5 현금 충전`);
    await second.waitFor(`완료: ${ritaAlias}님(id ${rita.id})의 잔액은 이제 5 크레딧이에요.`);
    await mina.command("credit", `${rita.id} -9 oops`);
    await mina.waitFor(`${ritaAlias} (id ${rita.id}) has 5 credits; a balance cannot go below zero.`);

    const audit = await world.bot.db.kysely.selectFrom("admin_audit").select(["admin_id", "action"]).orderBy("id").execute();
    expect(audit).toEqual([
      { admin_id: MINA, action: "user.restrict" },
      { admin_id: SECOND, action: "helper.suspend" },
      { admin_id: SECOND, action: "credits.adjust" },
    ]);
  });
});
