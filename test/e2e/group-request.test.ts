import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import type { Json } from "../support/fake-telegram/types.js";
import { pollUntil } from "../support/fake-telegram/waiting.js";
import { expectNoIdentityLeak } from "../support/identity.js";
import { ledgerProblems, seedCredits } from "../support/ledger.js";
import { askUpToFee, SEOUL } from "../support/stories.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { Actions } from "../../src/ui/actions.js";
import { badgesOf, seededHelper, started } from "./closing-support.js";

const DESCRIPTION = "Carry a piano up to the third floor.";
const MINUTE = 60_000;

async function aliasOf(world: World, persona: Persona): Promise<string> {
  const db = world.bot.db.kysely;
  return (await db.selectFrom("users").select("alias").where("id", "=", persona.id).executeTakeFirstOrThrow()).alias;
}

/** Rita's request for two helpers, Ann and Ben, both chosen (Ann first): the group chat is open. */
async function groupOfTwo(world: World) {
  const rita = await started(world, "Ritanya", "en");
  const ann = await started(world, "Annelise", "en");
  const ben = await started(world, "Bertrand", "en");
  for (const helper of [ann, ben]) await seededHelper(world, helper);
  const draft = { category: "repairs", description: DESCRIPTION, place: SEOUL, validityMinutes: 30, fee: 0, helpersWanted: 2 };
  const posted = await postRequest(world.bot.app.deps, rita.id, draft);
  if (!posted.ok) throw new Error(posted.reason);
  const [ritaAlias, annAlias, benAlias] = [await aliasOf(world, rita), await aliasOf(world, ann), await aliasOf(world, ben)];
  for (const [helper, alias] of [
    [ann, annAlias],
    [ben, benAlias],
  ] as const) {
    await helper.pressIn((await helper.waitFor(DESCRIPTION)).message_id, "10 min");
    await rita.pressIn((await rita.waitFor(`${alias} can help`)).message_id, /^✅ Choose/);
  }
  return { rita, ann, ben, ritaAlias, annAlias, benAlias };
}

