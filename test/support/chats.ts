import type { World } from "./e2e.js";
import type { InboxMessage, Persona } from "./fake-telegram/index.js";
import { seedApprovedHelper } from "./seed.js";
import { askForHelp, northOf, SEOUL } from "./stories.js";

/** A persona who has started the bot (so the bot can write to them), in `languageCode`. */
export async function startedPersona(
  world: World,
  who: { firstName: string; lastName?: string; username?: string; languageCode: string },
): Promise<Persona> {
  const persona = world.fake.persona(who);
  await persona.command("start");
  await persona.next();
  return persona;
}

/** An approved repairs helper 300 m north of Seoul's centre. */
export async function nearbyHelper(world: World, persona: Persona): Promise<Persona> {
  await seedApprovedHelper(world.bot.db.kysely, persona, northOf(SEOUL, 0.3), 5, world.bot.clock.now(), ["repairs"]);
  // The seeded profile names the user id; a real helper's profile is their own words.
  await world.bot.db.kysely.updateTable("helpers").set({ profile: "Handy with tools" }).where("user_id", "=", persona.id).execute();
  return persona;
}

/**
 * The match as the two live it: the requester posts (in English), the helper offers from the
 * notice, the requester chooses. Returns both banners; the chat is open.
 */
export async function matchInChat(
  requester: Persona,
  helper: Persona,
  opts: {
    description: string;
    eta: string;
    helperBanner: string | RegExp;
    requesterBanner: string | RegExp;
    /** Runs once the offer is in, before the requester chooses. */
    beforeChoice?: () => Promise<void>;
  },
): Promise<{ requesterBanner: InboxMessage; helperBanner: InboxMessage }> {
  await askForHelp(requester, { at: SEOUL, description: opts.description });
  const notice = await helper.waitFor(opts.description);
  await helper.pressIn(notice.message_id, opts.eta);
  const card = await requester.waitFor(/can help — there in/);
  await opts.beforeChoice?.();
  await requester.pressIn(card.message_id, /^✅ Choose/);
  const requesterBanner = await requester.waitFor(opts.requesterBanner);
  const helperBanner = await helper.waitFor(opts.helperBanner);
  return { requesterBanner, helperBanner };
}
