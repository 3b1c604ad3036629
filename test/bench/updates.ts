/**
 * Updates per second through the real bot's middleware, compiled as `npm start` runs it
 * (compiled-bot.ts), one at a time, on an SQLite file, with Bot API calls answered in this
 * process (an API transformer, the same for every bot here: over loopback HTTP the fake's own
 * work would be most of what is measured):
 * a plain text outside a scene and `/start` of a known user, a scene step (a wrong answer to the
 * helper registration's first question) and a relayed message (the copy enqueued and committed).
 * Beside them, bare grammY answering `ctx.reply` over the same fake: the same-run reference; and
 * bare grammY reading the sender first, as the bot does.
 */
import type { Update, User } from "grammy/types";
import { Bot, type Context, type Transformer } from "grammy";
import { compiledBot } from "./compiled-bot.js";
import { openWorld } from "../support/e2e.js";
import { matchInChat, nearbyHelper, startedPersona } from "../support/chats.js";
import { tempSqliteUrl } from "../support/databases.js";
import type { Persona, TgMessage } from "../support/fake-telegram/index.js";

export interface Throughput {
  updates: number;
  perSecond: number;
  cpuUsPerUpdate: number;
}

interface Kind {
  handle: (update: Update) => Promise<void>;
  persona: Persona;
  act: (p: Persona) => Promise<TgMessage>;
}

export type UpdateKind =
  "bare grammY + ctx.reply" | "bare grammY + the sender's read" | "plain text" | "/start" | "scene step" | "relayed message";

/**
 * The kinds take turns in rounds, so a moment of load on a shared machine falls on all of them
 * alike rather than on one: bare grammY answers an update in a few microseconds, and its whole
 * count measured at once lasted 30–40 ms, within one such moment.
 */
const ROUNDS = 5;

/**
 * Runs `warmup` updates of each kind, then `count` of each in turns (ROUNDS of them); returns
 * updates/s per kind.
 */
export async function benchUpdates(opts: {
  count: number;
  warmup: number;
  only?: UpdateKind[];
}): Promise<Partial<Record<UpdateKind, Throughput>>> {
  const databaseUrl = tempSqliteUrl();
  // The people and the open chat are made through the running app, as users would; it is then
  // stopped so that nothing else polls the updates the personas queue while they are measured.
  const world = await openWorld({ databaseUrl, limits: false });
  const known = await startedPersona(world, { firstName: "Kim", languageCode: "en" });
  const rita = await startedPersona(world, { firstName: "Rita", languageCode: "en" });
  const sora = await nearbyHelper(world, await startedPersona(world, { firstName: "Sora", languageCode: "en" }));
  await matchInChat(rita, sora, {
    description: "Please help me hang a heavy mirror.",
    eta: "10 min",
    requesterBanner: "Your chat with",
    helperBanner: "Your chat with",
  });
  const registering = await startedPersona(world, { firstName: "Reg", languageCode: "en" });
  await registering.command("helper");
  await registering.next();
  await world.settle();
  await world.bot.stop();

  const { fake } = world;
  const { benchDeps, createDb, middlewareBot, parseConfig, situationOnContact } = compiledBot();
  const config = parseConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, DATABASE_URL: databaseUrl });
  const database = createDb(databaseUrl);
  try {
    const bot = await middlewareBot(fake.token, config, database.kysely, answeredInProcess());
    /** Bare grammY over the same fake, answering a text with `answer`. */
    const bareBot = (answer: (ctx: Context & { from: User }) => Promise<unknown>) => {
      const bare = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
      bare.api.config.use(answeredInProcess());
      bare.on("message:text", answer);
      bare.botInfo = bot.botInfo;
      return bare;
    };
    const bare = bareBot((ctx) => ctx.reply("ok"));
    // The same, reading the sender and their situation first as the bot does: what one SQLite read
    // per update costs on this machine, beside what everything else adds.
    const { deps } = benchDeps(config, database.kysely);
    const reading = bareBot(async (ctx) => {
      await situationOnContact(deps, { id: ctx.from.id, clientLanguage: ctx.from.language_code ?? null }, ctx.chatId);
      await ctx.reply("ok");
    });

    let updateId = 0;
    /** Handles `count` updates of a kind; returns their wall time (handling only) and CPU time. */
    const measure = async ({ handle, persona, act }: Kind, count: number): Promise<{ wallMs: number; cpuUs: number }> => {
      let wallMs = 0;
      const cpu = process.cpuUsage();
      for (let i = 0; i < count; i++) {
        // The persona's message is made first (the fake's work), then only handling is timed.
        const update = { update_id: ++updateId, message: await act(persona) } as unknown as Update;
        const at = performance.now();
        await handle(update);
        wallMs += performance.now() - at;
      }
      const { user, system } = process.cpuUsage(cpu);
      return { wallMs, cpuUs: user + system };
    };
    const ours = (update: Update) => bot.handleUpdate(update);
    const kinds: Record<UpdateKind, Kind> = {
      "bare grammY + ctx.reply": { handle: (u) => bare.handleUpdate(u), persona: known, act: (p) => p.send("hello") },
      "bare grammY + the sender's read": { handle: (u) => reading.handleUpdate(u), persona: known, act: (p) => p.send("hello") },
      "plain text": { handle: ours, persona: known, act: (p) => p.send("hello") },
      "/start": { handle: ours, persona: known, act: (p) => p.command("start") },
      "scene step": { handle: ours, persona: registering, act: (p) => p.sendSticker() },
      "relayed message": { handle: ours, persona: sora, act: (p) => p.send("On my way") },
    };
    const chosen = opts.only ?? (Object.keys(kinds) as UpdateKind[]);
    for (const kind of chosen) await measure(kinds[kind], opts.warmup);
    const totals = new Map(chosen.map((kind) => [kind, { updates: 0, wallMs: 0, cpuUs: 0 }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of chosen) {
        const total = totals.get(kind)!;
        const updates = Math.ceil(((round + 1) * opts.count) / ROUNDS) - Math.ceil((round * opts.count) / ROUNDS);
        const { wallMs, cpuUs } = await measure(kinds[kind], updates);
        total.updates += updates;
        total.wallMs += wallMs;
        total.cpuUs += cpuUs;
      }
    }
    const results: Partial<Record<UpdateKind, Throughput>> = {};
    for (const [kind, { updates, wallMs, cpuUs }] of totals) {
      results[kind] = { updates, perSecond: (updates / wallMs) * 1000, cpuUsPerUpdate: cpuUs / updates };
    }
    return results;
  } finally {
    await database.destroy();
    await fake.close();
  }
}

/**
 * What Telegram would answer, without the round trip: a new message for sends, `true` otherwise.
 * A transformer, so the bot and bare grammY both skip the same client work; the bot installs it
 * on every API object, the scenes' included.
 */
function answeredInProcess(): Transformer {
  let messageId = 1_000_000;
  return (_prev, method, payload) => {
    const chat = { id: (payload as { chat_id?: number }).chat_id ?? 0, type: "private" };
    const result = /^(send|copy|forward)/.test(method) ? { message_id: ++messageId, date: 0, chat } : true;
    return Promise.resolve({ ok: true, result } as never);
  };
}
