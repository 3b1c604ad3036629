import { Composer } from "grammy";
import { setUserReachable } from "../../services/reachability.js";
import type { BotContext } from "../context.js";

export const chatMemberFeature = new Composer<BotContext>();

/** Blocking the bot shows up as being "kicked" from the private chat; unblocking as "member". */
chatMemberFeature.chatType("private").on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  await setUserReachable(ctx.deps, ctx.myChatMember.from.id, status !== "kicked" && status !== "left");
});
