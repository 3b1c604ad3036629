import type { BotContext } from "./context.js";

export function isAdmin(ctx: BotContext): boolean {
  return ctx.from !== undefined && ctx.deps.config.adminIds.includes(ctx.from.id);
}
