import { InlineKeyboard } from "grammy";
import type { Scene, SceneContext } from "../src/bot/context.js";
import { parseQuietHours } from "../src/domain/helper-profile.js";
import { changeHelperSettings } from "../src/services/helpers/settings.js";
import { Actions } from "../src/ui/actions.js";
import { quietHoursText } from "../src/ui/helper-cards.js";
import { beginStep } from "./resilient.js";
import { waitForAnswer } from "./steps.js";

/** Asks for a window like 23:00-07:00 (local time) or "no quiet hours". */
export function quietHoursScene() {
  return async function quiet(conversation: Scene, ctx: SceneContext): Promise<void> {
    beginStep(conversation);
    await ctx.reply(ctx.t("quiet-prompt"), {
      reply_markup: new InlineKeyboard().text(ctx.t("quiet-off-button"), Actions.quietOff.data("off")),
    });
    const { value, ctx: answered } = await waitForAnswer<{ start: number; end: number } | null>(conversation, async (c) => {
      if (c.callbackQuery) {
        if (!Actions.quietOff.parse(c.callbackQuery.data)) return { hint: c.t("button-stale") };
        await c.answerCallbackQuery();
        return { value: null };
      }
      const text = c.message?.text;
      if (text === undefined) return { hint: c.t("quiet-usage") };
      const parsed = parseQuietHours(text);
      return parsed ? { value: parsed } : { hint: c.t("quiet-usage") };
    });
    const userId = answered.from!.id;
    await conversation.external((outside) => changeHelperSettings(outside.deps, userId, { quiet: value }));
    await answered.reply(value ? answered.t("quiet-set", { value: quietHoursText(answered.t, value) }) : answered.t("quiet-cleared"));
  };
}
