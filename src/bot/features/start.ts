import { Composer } from "grammy";
import { escapeHtml } from "../html.js";
import { callbackArgs, callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { mainMenu } from "../menus.js";
import { sendHelp } from "./help.js";
import { showNearby } from "./request-actions.js";
import { publishUserCommands } from "../commands.js";
import { isAdmin } from "../filters.js";
import { languageOf } from "../locale.js";

export const startFeature = new Composer<BotContext>();
const privateChats = startFeature.chatType("private");

privateChats.command("start", async (ctx) => {
  // /start is the way out of anything: it leaves a scene in progress and shows the menu.
  await ctx.conversation.exitAll();
  const user = ctx.user!;
  const text = ctx.t("greeting", { alias: escapeHtml(user.alias) });
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: mainMenu(ctx.t) });
  // An admin's own menu could not be set before they ever wrote to the bot; now it can.
  if (isAdmin(ctx)) await publishUserCommands(ctx.api, ctx.deps.i18n, user.id, languageOf(user), true);
});

privateChats.callbackQuery(callbackPattern("menu"), async (ctx) => {
  const [entry] = callbackArgs(ctx.callbackQuery.data, "menu") ?? [];
  switch (entry) {
    case "help":
      await ctx.answerCallbackQuery();
      await sendHelp(ctx);
      return;
    case "language":
    case "helper":
    case "ask":
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(entry, ...(entry === "helper" ? ["register"] : []));
      return;
    case "nearby":
      await ctx.answerCallbackQuery();
      await showNearby(ctx, 0);
      return;
    default:
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  }
});
