import type { NextFunction } from "grammy";
import { userOnContact } from "../../services/users.js";
import type { BotContext } from "../context.js";
import { runWithUpdateUser } from "../update-user.js";

/** Loads (or on first contact creates) the user behind every update that has a sender. */
export async function loadUser(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (from && !from.is_bot) {
    const user = await userOnContact(ctx.deps, { id: from.id, clientLanguage: from.language_code ?? null });
    ctx.user = user;
    return runWithUpdateUser(user, next);
  }
  await next();
}
