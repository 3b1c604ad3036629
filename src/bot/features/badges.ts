import { badgeStanding, redeemCheck, redeemPenalty, type RedeemResult } from "../../services/badges.js";
import { Actions } from "../../ui/actions.js";
import { badgesCard } from "../../ui/badge-cards.js";
import { redeemConfirmCard } from "../../ui/chat-closing-cards.js";
import { onAction } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

/** /badges shows where a user stands; /redeem spends help badges on a penalty, after a confirmation. */
export const badgesFeature = new Feature({ commands: ["badges", "redeem"], on: [BUTTONS] });
const privateChats = badgesFeature.chatType("private");

privateChats.command("badges", async (ctx) => {
  const standing = await badgeStanding(ctx.deps, ctx.from.id);
  await ctx.reply(badgesCard(ctx.t, standing, ctx.deps.config.timeZone), { parse_mode: "HTML" });
});

function refusal(ctx: BotContext, result: Exclude<RedeemResult, { ok: true }>): string {
  return result.reason === "no-penalty" ? ctx.t("redeem-no-penalty") : ctx.t("redeem-short", { help: result.help, needed: result.needed });
}

privateChats.command("redeem", async (ctx) => {
  const check = await redeemCheck(ctx.deps, ctx.from.id);
  if (!check.ok) return void (await ctx.reply(refusal(ctx, check), { parse_mode: "HTML" }));
  const needed = ctx.deps.config.limits.helpBadgesPerPenaltyRemoval;
  const card = redeemConfirmCard(ctx.t, { needed, help: check.help + needed, penalties: check.penalties + 1 });
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(badgesFeature, Actions.redeemPenalty, async (ctx, answer) => {
  await ctx.answerCallbackQuery();
  if (answer === "no") return void (await ctx.editMessageText(ctx.t("redeem-kept")));
  const result = await redeemPenalty(ctx.deps, ctx.from.id);
  await ctx.editMessageText(result.ok ? ctx.t("redeem-done", { help: result.help, penalties: result.penalties }) : refusal(ctx, result), {
    parse_mode: "HTML",
  });
});