describe("a request for three helpers", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  it("three chosen, a fourth told the places are filled; a group chat labelled by alias; one helper blocks the bot; the fee of 10 splits exactly", async () => {
    world = await openWorld();
    const db = world.bot.db.kysely;
    // Names that no text of the bot contains, so the identity scan finds only real leaks.
    const rita = await started(world, "Ritanya", "en");
    const ann = await started(world, "Annelise", "en");
    const ben = await started(world, "Bertrand", "en");
    // She reads Korean: her side of the group is in 해요체.
    const cat = await started(world, "Cressida", "ko");
    const dan = await started(world, "Dorotheus", "en");
    for (const helper of [ann, ben, cat, dan]) await seededHelper(world, helper);
    await seedCredits(db, { userId: rita.id, amount: 10, now: world.bot.clock.now() });
    const [ritaAlias, annAlias, benAlias, catAlias] = [
      await aliasOf(world, rita),
      await aliasOf(world, ann),
      await aliasOf(world, ben),
      await aliasOf(world, cat),
    ];

    // Posting: the number of helpers is changed on the confirmation card; a number out of range gets a hint.
    await askUpToFee(rita, { at: SEOUL, description: DESCRIPTION });
    await rita.press("10");
    const card = await rita.waitFor("Check your request");
    expect(card.text).toContain("Helpers: 1");
    await rita.pressIn(card.message_id, "✏️ Helpers");
    const question = await rita.waitFor("How many helpers do you need? (1–5)");
    await rita.send("7");
    await rita.waitFor("type a number from 1 to 5");
    await rita.pressIn(question.message_id, "3");
    const reviewed = await rita.waitFor((m) => m.text.includes("Check your request") && m.text.includes("Helpers: 3"));
    expect(reviewed.text).toContain("The fee is for everyone together: split evenly among the helpers you choose.");
    await rita.pressIn(reviewed.message_id, "📣 Post");
    const posted = await rita.waitFor("Posted");

    // Four offers.
    const notices = new Map<Persona, InboxMessage>();
    for (const [helper, eta] of [
      [ann, "10 min"],
      [ben, "10 min"],
      [cat, "10분"],
      [dan, "10 min"],
    ] as const) {
      const notice = await helper.waitFor(DESCRIPTION);
      expect(notice.text).toContain(helper === cat ? "헬퍼 3명이 필요해요." : "Needs 3 helpers; the fee is shared among them.");
      notices.set(helper, notice);
      await helper.pressIn(notice.message_id, eta);
    }
    // Offers arrive in any order: one may already have been passed over while waiting for another.
    const offerOf = async (alias: string) =>
      rita.inbox.find((m) => m.text.includes(`${alias} can help`)) ?? (await rita.waitFor((m) => m.text.includes(`${alias} can help`)));

    // One by one: each choice is its own step, and the request stays open for the places left.
    const annOffer = await offerOf(annAlias);
    await rita.pressIn(annOffer.message_id, /^✅ Choose/);
    await rita.waitForEdit(annOffer.message_id, "1 of 3 chosen");
    await rita.waitForEdit(posted.message_id, `1 of 3 chosen: ${annAlias}`);
    const benOffer = await offerOf(benAlias);
    await rita.pressIn(benOffer.message_id, /^✅ Choose/);
    await rita.waitForEdit(benOffer.message_id, "2 of 3 chosen");
    await ann.waitFor(`${benAlias} joined the group chat.`);
    const danOffer = await offerOf(await aliasOf(world, dan));
    const catOffer = await offerOf(catAlias);
    await rita.pressIn(catOffer.message_id, /^✅ Choose/);
    await rita.waitForEdit(catOffer.message_id, "All 3 places are filled: the group chat is open.");
    await cat.waitFor("대화가 열렸어요");
    await ann.waitFor(`${catAlias} joined the group chat.`);
    await ben.waitFor(`${catAlias} joined the group chat.`);
    // The fourth offer is told the places are filled, on the notice it offered from.
    await dan.waitForEdit(notices.get(dan)!.message_id, "Every place of “Repairs” is filled now.");
    await rita.waitForEdit(posted.message_id, `you chose ${annAlias}, ${benAlias}, ${catAlias}`);
    await rita.waitForEdit(danOffer.message_id, "Another helper was chosen.");
    const groupLine = "This is a group chat: what you send reaches the requester and every chosen helper";
    expect(ann.inbox.find((m) => m.text.includes("Your chat with"))!.text).toContain(groupLine);
    expect(rita.inbox.find((m) => m.text.includes(`Your chat with ${benAlias}`))!.text).toContain(groupLine);
    expect(cat.inbox.find((m) => m.text.includes("대화가 열렸어요"))!.text).toContain("그룹 대화예요.");

    // One meeting code for the whole group.
    const chats = await db.selectFrom("chats").selectAll().orderBy("id").execute();
    expect(chats.map((c) => Number(c.helper_id))).toEqual([ann.id, ben.id, cat.id]);
    expect(new Set(chats.map((c) => c.meeting_code)).size).toBe(1);
    const request = await db.selectFrom("requests").select(["status", "helpers_wanted"]).executeTakeFirstOrThrow();
    expect(request).toEqual({ status: "matched", helpers_wanted: 3 });

    // A text from the requester reaches all three, each copy labelled with her alias in bold.
    const hello = await rita.send("Hello team, the piano is heavy");
    const helloCopies = new Map<Persona, InboxMessage>();
    for (const helper of [ann, ben, cat]) {
      const copy = await helper.waitFor(`${ritaAlias}\nHello team, the piano is heavy`);
      expect(copy.raw.entities).toEqual([{ type: "bold", offset: 0, length: ritaAlias.length }]);
      expect(copy.raw.has_protected_content).toBe(true);
      helloCopies.set(helper, copy);
    }
    // A photo from a helper reaches the requester and both other helpers, the alias before its caption.
    await ann.sendPhoto("The stairs");
    for (const reader of [rita, ben, cat]) {
      const copy = await reader.waitFor((m) => m.raw.caption === `${annAlias}\nThe stairs`);
      expect(copy.raw.photo).toBeDefined();
    }
    // A sticker cannot carry a caption: the alias comes just before it, as a line of its own.
    await cat.sendSticker("🎹");
    for (const reader of [rita, ann, ben]) {
      const label = await reader.waitFor((m) => m.text === catAlias);
      expect(label.raw.entities).toEqual([{ type: "bold", offset: 0, length: catAlias.length }]);
      expect((await reader.next()).raw.sticker).toBeDefined();
    }
    // A reply threads under each reader's own copy (the requester's original for her).
    await ben.send("I can bring straps", { replyTo: helloCopies.get(ben)!.message_id });
    expect((await rita.waitFor("I can bring straps")).raw.reply_to_message?.message_id).toBe(hello.message_id);
    for (const reader of [ann, cat]) {
      const copy = await reader.waitFor(`${benAlias}\nI can bring straps`);
      expect(copy.raw.reply_to_message?.message_id).toBe(helloCopies.get(reader)!.message_id);
    }
    // An edit follows on every copy, keeping the label.
    await rita.editText(hello.message_id, "Hello team, the piano is very heavy");
    for (const helper of [ann, ben, cat]) {
      await helper.waitForEdit(helloCopies.get(helper)!.message_id, `${ritaAlias}\nHello team, the piano is very heavy`);
    }
    // A reaction on a copy appears on the original; the author's own reaction on every copy.
    await ann.react(helloCopies.get(ann)!.message_id, ["👍"]);
    await pollUntil(
      () => (rita.reactions.some((r) => r.message_id === hello.message_id && (r.reaction[0] as Json)?.emoji === "👍") ? true : undefined),
      5000,
      () => `Ritanya's message got no 👍: ${JSON.stringify(rita.reactions)}`,
    );
    await rita.react(hello.message_id, ["🙏"]);
    for (const helper of [ann, ben, cat]) {
      const copyId = helloCopies.get(helper)!.message_id;
      await pollUntil(
        () => (helper.reactions.some((r) => r.message_id === copyId && (r.reaction[0] as Json)?.emoji === "🙏") ? true : undefined),
        5000,
        () => `${helper.firstName}'s copy got no 🙏: ${JSON.stringify(helper.reactions)}`,
      );
    }
    // In Korean, the same.
    await cat.send("안녕하세요, 장갑 가져갈게요");
    for (const reader of [rita, ann, ben]) await reader.waitFor(`${catAlias}\n안녕하세요, 장갑 가져갈게요`);
    await world.settle();
    // Nobody learns who anyone else is, in any pair; and nobody wrote to Dan's chat of the group.
    for (const [a, b] of [
      [rita, ann],
      [rita, ben],
      [rita, cat],
      [ann, ben],
      [ann, cat],
      [ben, cat],
      [dan, rita],
      [dan, ann],
    ] as const) {
      expectNoIdentityLeak(world, a, b);
    }
    expect(dan.inbox.some((m) => m.text.includes("Hello team"))).toBe(false);

    // Ben blocks the bot mid-chat: his place ends, and the others carry on.
    await ben.block();
    await rita.waitFor(`${benAlias} can no longer be reached`);
    await ann.waitFor(`${benAlias} left the group chat. The others carry on.`);
    await cat.waitFor(`${benAlias}님이 그룹 대화에서 나갔어요.`);
    await ann.send("Still on for five?");
    await rita.waitFor("Still on for five?");
    await cat.waitFor(`${annAlias}\nStill on for five?`);
    await world.settle();
    expect(ben.inbox.some((m) => m.text.includes("Still on for five?"))).toBe(false);

    // Completion, per helper: each presses Complete, and the requester on that helper's banner.
    const bannerOf = (alias: string) => rita.inbox.find((m) => m.text.includes(`Your chat with ${alias} is open`))!;
    const bannerIn = (p: Persona, words: string) => p.inbox.find((m) => m.text.includes(words))!;
    await ann.pressIn(bannerIn(ann, "Your chat with").message_id, "✅ Complete");
    await rita.pressIn(bannerOf(annAlias).message_id, "✅ Complete");
    const annDone = await ann.waitFor("is completed");
    expect(annDone.text).toContain("You earned one help badge.");
    // Cat's chat is still open, so the fee has not moved yet: Ann reads what she will get.
    expect(annDone.text).toContain("👥 Your share of the fee: 4 credits, paid to you when the whole group's chat has ended.");
    expect(annDone.text).not.toContain("You received");
    await cat.pressIn(bannerIn(cat, "대화가 열렸어요").message_id, /완료/);
    await rita.pressIn(bannerOf(catAlias).message_id, "✅ Complete");
    const catDone = await cat.waitFor("사례금 중 3 크레딧이 들어왔어요.");
    expect(catDone.text).not.toContain("그룹 대화가 모두 끝나면");
    await world.settle();

    // Two help badges, Ben's place returned; 10 split 3 ways: 4 + 3 + 3, the rounding written down.
    expect(await badgesOf(world, ann.id)).toEqual([["help", 1, "completed"]]);
    expect(await badgesOf(world, cat.id)).toEqual([["help", 1, "completed"]]);
    expect(await badgesOf(world, ben.id)).toEqual([]);
    const rows = await db
      .selectFrom("ledger_entries")
      .select(["account", "amount", "reason", "note"])
      .where("subject", "like", "request:%")
      .orderBy("id")
      .execute();
    const note = "10 split 3 ways = 3 each, 1 left over: +1 to the first 1 chosen";
    expect(rows.map((r) => [r.account, Number(r.amount), r.reason])).toEqual([
      [`user:${rita.id}`, -10, "fee-held"],
      ["escrow", 10, "fee-held"],
      ["escrow", -10, "fee-settled"],
      [`user:${ann.id}`, 4, "fee-received"],
      [`user:${rita.id}`, 3, "fee-returned"],
      [`user:${cat.id}`, 3, "fee-received"],
    ]);
    expect(rows.filter((r) => r.reason !== "fee-held").every((r) => r.note?.includes(note))).toBe(true);
    expect(await ledgerProblems(db)).toEqual([]);
    const ended = await db.selectFrom("requests").select("status").executeTakeFirstOrThrow();
    expect(ended.status).toBe("completed");
  });

  it("places left: the requester starts with the one chosen, and the other offer hears the places are filled", async () => {
    world = await openWorld();
    const rita = await started(world, "Ritanya", "en");
    const ann = await started(world, "Annelise", "en");
    const ben = await started(world, "Bertrand", "en");
    for (const helper of [ann, ben]) await seededHelper(world, helper);
    const [ritaAlias, annAlias] = [await aliasOf(world, rita), await aliasOf(world, ann)];

    await askUpToFee(rita, { at: SEOUL, description: DESCRIPTION });
    await rita.press("No fee");
    const card = await rita.waitFor("Check your request");
    await rita.pressIn(card.message_id, "✏️ Helpers");
    await rita.send("2명");
    const reviewed = await rita.waitFor((m) => m.text.includes("Check your request") && m.text.includes("Helpers: 2"));
    // No fee, nothing to split.
    expect(reviewed.text).not.toContain("split evenly");
    await rita.pressIn(reviewed.message_id, "📣 Post");
    const posted = await rita.waitFor("Posted");
    const annNotice = await ann.waitFor(DESCRIPTION);
    await ann.pressIn(annNotice.message_id, "10 min");
    const benNotice = await ben.waitFor(DESCRIPTION);
    await ben.pressIn(benNotice.message_id, "20 min");
    const annOffer = await rita.waitFor(`${annAlias} can help`);
    const benOffer = await rita.waitFor("can help — there in ~20 min");

    await rita.pressIn(annOffer.message_id, /^✅ Choose/);
    await rita.waitForEdit(annOffer.message_id, "1 of 2 chosen. Choose more from the offers");
    const filling = await rita.waitForEdit(posted.message_id, `1 of 2 chosen: ${annAlias}`);
    expect(filling.reply_markup).toEqual({ inline_keyboard: [[expect.objectContaining({ text: "▶️ Start with these 1" })]] });
    const start = await rita.pressIn(posted.message_id, "▶️ Start with these 1");
    expect((await rita.waitForCallbackAnswer(start)).text).toBe("Started with 1 — the other places are closed.");
    await rita.waitForEdit(posted.message_id, `you chose ${annAlias}`);
    await ben.waitForEdit(benNotice.message_id, "Every place of “Repairs” is filled now.");
    await rita.waitForEdit(benOffer.message_id, "Another helper was chosen.");
    // Choosing the other offer now (an old button's data) changes nothing.
    const db = world.bot.db.kysely;
    const benOfferId = (await db.selectFrom("offers").select("id").where("helper_id", "=", ben.id).executeTakeFirstOrThrow()).id;
    const late = rita.pressForged(benOffer.message_id, Actions.chooseOffer.data(Number(benOfferId)));
    expect((await rita.waitForCallbackAnswer(late)).text).toBe("This request is no longer available.");
    await world.settle();
    expect((await db.selectFrom("chats").select("helper_id").execute()).map((c) => Number(c.helper_id))).toEqual([ann.id]);
    expect((await db.selectFrom("requests").select("status").executeTakeFirstOrThrow()).status).toBe("matched");

    // Their chat is the group's, with its labels.
    await ann.send("On my way");
    await rita.waitFor(`${annAlias}\nOn my way`);
    await rita.send("Thank you");
    await ann.waitFor(`${ritaAlias}\nThank you`);
    await world.settle();
    expectNoIdentityLeak(world, rita, ann);
    expectNoIdentityLeak(world, rita, ben);
  });

  it("all three complete: three help badges, and the fee of 10 splits 4 + 3 + 3 exactly", async () => {
    world = await openWorld();
    const db = world.bot.db.kysely;
    const rita = await started(world, "Ritanya", "en");
    const helpers = [
      await started(world, "Annelise", "en"),
      await started(world, "Bertrand", "en"),
      await started(world, "Cressida", "ko"),
    ];
    for (const helper of helpers) await seededHelper(world, helper);
    await seedCredits(db, { userId: rita.id, amount: 10, now: world.bot.clock.now() });
    const draft = { category: "repairs", description: DESCRIPTION, place: SEOUL, validityMinutes: 30, fee: 10, helpersWanted: 3 };
    const posted = await postRequest(world.bot.app.deps, rita.id, draft);
    if (!posted.ok) throw new Error(posted.reason);
    // All three offer at once; Rita chooses them in the order their offers came.
    await Promise.all(
      helpers.map(async (helper) => {
        const notice = await helper.waitFor(DESCRIPTION);
        await helper.pressIn(notice.message_id, helper === helpers[2] ? "10분" : "10 min");
      }),
    );
    await pollUntil(
      () => (rita.inbox.filter((m) => m.text.includes("can help")).length === 3 ? true : undefined),
      10_000,
      () => "three offers",
    );
    for (const offer of rita.inbox.filter((m) => m.text.includes("can help"))) await rita.pressIn(offer.message_id, /^✅ Choose/);
    await rita.waitFor((m) => m.text.includes("All 3 places are filled"));
    const aliases = await Promise.all(helpers.map((helper) => aliasOf(world, helper)));
    const chosenOrder = (await db.selectFrom("chats").select("helper_id").orderBy("id").execute()).map((c) => Number(c.helper_id));

    // Each helper completes on their own banner and Rita on each helper's banner, all at once.
    await Promise.all(
      helpers.map(async (helper, i) => {
        const banner = await helper.waitFor(helper === helpers[2] ? "대화가 열렸어요" : "Your chat with");
        await helper.pressIn(banner.message_id, helper === helpers[2] ? /완료/ : "✅ Complete");
        const hers = await rita.waitFor(`Your chat with ${aliases[i]!} is open`);
        await rita.pressIn(hers.message_id, "✅ Complete");
      }),
    );
    await Promise.all(
      helpers.map((helper) => helper.waitFor(helper === helpers[2] ? "도움 배지 1개를 받았어요" : "You earned one help badge.")),
    );
    await world.settle();

    for (const helper of helpers) expect(await badgesOf(world, helper.id)).toEqual([["help", 1, "completed"]]);
    const rows = await db
      .selectFrom("ledger_entries")
      .select(["account", "amount", "reason"])
      .where("subject", "=", `request:${posted.requestId}`)
      .orderBy("id")
      .execute();
    // The leftover credit goes to the first chosen; the settlement is one movement that sums to the fee.
    const shares = new Map(rows.filter((r) => r.reason === "fee-received").map((r) => [r.account, Number(r.amount)]));
    expect(shares).toEqual(new Map(chosenOrder.map((id, i) => [`user:${id}`, i === 0 ? 4 : 3])));
    expect(rows.filter((r) => r.reason === "fee-settled").map((r) => Number(r.amount))).toEqual([-10]);
    expect(await ledgerProblems(db)).toEqual([]);
    expect((await db.selectFrom("requests").select("status").executeTakeFirstOrThrow()).status).toBe("completed");
    expect(world.fake.violations).toEqual([]);
  });

  it("a helper in a group reports the requester or a co-helper; the admins read who wrote each message; Close chat ends the co-helper's place only", async () => {
    const ADMIN_ID = 900_431;
    world = await openWorld({ env: { ADMIN_IDS: String(ADMIN_ID) } });
    const db = world.bot.db.kysely;
    const admin = await started(world, "Admin", "en", ADMIN_ID);
    const { rita, ann, ben, ritaAlias, annAlias, benAlias } = await groupOfTwo(world);
    const banner = await ben.waitFor("Your chat with");
    const chatOf = async (helper: Persona) =>
      Number((await db.selectFrom("chats").select("id").where("helper_id", "=", helper.id).executeTakeFirstOrThrow()).id);
    const [annChat, benChat] = [await chatOf(ann), await chatOf(ben)];

    // Ben reads his co-helper and the requester.
    await ann.send("I bring the straps");
    await ben.waitFor(`${annAlias}\nI bring the straps`);
    await rita.send("Ring twice");
    await ben.waitFor(`${ritaAlias}\nRing twice`);

    // His report first asks whom it is about; about the requester, the admins read who wrote what.
    await ben.pressIn(banner.message_id, "🚩 Report");
    const whom = await ben.waitFor("Whom is your report about?");
    expect(whom.raw.reply_markup?.inline_keyboard.flatMap((row) => (row.length > 0 ? [row.map((b) => b.text)] : []))).toEqual([
      [`${ritaAlias} · asked for help`],
      [`${annAlias} · helper`],
    ]);
    await ben.pressIn(whom.message_id, `${ritaAlias} · asked for help`);
    await ben.waitForEdit(whom.message_id, "What is wrong?");
    await ben.pressIn(whom.message_id, "Abusive or rude");
    const sent = await ben.waitForEdit(whom.message_id, "Your report reached the admins. Thank you.");
    expect(sent.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["✖️ End the chat now"]);
    const aboutRita = await admin.waitFor(`Report on chat #${benChat}`);
    expect(aboutRita.text).toContain(`About: ${ritaAlias} (id ${rita.id})`);
    expect(aboutRita.text).toContain(`The latest 2 messages follow, oldest first, from: ${annAlias}, ${ritaAlias}`);
    expect([(await admin.next()).text, (await admin.next()).text]).toEqual(["I bring the straps", "Ring twice"]);

    // About his co-helper: filed on her chat, with no way for Ben to end it.
    await ben.pressIn(banner.message_id, "🚩 Report");
    const whom2 = await ben.waitFor((m) => m.text.startsWith("Whom is your report about?") && m.message_id !== whom.message_id);
    await ben.pressIn(whom2.message_id, `${annAlias} · helper`);
    await ben.waitForEdit(whom2.message_id, "What is wrong?");
    await ben.pressIn(whom2.message_id, "Abusive or rude");
    const sent2 = await ben.waitForEdit(whom2.message_id, "Your report reached the admins. Thank you.");
    expect(sent2.reply_markup).toBeUndefined();
    const aboutAnn = await admin.waitFor(`Report on chat #${annChat}`);
    expect(aboutAnn.text).toContain(`Reported by: ${benAlias} (id ${ben.id})`);
    expect(aboutAnn.text).toContain(`About: ${annAlias} (id ${ann.id})`);
    expect(aboutAnn.text).toContain(`from: ${annAlias}, ${ritaAlias}`);

    // Close chat ends Ann's place in the group; Ben and Rita go on.
    await admin.pressIn(aboutAnn.message_id, "✖️ Close chat");
    await ann.waitFor("The chat ended.");
    // Rita reads whose chat it was, and that the group goes on.
    await rita.waitFor(`Your chat with ${annAlias} ended. The rest of the group chat carries on.`);
    await ben.waitFor(`${annAlias} left the group chat.`);
    await world.settle();
    const statuses = await db.selectFrom("chats").select(["id", "status"]).orderBy("id").execute();
    expect(statuses.map((c) => [Number(c.id), c.status])).toEqual([
      [annChat, "closed"],
      [benChat, "open"],
    ]);
    await rita.send("Still coming?");
    await ben.waitFor(`${ritaAlias}\nStill coming?`);
    // A report on a chat Ben is no member of (forged) changes nothing.
    const forged = ben.pressForged(whom2.message_id, Actions.reportMember.data(annChat));
    expect((await ben.waitForCallbackAnswer(forged)).text).toBe("This button is no longer available.");
    expect(await db.selectFrom("reports").select("reported_id").orderBy("id").execute()).toEqual([
      { reported_id: rita.id },
      { reported_id: ann.id },
    ]);
  });

  it("a helper who did not come leaves the group: the other helper hears it and carries on", async () => {
    world = await openWorld();
    const { rita, ann, ben, ritaAlias, annAlias } = await groupOfTwo(world);
    await ben.waitFor("Your chat with");
    await world.settle();

    // Nobody pressed Complete: Rita is asked about each helper, and says Ann did not come.
    world.bot.clock.advance(3 * 60 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBe(2);
    const question = await rita.waitFor(`Did ${annAlias} come to help?`);
    await rita.pressIn(question.message_id, "✖️ No, they did not come");
    await ann.waitFor("The requester says you did not come");
    await ben.waitFor(`${annAlias} left the group chat. The others carry on.`);
    await rita.send("Still coming?");
    await ben.waitFor(`${ritaAlias}\nStill coming?`);
    await world.settle();
    expect(ann.inbox.filter((m) => m.text.includes("Still coming?"))).toEqual([]);
  });

  it("/chat counts a group once: each helper's banner, or one entry beside another chat; picked, a message reaches the whole group", async () => {
    world = await openWorld();
    const { rita, ann, ben, ritaAlias, annAlias, benAlias } = await groupOfTwo(world);
    await ben.waitFor("Your chat with");
    await world.settle();

    // Only the group: /chat gives each helper's banner, with its own buttons.
    const before = rita.inbox.length;
    await rita.command("chat");
    for (const alias of [annAlias, benAlias]) {
      const banner = await rita.waitFor((m) => rita.inbox.indexOf(m) >= before && m.text.startsWith(`💬 Your chat with ${alias} is open.`));
      expect(banner.text).toContain("This is a group chat");
    }
    await world.settle();
    expect(rita.inbox.slice(before).filter((m) => m.text.includes("open chats"))).toEqual([]);

    // A second request, for one helper: two chats to pick from, the group counted once.
    const cat = await started(world, "Cressida", "en");
    await seededHelper(world, cat);
    const catAlias = await aliasOf(world, cat);
    const other = { category: "repairs", description: "Hang a mirror.", place: SEOUL, validityMinutes: 30, fee: 0, helpersWanted: 1 };
    const posted = await postRequest(world.bot.app.deps, rita.id, other);
    if (!posted.ok) throw new Error(posted.reason);
    await cat.pressIn((await cat.waitFor("Hang a mirror.")).message_id, "10 min");
    await rita.pressIn((await rita.waitFor(`${catAlias} can help`)).message_id, /^✅ Choose/);
    await cat.waitFor("Your chat with");
    await rita.command("chat");
    const list = await rita.waitFor("You have 2 open chats.");
    const labels = list.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text.replace(/^✍️ /, ""));
    expect(labels).toEqual([`${annAlias}, ${benAlias} · Repairs`, `${catAlias} · Repairs`]);
    await rita.pressIn(list.message_id, new RegExp(`${annAlias}, ${benAlias}`));
    await rita.waitForEdit(list.message_id, `✍️ You are now writing to ${annAlias}, ${benAlias}.`);
    for (const alias of [annAlias, benAlias])
      await rita.waitFor((m) => m.text.startsWith(`💬 Your chat with ${alias} is open.`) && m.text.includes("✍️"));
    await rita.send("Group hello");
    await ann.waitFor(`${ritaAlias}\nGroup hello`);
    await ben.waitFor(`${ritaAlias}\nGroup hello`);
    await world.settle();
    expect(cat.inbox.filter((m) => m.text.includes("Group hello"))).toEqual([]);
  });

  it("expiring with one of three chosen: the chosen helper keeps the chat and gets the whole fee", async () => {
    world = await openWorld();
    const db = world.bot.db.kysely;
    const rita = await started(world, "Ritanya", "en");
    const ann = await started(world, "Annelise", "ko");
    await seededHelper(world, ann);
    await seedCredits(db, { userId: rita.id, amount: 6, now: world.bot.clock.now() });
    const draft = { category: "repairs", description: DESCRIPTION, place: SEOUL, validityMinutes: 30, fee: 6, helpersWanted: 3 };
    const posted = await postRequest(world.bot.app.deps, rita.id, draft);
    if (!posted.ok) throw new Error(posted.reason);
    const notice = await ann.waitFor(DESCRIPTION);
    await ann.pressIn(notice.message_id, "10분");
    const offer = await rita.waitFor("can help");
    await rita.pressIn(offer.message_id, /^✅ Choose/);
    await rita.waitForEdit(offer.message_id, "1 of 3 chosen");
    const banner = await ann.waitFor("대화가 열렸어요");

    world.bot.clock.advance(31 * MINUTE);
    expect(await world.bot.app.runDueDeadlines()).toBeGreaterThanOrEqual(1);
    await rita.waitFor("⌛ Your request “Repairs” closed with 1 of 3 helpers: those chosen keep the group chat.");
    expect((await db.selectFrom("requests").select("status").executeTakeFirstOrThrow()).status).toBe("matched");
    await rita.send("Are you still coming?");
    await ann.waitFor("Are you still coming?");

    await ann.pressIn(banner.message_id, /완료/);
    const ritaBanner = rita.inbox.find((m) => m.text.includes("Your chat with"))!;
    await rita.pressIn(ritaBanner.message_id, "✅ Complete");
    const done = await ann.waitFor("사례금 중 6 크레딧이 들어왔어요.");
    expect(done.text).not.toContain("그룹 대화가 모두 끝나면");
    await world.settle();
    const rows = await db
      .selectFrom("ledger_entries")
      .select(["account", "amount", "reason"])
      .where("subject", "=", `request:${posted.requestId}`)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.account, Number(r.amount), r.reason])).toEqual([
      [`user:${rita.id}`, -6, "fee-held"],
      ["escrow", 6, "fee-held"],
      ["escrow", -6, "fee-settled"],
      [`user:${ann.id}`, 6, "fee-received"],
    ]);
    expect(await ledgerProblems(db)).toEqual([]);
    expect(await badgesOf(world, ann.id)).toEqual([["help", 1, "completed"]]);
  });
});
