import { reachableAgain, windUpUnreachable } from "../../services/reachability.js";
import { Feature } from "../feature.js";

export const chatMemberFeature = new Feature({ on: ["my_chat_member"] });

/**
 * Blocking the bot shows up as being "kicked" from the private chat; unblocking as "member".
 * A block is wound up exactly as a 403 from the outbox is (services/reachability.ts).
 */
chatMemberFeature.chatType("private").on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  const userId = ctx.myChatMember.from.id;
  if (status === "kicked" || status === "left") await windUpUnreachable(ctx.deps, userId);
  else await reachableAgain(ctx.deps, userId);
});
