import { SCENES } from "../../../scenes/ids.js";
import { ownRequest } from "../../services/requests/mine.js";
import { Actions } from "../../ui/actions.js";
import { isWalk } from "../../domain/walks.js";
import { onAction, refuseButton } from "../actions.js";
import { BUTTONS, Feature } from "../feature.js";
import { showMyRequests } from "./my-requests.js";
import { showNearby } from "./nearby.js";

/** Entry points that open the "ask for help" scene, and the nearby list. */
export const requestsFeature = new Feature({ commands: ["ask", "nearby", "requests"], on: [BUTTONS] });
const privateChats = requestsFeature.chatType("private");

privateChats.command("ask", async (ctx) => {
  await ctx.conversation.enter(SCENES.ask);
});

onAction(requestsFeature, Actions.postAgain, async (ctx, requestId) => {
  const own = await ownRequest(ctx.deps, ctx.from.id, requestId);
  if (!own) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  // A walk is started afresh: a new live location and check-in, nothing to copy.
  if (isWalk(own)) return ctx.conversation.enter(SCENES.walk);
  await ctx.conversation.enter(SCENES.ask, requestId);
});

privateChats.command("nearby", (ctx) => showNearby(ctx));
privateChats.command("requests", (ctx) => showMyRequests(ctx, "reply"));
