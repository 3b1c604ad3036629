import { Composer } from "grammy";
import { refuseButton } from "../actions.js";
import { mainMenu } from "../../ui/menus.js";
import type { BotContext } from "../context.js";

/** Installed last: whatever no feature took gets a clear answer instead of silence. */
export const unhandledFeature = new Composer<BotContext>();
const privateChats = unhandledFeature.chatType("private");

// A scene's button pressed after the scene ended, or data no action knows.
privateChats.on("callback_query", (ctx) => refuseButton(ctx));

privateChats.on("message::bot_command", async (ctx) => {
  await ctx.reply(ctx.t("unknown-command"));
});

privateChats.on("message", async (ctx) => {
  // The answer points at the menu, so the menu comes with it.
  await ctx.reply(ctx.t("unhandled"), { reply_markup: mainMenu(ctx.t) });
});
