import { SCENES } from "../../../scenes/ids.js";
import { languageOf } from "../../domain/language.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { mainMenu } from "../../ui/menus.js";
import { onAction } from "../actions.js";
import { publishUserCommands } from "../commands.js";
import { menuRole, standingOf } from "../../services/command-menus.js";
import { BUTTONS, Feature } from "../feature.js";
import { isAdmin } from "../filters.js";
import { sendHelp } from "./help.js";
import { showNearby } from "./nearby.js";

export const startFeature = new Feature({ commands: ["start"], on: [BUTTONS] });

startFeature.chatType("private").command("start", async (ctx) => {
  // /start is the way out of anything: it leaves a scene in progress and shows the menu.
  await ctx.conversation.exitAll();
  // A message sent on behalf of a chat (no `from`) has nobody to greet.
  const user = ctx.user;
  if (!user) return;
  await ctx.reply(ctx.t("greeting", { alias: escapeHtml(user.alias) }), { parse_mode: "HTML", reply_markup: mainMenu(ctx.t) });
  // An admin's own menu could not be set before they ever wrote to the bot; now it can.
  if (isAdmin(ctx))
    await publishUserCommands(ctx.api, ctx.deps.i18n, user.id, languageOf(user), menuRole(await standingOf(ctx.deps, user.id)));
});

onAction(startFeature, Actions.menu, async (ctx, entry) => {
  await ctx.answerCallbackQuery();
  switch (entry) {
    case "help":
      return sendHelp(ctx);
    case "nearby":
      return showNearby(ctx);
    case "helper":
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(SCENES.helper, "register");
    case "walk":
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(SCENES.walk);
    case "language":
    case "ask":
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(SCENES[entry]);
  }
});
