/**
 * Updates per second through the real bot's middleware, one at a time, on an SQLite file,
 * with Bot API calls answered in this process (an API transformer, the same for every bot here:
 * over loopback HTTP the fake's own work would be most of what is measured):
 * a plain text outside a scene and `/start` of a known user, a scene step (a wrong answer to the
 * helper registration's first question) and a relayed message (the copy enqueued and committed).
 * Beside them, bare grammY answering `ctx.reply` over the same fake: the same-run reference.
 */
import type { Update } from "grammy/types";
import { Bot, type Transformer } from "grammy";
import { middlewareBot } from "./middleware-bot.js";
import { createDb } from "../../db/create-db.js";
import { parseConfig } from "../../src/config.js";
import { openWorld } from "../support/e2e.js";
import { matchInChat, nearbyHelper, startedPersona } from "../support/chats.js";
import { tempSqliteUrl } from "../support/databases.js";
import type { Persona, TgMessage } from "../support/fake-telegram/index.js";

export interface Throughput {
  updates: number;
  perSecond: number;
  cpuUsPerUpdate: number;
}

export type UpdateKind = "bare grammY + ctx.reply" | "plain text" | "/start" | "scene step" | "relayed message";

/** Runs `count` updates of each kind after `warmup` of the same kind; returns updates/s per kind. */
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
  const config = parseConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, DATABASE_URL: databaseUrl });
  const database = createDb(databaseUrl);
  try {
    const bot = await middlewareBot(fake.token, config, database.kysely, answeredInProcess());
    const bare = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bare.api.config.use(answeredInProcess());
    bare.on("message:text", (ctx) => ctx.reply("ok"));
    bare.botInfo = bot.botInfo;

    let updateId = 0;
    const measure = async (
      handle: (update: Update) => Promise<void>,
      persona: Persona,
      act: (p: Persona) => Promise<TgMessage>,
    ): Promise<Throughput> => {
      // The persona's message is made first (the fake's work), then only handling is timed.
      const one = async (): Promise<number> => {
        const update = { update_id: ++updateId, message: await act(persona) } as unknown as Update;
        const at = performance.now();
        await handle(update);
        return performance.now() - at;
      };
      for (let i = 0; i < opts.warmup; i++) await one();
      let wallMs = 0;
      const cpu = process.cpuUsage();
      for (let i = 0; i < opts.count; i++) wallMs += await one();
      const { user, system } = process.cpuUsage(cpu);
      return { updates: opts.count, perSecond: (opts.count / wallMs) * 1000, cpuUsPerUpdate: (user + system) / opts.count };
    };
    const ours = (update: Update) => bot.handleUpdate(update);
    const kinds: Record<UpdateKind, () => Promise<Throughput>> = {
      "bare grammY + ctx.reply": () =>
        measure(
          (u) => bare.handleUpdate(u),
          known,
          (p) => p.send("hello"),
        ),
      "plain text": () => measure(ours, known, (p) => p.send("hello")),
      "/start": () => measure(ours, known, (p) => p.command("start")),
      "scene step": () => measure(ours, registering, (p) => p.sendSticker()),
      "relayed message": () => measure(ours, sora, (p) => p.send("On my way")),
    };
    const results: Partial<Record<UpdateKind, Throughput>> = {};
    for (const kind of opts.only ?? (Object.keys(kinds) as UpdateKind[])) results[kind] = await kinds[kind]();
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
