import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { kindsOverview } from "../src/services/vouchers/admin.js";
import { issueVoucherByHand } from "../src/services/vouchers/issuing.js";
import { lookUpUser } from "../src/services/user-lookup.js";
import { escapeHtml } from "../src/telegram/html.js";
import { Actions } from "../src/ui/actions.js";
import { userLookupCard } from "../src/ui/user-lookup-card.js";
import { issueKindsKeyboard, voucherWords } from "../src/ui/voucher-cards.js";
import { beginStep } from "./resilient.js";
import { buttonAnswer, textAnswer, waitForAnswer } from "./steps.js";

const REASON_MAX = 300;

/**
 * "Issue a voucher" on a user's card: which kind (buttons of the active kinds), then the reason
 * the user will read. The issue is audited, and the card is shown again as it stands after it.
 */
export function issueVoucherScene(deps: BotDeps) {
  return async function issueVoucher(conversation: Scene, ctx: SceneContext, userId: number): Promise<void> {
    beginStep(conversation);
    const target = await conversation.external((outside) => lookUpUser(outside.deps, String(userId)));
    if (!target) return void (await ctx.reply(ctx.t("admin-no-such-user", { id: String(userId) })));
    const { kinds } = await conversation.external((outside) => kindsOverview(outside.deps));
    const active = kinds.filter((k) => !k.retired);
    if (active.length === 0) return void (await ctx.reply(ctx.t("admin-issue-voucher-no-kinds")));
    const who = { alias: escapeHtml(target.user.alias), id: String(userId) };
    await ctx.reply(ctx.t("admin-issue-voucher-kind", who), { parse_mode: "HTML", reply_markup: issueKindsKeyboard(active) });
    const { value: kindId, ctx: pressed } = await waitForAnswer(conversation, (c) => {
      const input = buttonAnswer(c, Actions.issueVoucherKind, "admin-issue-voucher-kind-hint");
      // A kind that was never offered here is a forged press.
      return "value" in input && !active.some((k) => k.id === input.value[0]) ? { hint: c.t("button-stale") } : input;
    });
    await pressed.answerCallbackQuery();
    beginStep(conversation);
    await pressed.reply(pressed.t("admin-issue-voucher-reason", who), { parse_mode: "HTML" });
    const { value: reason, ctx: answered } = await waitForAnswer(conversation, (c) =>
      textAnswer(c, REASON_MAX, "admin-adjust-reason-hint"),
    );
    const adminId = answered.from!.id;
    const result = await conversation.external((outside) =>
      issueVoucherByHand(outside.deps, { adminId, userId, kindId: kindId[0], reason }),
    );
    if (!result.ok)
      return void (await answered.reply(
        answered.t(result.reason === "no-kind" ? "admin-voucher-kind-gone" : "admin-no-such-user", { id: String(userId) }),
      ));
    await answered.reply(
      answered.t("admin-voucher-issued", { ...voucherWords(result.voucher, deps.config.timeZone), alias: escapeHtml(result.alias) }),
      { parse_mode: "HTML" },
    );
    const after = await conversation.external((outside) => lookUpUser(outside.deps, String(userId)));
    if (!after) return;
    const card = userLookupCard(answered.t, after, deps.config.timeZone);
    await answered.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
  };
}
