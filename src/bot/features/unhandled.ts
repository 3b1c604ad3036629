import { Composer } from "grammy";
import { recentlyEndedPartner } from "../../services/chats/ended.js";
import { escapeHtml } from "../../telegram/html.js";
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
  // Written to a chat that just ended: say so, rather than "I did not understand".
  const partner = ctx.situation?.chatEndedSince ? await recentlyEndedPartner(ctx.deps, ctx.from.id) : undefined;
  const text = partner === undefined ? ctx.t("unhandled") : ctx.t("chat-ended-not-relayed", { alias: escapeHtml(partner) });
  // The answer points at the menu, so the menu comes with it.
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenu(ctx.t) });
});
