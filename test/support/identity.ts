import { expect } from "vitest";
import type { FakeTelegram, InboxMessage, Persona } from "./fake-telegram/index.js";

/** Everything in a text that would tell who `persona` is, beyond the alias. Absent names are not looked for. */
function identityOf(persona: Persona): (string | RegExp)[] {
  const needles: (string | RegExp)[] = [
    new RegExp(`\\b${persona.id}\\b`),
    persona.firstName,
    persona.lastName,
    persona.username,
    persona.phone,
  ].filter((n): n is string | RegExp => n !== undefined && n !== "");
  return needles;
}

function leaks(persona: Persona, text: string): string[] {
  return identityOf(persona)
    .filter((needle) => (typeof needle === "string" ? text.includes(needle) : needle.test(text)))
    .map(String);
}

/**
 * What Telegram shows one side: every call the bot made into their chat (less `from_chat_id`,
 * which names the source chat to Telegram and is never shown to the reader) and every message in
 * their chat as they see it, less the ones `except` leaves out.
 */
function seenBy(fake: FakeTelegram, reader: Persona, except: (m: InboxMessage) => boolean): string[] {
  const calls = fake.calls
    .filter((c) => Number((c.params as { chat_id?: unknown }).chat_id) === reader.id)
    .map((c) => {
      const shown: Record<string, unknown> = { ...(c.params as Record<string, unknown>) };
      delete shown.from_chat_id;
      return `${c.method} ${JSON.stringify(shown)}`;
    });
  const messages = reader.inbox.filter((m) => !except(m)).map((m) => `message ${JSON.stringify(m.raw)}`);
  return [...calls, ...messages];
}

export interface IdentityScanOptions {
  /**
   * What one side confirmed sharing (a contact card, a phone number): those messages, by id in
   * the other side's chat, are left out of what that other side was shown.
   */
  sharedBy?: { persona: Persona; messageIds: number[] };
}

/**
 * Issue 10, "No identity leak": nothing the bot sent either side — every recorded call into that
 * side's chat and every message in it — holds the other side's Telegram id, username, first or
 * last name or phone number (unless that side confirmed sharing it), and nothing was forwarded.
 * Call it once the world has settled.
 */
export function expectNoIdentityLeak(world: { fake: FakeTelegram }, a: Persona, b: Persona, opts: IdentityScanOptions = {}): void {
  for (const [reader, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const shared = opts.sharedBy?.persona === other ? new Set(opts.sharedBy.messageIds) : new Set<number>();
    const found = seenBy(world.fake, reader, (m) => shared.has(m.message_id))
      .map((text) => ({ needles: leaks(other, text), text }))
      .filter((l) => l.needles.length > 0);
    expect(found, `${reader.firstName} (${reader.id}) was shown who ${other.firstName} (${other.id}) is`).toEqual([]);
  }
  expect(world.fake.callsTo("forwardMessage")).toEqual([]);
  expect(world.fake.callsTo("forwardMessages")).toEqual([]);
}
