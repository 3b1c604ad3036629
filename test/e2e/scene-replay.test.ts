import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDraft } from "../../db/repositories/helper-drafts.js";
import { startBot } from "../support/bot.js";
import { openWorld, type World } from "../support/e2e.js";

const CAR = /^(✅ )?Car$/;
const REPAIRS = /^(✅ )?Repairs$/;

describe("a scene keeps what it was answered, not what it rejected", () => {
  let world: World;
  beforeEach(async () => {
    // Hundreds of messages in one chat: Telegram's per-chat limit would turn this into minutes.
    world = await openWorld({ limits: false });
  });
  afterEach(async () => {
    await world.close();
  });

  /** Bytes of the scene in progress as stored for the user's chat. */
  async function storedScene(userId: number): Promise<number> {
    await world.settle();
    const row = await world.bot.db.kysely
      .selectFrom("conversation_state")
      .select("state")
      .where("key", "=", `scene:${userId}`)
      .executeTakeFirstOrThrow();
    return Buffer.byteLength(row.state);
  }

  it("400 wrong answers each get their hint, leave the stored scene as it was, and the right answer still moves on", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7");
    const asked = await storedScene(ann.id);

    await ann.sendSticker();
    await ann.waitFor("Please send text");
    expect(await storedScene(ann.id)).toBe(asked);
    for (let i = 1; i < 400; i++) await ann.sendSticker();
    expect(await storedScene(ann.id)).toBe(asked);
    expect(ann.inbox.filter((m) => m.text.startsWith("Please send text.")).length).toBe(400);

    await ann.send("Patient Ann");
    await ann.waitFor("2/7");
    expect(await storedScene(ann.id)).toBeGreaterThan(asked);
  });

  it("wrong presses are answered and forgotten, toggles keep only the latest choice, and the choice survives a restart", async () => {
    const ann = world.fake.persona({ firstName: "Ann", languageCode: "en" });
    await ann.command("helper");
    await ann.waitFor("1/7");
    await ann.send("Toggling Ann");
    const question = await ann.waitFor("2/7");
    const asked = await storedScene(ann.id);

    const empty = await ann.press("✔️ Done");
    expect(await ann.waitForCallbackAnswer(empty)).toMatchObject({ text: "Choose at least one category.", show_alert: true });
    const stale = await ann.press(/^Keep/);
    expect((await ann.waitForCallbackAnswer(stale)).text).toBe("This button is no longer available.");
    await ann.send("repairs");
    await ann.waitFor("Please tap the categories above");
    expect(await storedScene(ann.id)).toBe(asked);

    await ann.pressIn(question.message_id, CAR);
    const withCar = await storedScene(ann.id);
    // 100 more taps in a burst: Car ends up chosen again, and the stored scene says just that.
    const taps: string[] = [];
    for (let i = 0; i < 100; i++) taps.push(await ann.pressIn(question.message_id, CAR));
    expect(await storedScene(ann.id)).toBe(withCar);
    for (const tap of taps) await ann.waitForCallbackAnswer(tap);
    await ann.pressIn(question.message_id, REPAIRS);
    await ann.waitForEdit(question.message_id, (m) => /✅ Repairs.*✅ Car/.test(JSON.stringify(m.reply_markup)));

    // A new bot on the same database knows the choice only from what the scene stored.
    const { databaseUrl, clock } = world.bot;
    await world.fake.settle();
    await world.bot.stop();
    world.bot = await startBot(world.fake, { databaseUrl, clock });
    await ann.press("✔️ Done");
    await ann.waitFor("Anything else");
    await ann.press("Skip");
    await ann.waitFor("3/7");
    await world.fake.settle();
    expect((await loadDraft(world.bot.db.kysely, ann.id))?.categories).toEqual(["repairs", "car"]);
  });
});
