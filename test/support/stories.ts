import { expect } from "vitest";
import type { InboxMessage, Persona } from "./fake-telegram/index.js";

export interface Place {
  latitude: number;
  longitude: number;
}

/** Seoul City Hall, and points a given distance north of it (1° latitude ≈ 111.2 km). */
export const SEOUL: Place = { latitude: 37.5663, longitude: 126.9779 };
export const northOf = (place: Place, km: number): Place => ({ latitude: place.latitude + km / 111.2, longitude: place.longitude });

/** Registers `persona` as a helper through the English scene, the shortest way (no photo, no proofs; the suggested alias unless one is given). */
export async function registerHelper(
  persona: Persona,
  opts: {
    at: Place;
    radiusKm?: number;
    profile?: string;
    alias?: string;
    /** A profile with contact details sent first, to see it refused. */
    refusedProfile?: string;
  },
): Promise<void> {
  await persona.command("helper");
  await persona.waitFor("1/7");
  if (opts.alias === undefined) await persona.press(/^Keep “/);
  else await persona.send(opts.alias);
  const categories = await persona.waitFor("2/7");
  await persona.pressIn(categories.message_id, "Repairs");
  await persona.waitForEdit(categories.message_id, (m) => JSON.stringify(m.reply_markup).includes("✅ Repairs"));
  await persona.press("✔️ Done");
  await persona.waitFor("Anything else");
  await persona.press("Skip");
  await persona.waitFor("3/7");
  if (opts.refusedProfile !== undefined) {
    await persona.send(opts.refusedProfile);
    await persona.waitFor("Please take out");
  }
  await persona.send(opts.profile ?? "I fix things and carry boxes.");
  await persona.waitFor("4/7");
  await persona.press("Skip");
  await persona.waitFor("5/7");
  await persona.press("✔️ Done");
  await persona.waitFor("experience");
  await persona.press("Skip");
  await persona.waitFor("6/7");
  await persona.press("📍 Send my location", { location: opts.at });
  await persona.waitFor("Location saved");
  await persona.waitFor("7/7");
  await persona.press(`${opts.radiusKm ?? 3} km`);
  await persona.waitFor("Check your application");
  await persona.press("✅ Submit");
  await persona.waitFor("Submitted!");
}

/** The admin approves the newest application card of `applicant` by button. */
export async function approveByButton(admin: Persona, applicant: Persona, approvedText = "You are approved as a helper"): Promise<void> {
  const title = `Helper application #${applicant.id}`;
  // The card may already have been read by the test; take the newest one either way.
  const card = admin.inbox.findLast((m) => m.text.includes(title)) ?? (await admin.waitFor(title));
  const query = await admin.pressIn(card.message_id, "✅ Approve");
  const answer = await admin.waitForCallbackAnswer(query);
  expect(answer.text).toContain("Approved");
  // A pop-up shows no markup: the alias reads as typed, never as HTML entities or tags.
  expect(answer.text).not.toMatch(/&lt;|&gt;|&amp;|<\/?b>/);
  await applicant.waitFor(approvedText);
}

/** How a story waits for the bot's next message with `text` (a kill story waits through restarts). */
export type Waiter = (persona: Persona, text: string) => Promise<unknown>;

/**
 * The English "ask" scene through its questions, up to the fee: Repairs (or another category),
 * a description, the place, a preset time.
 */
export async function askUpToFee(
  persona: Persona,
  opts: { at: Place; description?: string; validity?: string; paceMs?: number; category?: string; waitFor?: Waiter },
): Promise<void> {
  const waitFor = opts.waitFor ?? ((p, text) => p.waitFor(text));
  // Under Telegram's real per-chat limit a persona must type at a human pace.
  const pause = () => new Promise((resolve) => setTimeout(resolve, opts.paceMs ?? 0));
  await persona.command("ask");
  await waitFor(persona, "What do you need help with?");
  await pause();
  await persona.press(opts.category ?? "Repairs");
  await waitFor(persona, "Describe what you need");
  await pause();
  await persona.send(opts.description ?? "Please help me hang a heavy mirror.");
  await waitFor(persona, "Where?");
  await pause();
  await persona.press("📍 Send my location", { location: opts.at });
  await waitFor(persona, "Place saved");
  await waitFor(persona, "How long should the request stay open?");
  await pause();
  await persona.press(opts.validity ?? "30 min");
  await waitFor(persona, "Would you like to offer a fee");
}

/** Posts a request through the English "ask" scene: `askUpToFee`, then no fee and Post. */
export async function askForHelp(
  persona: Persona,
  opts: { at: Place; description?: string; validity?: string; paceMs?: number; category?: string },
): Promise<InboxMessage> {
  await askUpToFee(persona, opts);
  await new Promise((resolve) => setTimeout(resolve, opts.paceMs ?? 0));
  await persona.press("No fee");
  await persona.waitFor("Check your request");
  await new Promise((resolve) => setTimeout(resolve, opts.paceMs ?? 0));
  await persona.press("📣 Post");
  return persona.waitFor("Posted");
}

/** The labels of a message's inline keyboard, row by row. */
export function buttonRows(m: InboxMessage): string[][] {
  return ((m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).map((row) =>
    row.map((b) => b.text),
  );
}
