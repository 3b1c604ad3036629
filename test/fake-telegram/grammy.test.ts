import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Bot, GrammyError, InlineKeyboard, Keyboard } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram/index.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function echoBot(fake: FakeTelegram): Bot {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.command("start", (ctx) =>
    ctx.reply(`<b>Hi</b> ${ctx.from?.first_name ?? ""} &amp; welcome`, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("Ping", "ping"),
    }),
  );
  bot.callbackQuery("ping", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "pong" });
    await ctx.editMessageText("Pinged", { reply_markup: new InlineKeyboard().text("Again", "again") });
  });
  bot.command("menu", (ctx) => ctx.reply("Menu", { reply_markup: new Keyboard().text("Help").resized() }));
  bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  return bot;
}

describe("fake Telegram with a real grammY bot", () => {
  let fake: FakeTelegram;
  let bot: Bot | undefined;

  afterEach(async () => {
    if (bot?.isRunning()) await bot.stop();
    bot = undefined;
    await fake.close();
  });

  it("runs a long-polling echo bot end to end", async () => {
    fake = await startFakeTelegram();
    bot = echoBot(fake);
    const running = bot.start();
    await fake.waitForPolling();

    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.command("start");
    const welcome = await alice.waitFor("welcome");
    expect(welcome).toMatchObject({ text: "Hi Alice & welcome", entities: [{ type: "bold", offset: 0, length: 2 }] });

    const queryId = await alice.press("Ping");
    expect(await alice.waitForCallbackAnswer(queryId)).toMatchObject({ text: "pong" });
    await alice.waitForEdit(welcome.message_id, "Pinged");

    await alice.command("menu");
    await alice.waitFor("Menu");
    expect(alice.keyboard).toEqual([["Help"]]);
    await alice.press("Help");
    expect((await alice.waitFor(/^echo:/)).text).toBe("echo: Help");

    await fake.settle();
    fake.assertNoViolations();
    await bot.stop();
    await running;
    // Stopping (abort + final confirming getUpdates) must not look like a second instance.
    expect(fake.violations).toEqual([]);
    expect(fake.pendingUpdates).toBe(0);
  });

  it("surfaces 403 for a blocked user to the bot as a GrammyError", async () => {
    fake = await startFakeTelegram();
    bot = echoBot(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    await alice.block();
    const error = await bot.api.sendMessage(alice.id, "hello?").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(403);
    expect(fake.errors).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  it("lets a restarted bot poll at once after the old process was SIGKILLed", async () => {
    // The default takeover grace (250 ms) is far shorter than the dead poll's
    // 30 s timeout, so only noticing the closed socket avoids a 409 here.
    fake = await startFakeTelegram();
    const script = `
      import { Bot } from 'grammy';
      const bot = new Bot(${JSON.stringify(fake.token)}, { client: { apiRoot: ${JSON.stringify(fake.apiRoot)} } });
      bot.on('message', () => {});
      bot.start();
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, stdio: "ignore" });
    try {
      await fake.waitForPolling({ timeoutMs: 10_000 });
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));

    bot = echoBot(fake);
    const running = bot.start();
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("still alive?");
    expect((await alice.waitFor(/^echo:/)).text).toBe("echo: still alive?");
    expect(fake.violations).toEqual([]);
    await bot.stop();
    await running;
  }, 15_000);
});
