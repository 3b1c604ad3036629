import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { approveByButton, registerHelper, SEOUL, buttonRows } from "../support/stories.js";

const ADMIN_ID = 900_001;
const HELPER_ONLY = ["nearby", "profile", "available", "radius", "quiet"];
const ADMIN_ONLY = ["admin", "pending", "approve", "reject", "suspend", "reinstate", "restrict", "unrestrict", "credit", "newboard"];

describe("/help, the command menus and the fallback answer follow what the user can do", () => {
  let world: World;
  let admin: Persona;
  const menu = (p: Persona) => world.fake.commandsFor(p.id, p.languageCode).map((c) => c.command);
  beforeEach(async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
  });
  afterEach(async () => {
    await world.close();
  });

  it("a newcomer sees the requester's part and how to become a helper; an approved helper sees the helper's part", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("help");
    const help = await ann.waitFor("How doum works");
    expect(help.text).toContain("/ask — ask your neighbours for help");
    expect(help.text).toContain("/helper — become a helper");
    expect(help.text).toContain("/badges — your help badges, penalties and prize progress");
    expect(help.text).toContain("/balance — your credits: free, held for your requests, and recent changes");
    expect(help.text).toContain("/topup — buy credits");
    expect(help.text).toContain("/paysupport — help with a payment · /privacy — what doum keeps about you");
    for (const command of [...HELPER_ONLY, ...ADMIN_ONLY]) expect(help.text).not.toContain(`/${command} `);
    await world.settle();
    expect(menu(ann)).toEqual([
      "start",
      "ask",
      "walkhome",
      "safety",
      "requests",
      "chat",
      "balance",
      "topup",
      "badges",
      "redeem",
      "vouchers",
      "boards",
      "helper",
      "language",
      "help",
      "cancel",
      "paysupport",
      "privacy",
    ]);

    await registerHelper(ann, { at: SEOUL });
    await ann.command("help");
    expect((await ann.waitFor("Your helper application")).text).toContain("waiting for an admin");
    await approveByButton(admin, ann);
    await world.settle();
    // The approval gives Ann a menu of her own, with the helper commands and still no admin ones.
    expect(menu(ann)).toEqual([
      "start",
      "ask",
      "walkhome",
      "safety",
      "requests",
      "chat",
      "balance",
      "topup",
      "badges",
      "redeem",
      "vouchers",
      "boards",
      "helper",
      "language",
      "help",
      "cancel",
      "paysupport",
      "privacy",
      ...HELPER_ONLY,
    ]);
    await ann.command("help");
    const helperHelp = await ann.waitFor("As a helper");
    for (const command of HELPER_ONLY) expect(helperHelp.text).toContain(`/${command} — `);
    expect(helperHelp.text).not.toContain("/helper — become a helper");
    expect(helperHelp.text).not.toContain("/pending");
  });

  it("a Korean helper's menu loses the helper commands while suspended and gets them back, in Korean", async () => {
    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.command("help");
    const help = await minji.waitFor("doum 사용법");
    expect(help.text).toContain("/helper — 헬퍼로 등록하면");
    expect(help.text).not.toContain("/nearby");
    await seedApprovedHelper(world.bot.db.kysely, minji, SEOUL, 3, world.bot.clock.now());

    await admin.command("suspend", `${minji.id} too many no-shows`);
    await minji.waitFor("헬퍼 계정이 정지되었어요");
    await world.settle();
    expect(menu(minji)).not.toContain("nearby");
    expect(world.fake.commandsFor(minji.id, "ko").find((c) => c.command === "start")?.description).toBe("메인 메뉴");
    await minji.command("help");
    const suspended = await minji.waitFor("헬퍼 계정");
    expect(suspended.text).toContain("정지되어 지금은 요청이 오지 않아요");
    expect(suspended.text).not.toContain("/nearby —");

    await admin.command("reinstate", String(minji.id));
    await minji.waitFor("다시 활성화되었어요");
    await world.settle();
    const commands = world.fake.commandsFor(minji.id, "ko");
    expect(commands.map((c) => c.command)).toEqual([
      "start",
      "ask",
      "walkhome",
      "safety",
      "requests",
      "chat",
      "balance",
      "topup",
      "badges",
      "redeem",
      "vouchers",
      "boards",
      "helper",
      "language",
      "help",
      "cancel",
      "paysupport",
      "privacy",
      ...HELPER_ONLY,
    ]);
    expect(commands.find((c) => c.command === "nearby")?.description).toBe("근처의 열린 요청");
  });

  it("admins alone see the admin commands, in their menu and in /help", async () => {
    await world.settle();
    expect(menu(admin)).toEqual(expect.arrayContaining(ADMIN_ONLY));
    expect(menu(admin)).not.toContain("nearby");
    await admin.command("help");
    const help = await admin.waitFor("How doum works");
    expect(help.text).toContain("/pending — applications waiting");
    expect(help.text).toContain("/reject <id> <reason>");
  });

  it("the answer to input it cannot place comes with the main menu it points to", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.send("hello? anyone?");
    const answer = await ann.waitFor("I did not understand that");
    expect(answer.text).toContain("Use the menu below");
    expect(buttonRows(answer).flat()).toEqual([
      "🆘 Ask for help",
      "📍 Requests nearby",
      "🚶 Walk me home",
      "🙋 Become a helper",
      "❓ Help",
      "🌐 Language",
    ]);
    await ann.press("❓ Help");
    await ann.waitFor("How doum works");

    const minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    await minji.send("안녕하세요");
    const korean = await minji.waitFor("잘 이해하지 못했어요");
    expect(buttonRows(korean).flat()).toContain("🆘 도움 요청");
  });
});
