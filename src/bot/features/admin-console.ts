import { Composer } from "grammy";
import { statisticsFor } from "../../services/statistics.js";
import { lookUpUser } from "../../services/user-lookup.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { adminConsole, statisticsCard } from "../../ui/statistics-cards.js";
import { userLookupCard } from "../../ui/user-lookup-card.js";
import { onAction } from "../actions.js";
import type { BotContext } from "../context.js";
import { isAdmin } from "../filters.js";

/**
 * The /admin console. Behind the admin filter the command falls through to "unknown command"
 * for anyone else, and its buttons are admin actions, refused by `onAction`.
 */
export const adminConsoleFeature = new Composer<BotContext>();

adminConsoleFeature
  .chatType("private")
  .filter(isAdmin)
  .command("admin", async (ctx) => {
    // "/admin <alias or id>" looks the user up; the bare command opens the console.
    if (ctx.match.trim() !== "") {
      const found = await lookUpUser(ctx.deps, ctx.match);
      const text = found
        ? userLookupCard(ctx.t, found, ctx.deps.config.timeZone)
        : ctx.t("admin-lookup-none", { query: escapeHtml(ctx.match.trim().slice(0, 64)) });
      return void (await ctx.reply(text, { parse_mode: "HTML" }));
    }
    const view = adminConsole(ctx.t);
    await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  });

onAction(adminConsoleFeature, Actions.adminStatistics, async (ctx, period) => {
  const view = statisticsCard(ctx.t, await statisticsFor(ctx.deps, period), ctx.deps.config.timeZone);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
});
