import { InlineKeyboard } from "grammy";
import { callbackData } from "../src/bot/callback-data.js";
import type { BotDeps, Scene, SceneContext } from "../src/bot/context.js";
import { parseQuietHours } from "../src/domain/helper-profile.js";
import { quietHoursText } from "../src/services/helper-cards.js";
import { setQuietHours } from "../src/services/helper-settings.js";
import { waitForAnswer } from "./steps.js";

/** Asks for a window like 23:00-07:00 (local time) or "no quiet hours". */
export function quietHoursScene(deps: BotDeps) {
  return async function quiet(conversation: Scene, ctx: SceneContext): Promise<void> {
    await ctx.reply(ctx.t("quiet-prompt"), {
      reply_markup: new InlineKeyboard().text(ctx.t("quiet-off-button"), callbackData("quiet", "off")),
    });
    const { value, ctx: answered } = await waitForAnswer<{ start: number; end: number } | null>(conversation, async (c) => {
      if (c.callbackQuery?.data === callbackData("quiet", "off")) {
        await c.answerCallbackQuery();
        return { value: null };
      }
      if (c.callbackQuery) return { hint: c.t("button-stale") };
      const text = c.message?.text;
      if (text === undefined) return { hint: c.t("quiet-usage") };
      const parsed = parseQuietHours(text);
      return parsed ? { value: parsed } : { hint: c.t("quiet-usage") };
    });
    const userId = answered.from!.id;
    await conversation.external(() => setQuietHours(deps, userId, value));
    await answered.reply(
      value
        ? answered.t("quiet-set", { value: quietHoursText(answered.t, { quiet_start_minute: value.start, quiet_end_minute: value.end }) })
        : answered.t("quiet-cleared"),
    );
  };
}
