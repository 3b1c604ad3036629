import { completeChat, completedText } from "../../services/chats/completion.js";
import { answerHelperCame, cancelChat, checkCancel } from "../../services/chats/ending.js";
import { decideReport, endReportedChat, mayReportOn, reportChat, reportTargets } from "../../services/chats/reports.js";
import { leaveComment, markPartner, rateChat, skipComment } from "../../services/chats/reviews.js";
import { escapeHtml, htmlToPlainText } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { adminLabel } from "../../ui/admin-cards.js";
import {
  cancelChatConfirmCard,
  commentCard,
  endedFeeLines,
  markCard,
  ratingCard,
  reportMemberCard,
  reportReasonCard,
} from "../../ui/chat-closing-cards.js";
import { reportSentCard } from "../../ui/report-cards.js";
import { durationLabel } from "../../ui/request-cards.js";
import { withEmergency } from "../../ui/walk-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

/**
 * Complete, Cancel and Report on a chat, what follows a completed one (rating, colour mark,
 * comment), the no-show question and the admins' buttons on a report. They act on the chat, not
 * on a scene, so they sit before the scenes.
 */
export const chatClosingFeature = new Feature({ on: [BUTTONS] });

/**
 * A banner's button on a chat that ended (or is not the presser's): only answered, since the
 * chat's end edits every banner through the outbox, and a second edit here would race it.
 */
const answerEnded = async (ctx: BotContext) => void (await ctx.answerCallbackQuery({ text: ctx.t("button-stale") }));

