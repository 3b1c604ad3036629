import { expect } from "vitest";
import { postRequest } from "../../src/services/requests/posting.js";
import type { World } from "../support/e2e.js";
import type { InboxMessage, Persona } from "../support/fake-telegram/index.js";
import { seedApprovedHelper } from "../support/seed.js";
import { northOf, SEOUL } from "../support/stories.js";

/** A persona that has started the bot, in its language. */
export async function started(world: World, firstName: string, languageCode: "en" | "ko", id?: number): Promise<Persona> {
  const persona = world.fake.persona({ firstName, languageCode, ...(id ? { id } : {}) });
  await persona.command("start");
  await persona.next();
  return persona;
}

export async function seededHelper(world: World, persona: Persona): Promise<void> {
  await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, 0.5), 5, world.bot.clock.now());
  // The seeded profile names the user id; a real helper's profile is their own words.
  await world.bot.db.kysely.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", persona.id).execute();
}

const WORDS = {
  en: { eta: "10 min", choose: /^✅ Choose/, intro: "both of you press" },
  ko: { eta: "10분", choose: /^✅/, intro: "두 분 모두" },
};

/**
 * The requester posts (with `fee`), the helper offers from the notice, the requester chooses:
 * both then hold the message with Complete / Cancel / Report. Returns those messages and the chat id.
 */
export async function matchThem(
  world: World,
  requester: Persona,
  helper: Persona,
  opts: { fee?: number; description?: string; requesterLanguage?: "en" | "ko"; helperLanguage?: "en" | "ko" } = {},
): Promise<{ requesterCard: InboxMessage; helperCard: InboxMessage; chatId: number; requestId: number; offerText: string }> {
  const description = opts.description ?? "Carry a wardrobe upstairs.";
  const posted = await postRequest(world.bot.app.deps, requester.id, {
    category: "repairs",
    description,
    place: SEOUL,
    validityMinutes: 60,
    fee: opts.fee ?? 0,
  });
  if (!posted.ok) throw new Error(`posting failed: ${posted.reason}`);
  const helperWords = WORDS[opts.helperLanguage ?? "en"];
  const requesterWords = WORDS[opts.requesterLanguage ?? "en"];
  const notice = await helper.waitFor(description);
  await helper.pressIn(notice.message_id, helperWords.eta);
  const offerCard = await requester.waitFor("🙋");
  // As it was offered: choosing edits the card.
  const offerText = offerCard.text;
  await requester.pressIn(offerCard.message_id, requesterWords.choose);
  const requesterCard = await requester.waitFor(requesterWords.intro);
  const helperCard = await helper.waitFor(helperWords.intro);
  const chat = await world.bot.db.kysely
    .selectFrom("chats")
    .selectAll()
    .where("request_id", "=", posted.requestId)
    .executeTakeFirstOrThrow();
  expect(chat.status).toBe("open");
  return { requesterCard, helperCard, chatId: Number(chat.id), requestId: posted.requestId, offerText };
}

/** A request's ledger rows as [account, amount, reason], in the order written. */
export async function ledgerOf(world: World, requestId: number) {
  const db = world.bot.db.kysely;
  const credits = await db
    .selectFrom("ledger_entries")
    .select(["account", "amount", "reason"])
    .where("subject", "=", `request:${requestId}`)
    .orderBy("id")
    .execute();
  return credits.map((c) => [c.account, Number(c.amount), c.reason]);
}

export async function badgesOf(world: World, userId: number) {
  const rows = await world.bot.db.kysely
    .selectFrom("badge_entries")
    .select(["kind", "amount", "reason"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows.map((r) => [r.kind, Number(r.amount), r.reason]);
}
