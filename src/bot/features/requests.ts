import { Composer } from "grammy";
import { SCENES } from "../../../scenes/ids.js";
import { ownRequest } from "../../services/requests/mine.js";
import { Actions } from "../../ui/actions.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { showMyRequests } from "./my-requests.js";
import { showNearby } from "./nearby.js";

/** Entry points that open the "ask for help" scene, and the nearby list. */
export const requestsFeature = new Composer<BotContext>();
const privateChats = requestsFeature.chatType("private");

privateChats.command("ask", async (ctx) => {
  await ctx.conversation.enter(SCENES.ask);
});

onAction(requestsFeature, Actions.postAgain, async (ctx, requestId) => {
  if (!(await ownRequest(ctx.deps, ctx.from.id, requestId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  await ctx.conversation.enter(SCENES.ask, requestId);
});

privateChats.command("nearby", (ctx) => showNearby(ctx));
privateChats.command("requests", (ctx) => showMyRequests(ctx, "reply"));
