import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { approveByButton, askForHelp, buttonRows, northOf, registerHelper, SEOUL } from "../support/stories.js";

const ADMIN_ID = 900_001;

/** Never a message that sends the user to a command that would send them back. */
async function answerTo(persona: Persona, command: string, payload?: string): Promise<InboxMessage> {
  const before = persona.inbox.length;
  await persona.command(command, payload);
  return persona.waitFor((m) => persona.inbox.indexOf(m) >= before);
}

describe("what a suspended or restricted helper is told is true", () => {
  let world: World;
  let admin: Persona;
  let ann: Persona;
  let minji: Persona;
  beforeEach(async () => {
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    await admin.command("start");
    await admin.waitFor("I am doum");
    ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    minji = world.fake.persona({ firstName: "민지", languageCode: "ko" });
    for (const p of [ann, minji]) {
      await p.command("start");
      await p.next();
      await seedApprovedHelper(world.bot.db.kysely, p, northOf(SEOUL, 1), 3, world.bot.clock.now());
    }
    // An open request near both, so an empty answer would be a lie.
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    await ann.waitFor("Repairs");
    await minji.waitFor("수리");
  });
  afterEach(async () => {
    await world.close();
  });

  it("a suspended helper is not promised requests, and /nearby and /helper do not send them round in a loop", async () => {
    for (const p of [ann, minji]) {
      await admin.command("suspend", `${p.id} no-shows`);
      await admin.waitFor(`(id ${p.id})`);
    }
    await ann.waitFor("Your helper account is suspended");

    const available = await answerTo(ann, "available", "on");
    expect(available.text).toContain("suspended, though, so no requests reach you");
    expect(available.text).not.toContain("requests nearby will reach you");
    const nearby = await answerTo(ann, "nearby");
    expect(nearby.text).toContain("suspended, so I show you no requests. /profile shows the reason");
    expect(nearby.text).not.toContain("/helper");
    const helper = await answerTo(ann, "helper");
    expect(helper.text).toContain("suspended, so there is nothing to register. /profile shows the reason");
    expect(helper.text).not.toContain("/nearby");
    expect((await answerTo(ann, "profile")).text).toContain("Suspended because: no-shows");

    await minji.waitFor("헬퍼 계정이 정지되었어요");
    const availableKo = await answerTo(minji, "available", "on");
    expect(availableKo.text).toContain("정지를 풀 때까지는 요청이 오지 않아요");
    expect(availableKo.text).not.toContain("이제 근처 요청을 받아요");
    const nearbyKo = await answerTo(minji, "nearby");
    expect(nearbyKo.text).toContain("헬퍼 계정이 정지되어 요청을 보여 드리지 않아요");
    expect(nearbyKo.text).not.toContain("/helper");
    const helperKo = await answerTo(minji, "helper");
    expect(helperKo.text).toContain("정지되어 있어 새로 등록할 수 없어요");
    expect(helperKo.text).not.toContain("/nearby");
  });

  it("a restricted helper's /profile says so, /nearby offers no buttons and /available promises nothing", async () => {
    for (const p of [ann, minji]) {
      await admin.command("restrict", `${p.id} rude to a requester`);
      await admin.waitFor(`(id ${p.id})`);
    }
    await ann.waitFor("Your account is restricted");

    const profile = await answerTo(ann, "profile");
    expect(profile.text).toContain("Your account is restricted: you get no requests and cannot accept any. Reason: rude to a requester");
    const nearby = await answerTo(ann, "nearby");
    expect(nearby.text).toContain("restricted, so you cannot accept requests now. Reason: rude to a requester");
    expect(buttonRows(nearby).flat()).toEqual([]);
    const available = await answerTo(ann, "available", "on");
    expect(available.text).toContain("until the restriction is lifted");

    await minji.waitFor("계정이 제한되었어요");
    expect((await answerTo(minji, "profile")).text).toContain("계정이 제한되어 요청을 받거나 수락할 수 없어요. 사유: rude to a requester");
    const nearbyKo = await answerTo(minji, "nearby");
    expect(nearbyKo.text).toContain("계정이 제한되어 지금은 요청을 수락할 수 없어요");
    expect(buttonRows(nearbyKo).flat()).toEqual([]);

    // Lifted: the list and its buttons are back.
    await admin.command("unrestrict", String(ann.id));
    await ann.waitFor("Your restriction was lifted");
    const list = await answerTo(ann, "nearby");
    expect(buttonRows(list).flat()).toContain("Open #1");
  });
});

describe("an applicant restricted while waiting", () => {
  it("is approved without being promised requests they cannot take", async () => {
    const world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    try {
      const admin = world.fake.persona({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
      await admin.command("start");
      await admin.waitFor("I am doum");
      const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
      await ann.command("start");
      await ann.next();
      await registerHelper(ann, { at: northOf(SEOUL, 1) });
      await admin.command("restrict", `${ann.id} rude to a requester`);
      await ann.waitFor("Your account is restricted");
      await approveByButton(admin, ann, "You are approved as a helper. Your account is restricted, though");
      await world.settle();
      expect(ann.inbox.some((m) => m.text.includes("I will tell you when someone nearby needs a hand"))).toBe(false);
    } finally {
      await world.close();
    }
  });
});