onAction(chatClosingFeature, Actions.completeChat, async (ctx, chatId) => {
  const result = await completeChat(ctx.deps, ctx.from.id, chatId);
  if (!result.ok) return answerEnded(ctx);
  const alias = escapeHtml(result.partnerAlias);
  if (result.state === "already") return void (await ctx.answerCallbackQuery({ text: ctx.t("chat-complete-already") }));
  await ctx.answerCallbackQuery();
  const emergencyNumber = ctx.deps.config.walkHome.emergencyNumber;
  if (result.state === "walk-arrived")
    return void (await ctx.reply(withEmergency(ctx.t, emergencyNumber, ctx.t("walk-arrived-noted", { alias })), { parse_mode: "HTML" }));
  if (result.state === "walk-pin")
    return void (await ctx.reply(withEmergency(ctx.t, emergencyNumber, ctx.t("walk-pin-ask")), { parse_mode: "HTML" }));
  if (result.state === "waiting") {
    await ctx.reply(
      ctx.t("chat-complete-waiting", {
        alias,
        reminder: durationLabel(ctx.t, result.reminderMinutes),
        timeout: durationLabel(ctx.t, result.timeoutMinutes),
      }),
      {
        parse_mode: "HTML",
      },
    );
    return;
  }
  await ctx.reply(
    completedText(ctx.t, {
      side: result.side,
      partnerAlias: result.partnerAlias,
      fee: result.fee,
      share: result.share,
      later: result.later,
      reason: "both",
    }),
    {
      parse_mode: "HTML",
    },
  );
  const card = ratingCard(ctx.t, result.chatId, result.partnerAlias);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.cancelChat, async (ctx, chatId) => {
  const check = await checkCancel(ctx.deps, ctx.from.id, chatId);
  if (!check.ok) return answerEnded(ctx);
  await ctx.answerCallbackQuery();
  const card = cancelChatConfirmCard(ctx.t, chatId, check.penalty, check.feePart);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.cancelChatConfirmed, async (ctx, chatId) => {
  const result = await cancelChat(ctx.deps, ctx.from.id, chatId);
  if (!result.ok) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const alias = escapeHtml(result.partnerAlias);
  const lines = [
    ctx.t(result.penalty ? "chat-cancelled-self-penalty" : "chat-cancelled-self", { alias }),
    ...endedFeeLines(ctx.t, result.side, result.settled),
  ];
  await ctx.editMessageText(lines.join("\n"), { parse_mode: "HTML" });
});

onAction(chatClosingFeature, Actions.reportChat, async (ctx, chatId) => {
  const targets = await reportTargets(ctx.deps, ctx.from.id, chatId);
  if (!targets) return answerEnded(ctx);
  await ctx.answerCallbackQuery();
  const card = targets.length === 1 ? reportReasonCard(ctx.t, chatId) : reportMemberCard(ctx.t, targets);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.reportMember, async (ctx, chatId) => {
  if (!(await mayReportOn(ctx.deps, ctx.from.id, chatId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const card = reportReasonCard(ctx.t, chatId);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.reportReason, async (ctx, chatId, reason) => {
  const result = await reportChat(ctx.deps, ctx.from.id, chatId, reason);
  if (!result.ok) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const card = reportSentCard(ctx.t, chatId, result.canEnd);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", ...(card.keyboard ? { reply_markup: card.keyboard } : {}) });
});

onAction(chatClosingFeature, Actions.reportEndChat, async (ctx, chatId) => {
  if (!(await endReportedChat(ctx.deps, ctx.from.id, chatId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("report-chat-ended"), { parse_mode: "HTML" });
});

onAction(chatClosingFeature, Actions.rateChat, async (ctx, chatId, rating) => {
  const step = await rateChat(ctx.deps, ctx.from.id, chatId, Number(rating));
  if (!step.ok) return refuseButton(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t("review-rated", { rating }) });
  const card = markCard(ctx.t, chatId, step.partnerAlias);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.markPartner, async (ctx, chatId, mark) => {
  const step = await markPartner(ctx.deps, ctx.from.id, chatId, mark);
  if (!step.ok) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const card = commentCard(ctx.t, chatId);
  await ctx.editMessageText(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.skipComment, async (ctx, chatId) => {
  if (!(await skipComment(ctx.deps, ctx.from.id, chatId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("review-thanks"), { parse_mode: "HTML" });
});

onAction(chatClosingFeature, Actions.helperCame, async (ctx, chatId, answer) => {
  const result = await answerHelperCame(ctx.deps, ctx.from.id, chatId, answer === "yes");
  if (!result.ok) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const alias = escapeHtml(result.helperAlias);
  if (!result.came) {
    const lines = [
      ctx.t("no-show-recorded", { alias }),
      ...endedFeeLines(ctx.t, "requester", { toHelper: 0, returned: result.returned, later: result.later }),
    ];
    return void (await ctx.editMessageText(lines.join("\n"), { parse_mode: "HTML" }));
  }
  await ctx.editMessageText(
    completedText(ctx.t, {
      side: "requester",
      partnerAlias: result.helperAlias,
      fee: result.fee,
      share: result.share,
      later: result.later,
      reason: "came",
    }),
    {
      parse_mode: "HTML",
    },
  );
  const card = ratingCard(ctx.t, chatId, result.helperAlias);
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(chatClosingFeature, Actions.reportDecide, async (ctx, reportId, decision) => {
  const result = await decideReport(ctx.deps, ctx.from.id, reportId, decision);
  if (!result.ok && result.reason === "gone") return refuseButton(ctx);
  // The card itself is edited for every admin through the outbox; the pop-up answers this press.
  const text = result.ok
    ? ctx.t(decision === "restrict" && result.restrictedBefore ? "report-restrict-already" : `report-${decision}-done`)
    : result.reason === "chat-ended"
      ? ctx.t("report-chat-already-ended")
      : htmlToPlainText(ctx.t(`report-decided-${result.state}`, { admin: adminLabel(ctx.t, result.by) }));
  await ctx.answerCallbackQuery({ text });
});

/** A message after "add a comment?" is the comment; anything else passes on. */
export const reviewCommentFeature = new Feature({
  when: (ctx) => ctx.message?.text !== undefined && ctx.situation?.askedForComment === true,
});
reviewCommentFeature.chatType("private").on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const result = await leaveComment(ctx.deps, ctx.from.id, ctx.message.text);
  if (result === "not-asked") return next();
  await ctx.reply(ctx.t(result === "saved" ? "review-comment-saved" : "review-comment-too-long"), { parse_mode: "HTML" });
});
