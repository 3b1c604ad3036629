import { afterEach, describe, expect, it } from "vitest";
import { openWorld, type World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { askForHelp, northOf, SEOUL } from "../support/stories.js";

/**
 * Telegram tells of a block by `my_chat_member`, or, when that update was lost, by a 403 to the
 * next message. Either way the helper is wound up the same way.
 */
describe("a helper who blocked the bot", () => {
  let world: World;
  afterEach(async () => {
    await world.close();
  });

  async function helperAt(name: string, km: number): Promise<Persona> {
    const persona = world.fake.persona({ firstName: name, languageCode: "en" });
    await persona.command("start");
    await persona.next();
    await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, km), 5, world.bot.clock.now());
    return persona;
  }

  async function aliasOf(persona: Persona): Promise<string> {
    return (await world.bot.db.kysely.selectFrom("users").select("alias").where("id", "=", persona.id).executeTakeFirstOrThrow()).alias!;
  }

  async function offer(helper: Persona): Promise<void> {
    const notice = await helper.waitFor("Please help me hang");
    await helper.pressIn(notice.message_id, "10 min");
    await helper.waitForEdit(notice.message_id, "You offered");
  }

  async function state(helper: Persona) {
    const db = world.bot.db.kysely;
    const user = await db.selectFrom("users").select("reachable").where("id", "=", helper.id).executeTakeFirstOrThrow();
    const row = await db.selectFrom("helpers").select("reachable").where("user_id", "=", helper.id).executeTakeFirstOrThrow();
    const offers = await db.selectFrom("offers").select("status").where("helper_id", "=", helper.id).execute();
    return { userReachable: user.reachable, helperReachable: row.reachable, offers: offers.map((o) => o.status) };
  }

  it("is wound up the same whether my_chat_member or a 403 says so: offers withdrawn, the requester's cards say so", async () => {
    world = await openWorld();
    const ann = await helperAt("Ann", 0.4);
    const ben = await helperAt("Ben", 0.8);
    const rita = world.fake.persona({ firstName: "Rita", languageCode: "en" });
    await askForHelp(rita, { at: SEOUL });
    await offer(ann);
    await offer(ben);
    const card = async (helper: Persona): Promise<InboxMessage> => rita.waitFor(`${await aliasOf(helper)} can help`);
    const annCard = await card(ann);
    const benCard = await card(ben);

    // Ann's block arrives as my_chat_member.
    await ann.block();
    await rita.waitForEdit(annCard.message_id, `${await aliasOf(ann)} withdrew the offer`);

    // Ben's is lost: the bot learns of it only when it next writes to him (a new request near him).
    ben.blocked = true;
    await askForHelp(rita, { at: SEOUL, description: "Second job: hold a ladder." });
    await rita.waitForEdit(benCard.message_id, `${await aliasOf(ben)} withdrew the offer`);
    await world.settle();
    expect(world.fake.errors.some((e) => e.description.includes("blocked"))).toBe(true);

    const wound = { userReachable: 0, helperReachable: 0, offers: ["withdrawn"] };
    expect(await state(ann)).toEqual(wound);
    expect(await state(ben)).toEqual(wound);
    // Rita was told the same, in the same words, of both.
    const edited = (message: InboxMessage) => rita.inbox.find((m) => m.message_id === message.message_id)!;
    expect(edited(annCard).text).toBe(`↩️ ${await aliasOf(ann)} withdrew the offer.`);
    expect(edited(benCard).text).toBe(`↩️ ${await aliasOf(ben)} withdrew the offer.`);
    expect(edited(annCard).reply_markup).toBeUndefined();
    expect(edited(benCard).reply_markup).toBeUndefined();

    // Ann unblocks: she hears at once of the request she missed, and not again of the first.
    await ann.unblock();
    await ann.waitFor("Second job");
    await world.settle();
    expect(ann.inbox.filter((m) => m.text.includes("Please help me hang"))).toHaveLength(1);
    expect((await state(ann)).userReachable).toBe(1);
  });
});
