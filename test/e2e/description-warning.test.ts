import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import { seedApprovedHelper } from "../support/seed.js";
import { northOf, SEOUL } from "../support/stories.js";

describe("asking: a description with personal details is warned about before it is posted", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("in English: a phone number is warned about, a new description is checked again, and the requester may keep it", async () => {
    world = await openWorld();
    const hal = world.fake.persona({ firstName: "Hal", languageCode: "en" });
    await hal.command("start");
    await hal.waitFor("I am doum");
    await seedApprovedHelper(world.bot.db.kysely, hal, northOf(SEOUL, 0.5), 3, world.bot.clock.now());

    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await rita.command("ask");
    await rita.waitFor("What do you need help with?");
    await rita.press("Repairs");
    await rita.waitFor("Describe what you need");
    await rita.send("Fix my door lock, call 010-1234-5678 when you are here");
    const warning = await rita.waitFor("Your description seems to contain personal details (a phone number): 010-1234-5678");
    expect(warning.text).toContain("Everyone nearby will see this description.");
    expect(warning.entities.some((e) => e.type === "code")).toBe(true);

    // Pressing "Write it again" asks for the description anew; the new one is checked too.
    await rita.pressIn(warning.message_id, "✏️ Write it again");
    await rita.waitForEdit(warning.message_id, (m) => m.reply_markup === undefined);
    await rita.waitFor("Describe what you need");
    await rita.send("Fix my door lock at 12 Main St, Apt 4B");
    const second = await rita.waitFor("personal details (an address): 12 Main St");
    // Typing again while warned is as good as "Write it again".
    await rita.send("Fix my door lock <today> & write to rita.k@example.com");
    const third = await rita.waitFor("personal details (an e-mail address): rita.k@example.com");
    // The earlier warning lost its buttons: only the warning about what is written now can keep it.
    await rita.waitForEdit(second.message_id, (m) => m.reply_markup === undefined);
    await rita.pressIn(third.message_id, "Keep it");
    await rita.waitFor("Kept as written.");
    await rita.waitFor("Where?");
    await rita.press("📍 Send my location", { location: SEOUL });
    await rita.waitFor("Place saved");
    await rita.waitFor("How long should the request stay open?");
    await rita.press("30 min");
    await rita.waitFor("Would you like to offer a fee");
    await rita.press("No fee");
    const card = await rita.waitFor("Check your request");
    expect(card.text).toContain("What: Fix my door lock <today> & write to rita.k@example.com");
    await rita.press("📣 Post");
    await rita.waitFor("One helper nearby was told");
    await hal.waitFor("Fix my door lock <today> & write to rita.k@example.com");
    const request = await world.bot.db.kysely.selectFrom("requests").selectAll().executeTakeFirstOrThrow();
    expect(request.description).toBe("Fix my door lock <today> & write to rita.k@example.com");
  });

  it("in Korean: an apartment number is warned about in 해요체, and writing it again keeps the draft going", async () => {
    world = await openWorld();
    const mina = world.fake.persona({ firstName: "Mina", languageCode: "ko" });
    await mina.command("ask");
    await mina.waitFor("어떤 도움이 필요하세요?");
    await mina.press("수리");
    await mina.waitFor("필요한 일을 몇 문장으로 적어 주세요");
    await mina.send("저희 집은 101동 202호예요. 전등을 갈아 주세요");
    const warning = await mina.waitFor("설명에 개인 정보가 있는 것 같아요 (주소): 101동 202호");
    expect(warning.text).toContain("근처의 모든 헬퍼가 이 설명을 보게 돼요.");
    // Neither a sticker nor a press elsewhere is taken for an answer.
    await mina.sendSticker();
    await mina.waitFor("버튼으로 골라 주시거나 새 설명을 보내 주세요.");
    await mina.pressIn(warning.message_id, "✏️ 다시 쓸게요");
    await mina.waitFor("필요한 일을 몇 문장으로 적어 주세요");
    await mina.send("역삼동 123-4 근처예요");
    const again = await mina.waitFor("설명에 개인 정보가 있는 것 같아요 (주소): 역삼동 123-4");
    await mina.send("거실 전등을 갈아 주세요");
    await mina.waitFor("어디인가요?");
    await mina.waitForEdit(again.message_id, (m) => m.reply_markup === undefined);
    expect(mina.inbox.filter((m) => m.text.includes("개인 정보")).length).toBe(2);
    await mina.command("cancel");
    await mina.waitFor("취소했");
    expect(await world.bot.db.kysely.selectFrom("requests").selectAll().execute()).toEqual([]);
  });
});
