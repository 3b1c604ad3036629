import { startBot, type RunningBot } from "./bot.js";
import { matchInChat, nearbyHelper } from "./chats.js";
import type { World } from "./e2e.js";
import { startFakeTelegram, type FakeTelegram, type Persona, type Violation } from "./fake-telegram/index.js";
import { seedHelperRow, seedUser } from "./seed.js";
import { askForHelp, northOf, SEOUL } from "./stories.js";

export interface FanOutWithRelays {
  fake: FakeTelegram;
  bot: RunningBot;
  posted: string;
  /** Helpers who got the notice. */
  notified: number;
  /** Notices and pins that Telegram accepted, in the order they arrived. */
  delivered: number;
  /** Messages per second over the fan-out, first to last arrival. */
  rate: number;
  /** Per relayed message, ms from the persona sending it to its copy arriving at Telegram, ascending. */
  relayWaits: number[];
  /** Relayed copies Rita received. */
  relayedReceived: number;
  rateViolations: Violation[];
}

/**
 * The fan-out story under Telegram's real limits, shared by the e2e test and the bench: Rita
 * and Sora are matched in a chat (no pauses: the bot paces its replies), `helpers` helpers who
 * started the bot earlier are seeded near the next request, Minho posts it, and while the
 * notices (a pin and a card each) go out Sora writes `relayed` messages to Rita at a human pace.
 */
export async function fanOutWithRelays(opts: { helpers: number; relayed: number; relayPauseMs?: number }): Promise<FanOutWithRelays> {
  const fake = await startFakeTelegram();
  const bot = await startBot(fake, { env: { FANOUT_WAVE_SIZE: String(opts.helpers + 1) } });
  const world = { fake, bot } as World;
  const rita = fake.persona({ firstName: "Rita", languageCode: "en" });
  await rita.command("start");
  await rita.next();
  const sora = fake.persona({ firstName: "Sora", languageCode: "en" });
  await sora.command("start");
  await sora.next();
  await nearbyHelper(world, sora);
  await matchInChat(rita, sora, {
    description: "Please help me hang a heavy mirror.",
    eta: "10 min",
    requesterBanner: "Your chat with",
    helperBanner: "Your chat with",
  });

  const helpers: Persona[] = [];
  for (let i = 0; i < opts.helpers; i++) {
    const helper = fake.persona({ firstName: `H${i}`, languageCode: "en" });
    // They started the bot on an earlier day, as their seeded rows say.
    helper.started = true;
    await seedUser(bot.db.kysely, { id: helper.id, alias: `Helper${i}`, now: bot.clock.now() });
    await seedHelperRow(bot.db.kysely, { userId: helper.id, at: northOf(SEOUL, 0.002 * (i + 1)), radiusKm: 3, now: bot.clock.now() });
    helpers.push(helper);
  }
  await fake.settle({ timeoutMs: 30_000 });

  const minho = fake.persona({ firstName: "Minho", languageCode: "en" });
  await minho.command("start");
  await minho.next();
  const posted = await askForHelp(minho, { at: SEOUL, description: "Please carry a sofa upstairs." });

  const sentAt = new Map<number, number>();
  for (let i = 0; i < opts.relayed; i++) {
    const message = await sora.send(`On my way ${i}`);
    sentAt.set(message.message_id, Date.now());
    await new Promise((resolve) => setTimeout(resolve, opts.relayPauseMs ?? 1_100));
  }
  await bot.app.outboxIdle();
  await fake.settle({ timeoutMs: 60_000 });

  const helperIds = new Set(helpers.map((h) => h.id));
  const delivered = [...fake.callsTo("sendMessage"), ...fake.callsTo("sendLocation")]
    .filter((c) => helperIds.has(c.params.chat_id as number) && c.response?.ok)
    .sort((a, b) => a.at - b.at);
  const copies = fake.callsTo("copyMessage").filter((c) => c.params.from_chat_id === sora.id && sentAt.has(c.params.message_id as number));
  return {
    fake,
    bot,
    posted: posted.text,
    notified: helpers.filter((h) => h.inbox.some((m) => m.text.includes("Please carry a sofa upstairs."))).length,
    delivered: delivered.length,
    rate: delivered.length > 1 ? ((delivered.length - 1) / (delivered.at(-1)!.at - delivered[0]!.at)) * 1000 : 0,
    relayWaits: copies.map((c) => c.at - sentAt.get(c.params.message_id as number)!).sort((a, b) => a - b),
    relayedReceived: rita.inbox.filter((m) => m.text.startsWith("On my way ")).length,
    rateViolations: fake.violations.filter((v) => v.rule.includes("rate")),
  };
}
