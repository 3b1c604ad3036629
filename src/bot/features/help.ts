import { standingOf } from "../../services/command-menus.js";
import { helpText } from "../../ui/help.js";
import type { BotContext } from "../context.js";
import { Feature } from "../feature.js";

export const helpFeature = new Feature({ commands: ["help"] });

/** Help never interrupts a scene; it lists what this user can do now, where they are and how to leave. */
export async function sendHelp(ctx: BotContext): Promise<void> {
  const [scene] = Object.keys(ctx.conversation.active());
  const inScene = scene ? `\n\n${ctx.t("help-in-scene", { scene: ctx.t(`scene-${scene}`) })}` : "";
  const standing = await standingOf(ctx.deps, ctx.from!.id);
  await ctx.reply(helpText(ctx.t, standing) + inScene, { parse_mode: "HTML" });
}

helpFeature.chatType("private").command("help", sendHelp);
