import { Composer } from "grammy";
import { setReachable } from "../../../db/repositories/users.js";
import type { BotContext } from "../context.js";

export const chatMemberFeature = new Composer<BotContext>();

/** Blocking the bot shows up as being "kicked" from the private chat; unblocking as "member". */
chatMemberFeature.chatType("private").on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  const reachable = status !== "kicked" && status !== "left";
  const changed = await setReachable(ctx.deps.db, ctx.myChatMember.from.id, reachable);
  if (changed) ctx.logger.info({ userId: ctx.myChatMember.from.id, reachable }, "reachability changed");
});
