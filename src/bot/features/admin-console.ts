import { SCENES } from "../../../scenes/ids.js";
import type { ConsoleSection } from "../../domain/admin-console.js";
import { activeRequestsPage, openChatsPage, reportsListPage } from "../../services/admin-console.js";
import { listOpenBoards } from "../../services/boards.js";
import { openReport, rememberReportCard } from "../../services/chats/reports.js";
import { statisticsFor } from "../../services/statistics.js";
import { lookUpUser } from "../../services/user-lookup.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { activeRequestsCard, consoleMenu, openChatsCard, reportsCard, withBack } from "../../ui/admin-console-cards.js";
import { boardListCard } from "../../ui/board-cards.js";
import { reportAdminCard } from "../../ui/report-cards.js";
import { heldVouchersCard, voucherKindsCard } from "../../ui/voucher-cards.js";
import { heldVouchersPage, kindsOverview } from "../../services/vouchers/admin.js";
import { statisticsCard } from "../../ui/statistics-cards.js";
import { userLookupCard } from "../../ui/user-lookup-card.js";
import { onAction } from "../actions.js";
import { currentPendingList } from "../admin-replies.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";
import { isAdmin } from "../filters.js";

/**
 * The /admin console: a menu drawn again in the same message for each section. Behind the admin
 * filter the command falls through to "unknown command" for anyone else, and its buttons are
 * admin actions, refused by `onAction`.
 */
export const adminConsoleFeature = new Feature({ commands: ["admin"], on: [BUTTONS] });

adminConsoleFeature
  .chatType("private")
  .filter(isAdmin)
  .command("admin", async (ctx) => {
    // "/admin <alias or id>" looks the user up; the bare command opens the console.
    if (ctx.match.trim() !== "") {
      const found = await lookUpUser(ctx.deps, ctx.match);
      if (!found)
        return void (await ctx.reply(ctx.t("admin-lookup-none", { query: escapeHtml(ctx.match.trim().slice(0, 64)) }), {
          parse_mode: "HTML",
        }));
      const card = userLookupCard(ctx.t, found, ctx.deps.config.timeZone);
      return void (await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard }));
    }
    const menu = consoleMenu(ctx.t);
    await ctx.reply(menu.text, { parse_mode: "HTML", reply_markup: menu.keyboard });
  });

onAction(adminConsoleFeature, Actions.adminStatistics, async (ctx, period) => {
  const view = statisticsCard(ctx.t, await statisticsFor(ctx.deps, period), ctx.deps.config.timeZone);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
});

/** A section of the console at a page, as it stands now. */
export async function section(ctx: BotContext, which: ConsoleSection, page: number) {
  const { deps, t } = ctx;
  switch (which) {
    case "home":
      return consoleMenu(t);
    case "pending":
      return currentPendingList(deps, t);
    case "requests":
      return activeRequestsCard(t, await activeRequestsPage(deps, page), deps.clock.now());
    case "chats":
      return openChatsCard(t, await openChatsPage(deps, page), deps.config.timeZone);
    case "reports":
      return reportsCard(t, await reportsListPage(deps, page), deps.config.timeZone);
    case "boards": {
      // The /boards list: each board's page opens below it, with its admin Edit and Close.
      const list = boardListCard(t, await listOpenBoards(deps));
      return { text: list.text, keyboard: withBack(t, list.keyboard) };
    }
    case "vouchers":
      return heldVouchersCard(t, await heldVouchersPage(deps, page), deps.config.timeZone);
    case "kinds": {
      const { kinds, prizeKindId } = await kindsOverview(deps);
      return voucherKindsCard(t, kinds, prizeKindId);
    }
  }
}

onAction(adminConsoleFeature, Actions.adminConsole, async (ctx, which, page) => {
  const view = await section(ctx, which, page);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
});

/** An open report's card again, as a new message, remembered so that a decision edits it too. */
onAction(adminConsoleFeature, Actions.reportOpen, async (ctx, reportId) => {
  const report = await openReport(ctx.deps, reportId);
  if (!report) {
    // The list was older than the decision: say so and draw it as it is now.
    await ctx.answerCallbackQuery({ text: ctx.t("admin-report-decided") });
    const view = await section(ctx, "reports", 0);
    return void (await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard }));
  }
  await ctx.answerCallbackQuery();
  const card = reportAdminCard(ctx.t, report);
  const params = { parse_mode: "HTML" as const, reply_markup: card.keyboard };
  const sent = await ctx.reply(card.text, params);
  await rememberReportCard(ctx.deps, ctx.from.id, { reportId, messageId: sent.message_id, params: { text: card.text, ...params } });
});

onAction(adminConsoleFeature, Actions.adminFindUser, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(SCENES.findUser);
});

onAction(adminConsoleFeature, Actions.adminUser, async (ctx, userId, adjustment) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(SCENES.adjustUser, userId, adjustment);
});
