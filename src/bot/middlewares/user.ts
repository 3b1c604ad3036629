import type { NextFunction } from "grammy";
import { ensureUser } from "../../../db/repositories/users.js";
import { generateAlias } from "../../domain/alias.js";
import type { BotContext } from "../context.js";
import { runWithUpdateUser } from "../update-user.js";

/** Loads (or on first contact creates) the user behind every update that has a sender. */
export async function loadUser(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (from && !from.is_bot) {
    const { db, clock, random } = ctx.deps;
    const { user } = await ensureUser(db, {
      id: from.id,
      clientLanguage: from.language_code ?? null,
      now: clock.now(),
      makeAlias: () => generateAlias(random),
    });
    ctx.user = user;
    return runWithUpdateUser(user, next);
  }
  await next();
}
