import SQLite from "better-sqlite3";
const log: string[] = [];
const origPrepare = SQLite.prototype.prepare;
(SQLite.prototype as any).prepare = function (sql: string) {
  const st = origPrepare.call(this, sql) as any;
  for (const m of ["all", "get", "run", "iterate"]) { const f = st[m]; st[m] = function (...a: unknown[]) { log.push(sql.slice(0, 140)); return f.apply(this, a); }; }
  return st;
};
const { openWorld } = await import("../support/e2e.js");
const { startedPersona } = await import("../support/chats.js");
const { tempSqliteUrl } = await import("../support/databases.js");
const { middlewareBot } = await import("./middleware-bot.js");
const { createDb } = await import("../../db/create-db.js");
const { parseConfig } = await import("../../src/config.js");
const databaseUrl = tempSqliteUrl();
const world = await openWorld({ databaseUrl, limits: false });
const known = await startedPersona(world, { firstName: "Kim", languageCode: "en" });
await world.settle(); await world.bot.stop();
const config = parseConfig({ BOT_TOKEN: world.fake.token, BOT_API_ROOT: world.fake.apiRoot, DATABASE_URL: databaseUrl });
const database = createDb(databaseUrl);
const bot = await middlewareBot(world.fake.token, config, database.kysely, (_p, method, payload) => Promise.resolve({ ok: true, result: /^send/.test(method) ? { message_id: 1, date: 0, chat: { id: 1, type: "private" } } : true } as never));
let id = 1;
for (const [name, act] of [["plain", () => known.send("hello")], ["start", () => known.command("start")]] as const) {
  for (let i = 0; i < 3; i++) { const m = await act(); log.length = 0; await bot.handleUpdate({ update_id: ++id, message: m } as never); console.log(name, i, JSON.stringify(log)); }
}
process.exit(0);
