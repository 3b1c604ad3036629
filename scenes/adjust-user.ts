import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { adjustmentReply } from "../src/bot/admin-replies.js";
import { ADJUSTMENT_MAX, parseAdjustment, type UserAdjustment } from "../src/domain/admin-console.js";
import { adjustUser } from "../src/services/user-adjustments.js";
import { lookUpUser } from "../src/services/user-lookup.js";
import { escapeHtml } from "../src/telegram/html.js";
import { userLookupCard } from "../src/ui/user-lookup-card.js";
import { beginStep } from "./resilient.js";
import { type StepInput, textAnswer, waitForAnswer } from "./steps.js";

const REASON_MAX = 300;

/**
 * A signed whole number within the limit that leaves the count at 0 or more; anything else is
 * answered with what is expected. (The service checks again under the user's lock.)
 */
function amountAnswer(ctx: SceneContext, max: number, current: number): StepInput<number> {
  if (ctx.callbackQuery) return { hint: ctx.t("button-stale") };
  // As typed, without the thousands separator Fluent would add to a number.
  const hint = ctx.t("admin-adjust-amount-hint", { max: String(max) });
  const text = ctx.message?.text;
  if (text === undefined) return { hint: ctx.t("scene-expected-text", { hint }) };
  const amount = parseAdjustment(text, max);
  if (amount === undefined) return { hint };
  return current + amount < 0 ? { hint: ctx.t("admin-adjust-below-zero", { current }) } : { value: amount };
}

/**
 * A button of a user's card: restrict or lift, or adjust help badges, penalties or credits. Asks
 * for the amount where there is one, then the reason the user will read; the change is audited
 * with it, and the card is shown again as it stands after the change.
 */
export function adjustUserScene(deps: BotDeps) {
  return async function adjustUserSteps(conversation: Scene, ctx: SceneContext, userId: number, adjustment: UserAdjustment): Promise<void> {
    beginStep(conversation);
    const target = await conversation.external((outside) => lookUpUser(outside.deps, String(userId)));
    if (!target) return void (await ctx.reply(ctx.t("admin-no-such-user", { id: String(userId) })));
    const who = { alias: escapeHtml(target.user.alias), id: String(userId) };
    let amount: number | null = null;
    if (adjustment === "help" || adjustment === "penalty" || adjustment === "credits") {
      const current =
        adjustment === "credits" ? target.credits.balance : adjustment === "help" ? target.badges.help : target.badges.penalties;
      await ctx.reply(ctx.t(`admin-adjust-amount-${adjustment}`, { ...who, current }), { parse_mode: "HTML" });
      amount = (await waitForAnswer(conversation, (c) => amountAnswer(c, ADJUSTMENT_MAX[adjustment], current))).value;
      beginStep(conversation);
    }
    await ctx.reply(ctx.t(`admin-adjust-reason-${adjustment}`, who), { parse_mode: "HTML" });
    const { value: reason, ctx: answered } = await waitForAnswer(conversation, (c) =>
      textAnswer(c, REASON_MAX, "admin-adjust-reason-hint"),
    );
    const adminId = answered.from!.id;
    const result = await conversation.external((outside) => adjustUser(outside.deps, { adminId, userId, adjustment, amount, reason }));
    await answered.reply(adjustmentReply(answered.t, result, userId), { parse_mode: "HTML" });
    const after = await conversation.external((outside) => lookUpUser(outside.deps, String(userId)));
    if (!after) return;
    const card = userLookupCard(answered.t, after, deps.config.timeZone);
    await answered.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
  };
}
