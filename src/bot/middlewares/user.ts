import type { NextFunction } from "grammy";
import { situationOnContact } from "../../services/users.js";
import type { BotContext } from "../context.js";
import { whileHandling } from "../update-user.js";

/** Loads (or on first contact creates) the user behind every update that has a sender, with their situation. */
export async function loadUser(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (from && !from.is_bot) {
    const situation = await situationOnContact(ctx.deps, { id: from.id, clientLanguage: from.language_code ?? null }, ctx.chatId);
    ctx.user = situation.user;
    ctx.situation = situation;
    return whileHandling(situation.user, next);
  }
  await next();
}
