import type { Scene, SceneContext } from "../src/bot/context.js";
import { ACTIVE_KINDS_MAX, oneLineName, VOUCHER_KIND_NAME_MAX } from "../src/domain/vouchers.js";
import { addKind, kindsOverview } from "../src/services/vouchers/admin.js";
import { escapeHtml } from "../src/telegram/html.js";
import { voucherKindsCard } from "../src/ui/voucher-cards.js";
import { beginStep } from "./resilient.js";
import { textAnswer, waitForAnswer } from "./steps.js";

/**
 * "Add a kind" in the console's voucher kinds: asks for its name (on one line), adds it (audited)
 * unless the most kinds are active already, and shows the kinds again.
 */
export function voucherKindScene() {
  return async function voucherKind(conversation: Scene, ctx: SceneContext): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("admin-kind-ask-name", { max: String(VOUCHER_KIND_NAME_MAX) }));
    const { value: typed, ctx: answered } = await waitForAnswer(conversation, (c) =>
      textAnswer(c, VOUCHER_KIND_NAME_MAX, "admin-kind-name-hint"),
    );
    const name = oneLineName(typed);
    const adminId = answered.from!.id;
    const id = await conversation.external((outside) => addKind(outside.deps, adminId, name));
    await answered.reply(
      id === undefined
        ? answered.t("admin-kind-too-many", { max: ACTIVE_KINDS_MAX })
        : answered.t("admin-kind-added", { id: String(id), name: escapeHtml(name) }),
      { parse_mode: "HTML" },
    );
    const { kinds, prizeKindId } = await conversation.external((outside) => kindsOverview(outside.deps));
    const card = voucherKindsCard(answered.t, kinds, prizeKindId);
    await answered.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
  };
}
