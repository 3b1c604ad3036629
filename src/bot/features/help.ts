import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const helpFeature = new Composer<BotContext>();

/** Help never interrupts a scene; it reminds the user where they are and how to leave. */
export async function sendHelp(ctx: BotContext): Promise<void> {
  const [scene] = Object.keys(ctx.conversation.active());
  const inScene = scene ? `\n\n${ctx.t("help-in-scene", { scene: ctx.t(`scene-${scene}`) })}` : "";
  await ctx.reply(ctx.t("help") + inScene, { parse_mode: "HTML" });
}

helpFeature.chatType("private").command("help", sendHelp);
