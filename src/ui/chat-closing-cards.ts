import { InlineKeyboard } from "grammy";
import { type Chat, type ChatSide, MARK_CHOICES, RATINGS, REPORT_REASONS } from "../domain/chats.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import type { Translate } from "./translator.js";

/** Complete, Cancel and Report: the buttons that end or escalate a chat, on every chat banner. */
export function chatActionsKeyboard(t: Translate, chat: Pick<Chat, "id">): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("chat-complete"), Actions.completeChat.data(chat.id))
    .row()
    .text(t("chat-cancel"), Actions.cancelChat.data(chat.id))
    .text(t("chat-report"), Actions.reportChat.data(chat.id));
}

/** Ending a chat from one side, with what it costs said before it is done. */
export function cancelChatConfirmCard(t: Translate, chatId: number, penalty: boolean, feePart: number) {
  const lines = [t(penalty ? "chat-cancel-confirm-penalty" : "chat-cancel-confirm-free")];
  if (feePart > 0) lines.push(t("chat-cancel-confirm-fee-part", { fee: feePart }));
  return {
    text: lines.join("\n"),
    keyboard: new InlineKeyboard().text(t("chat-cancel-yes"), Actions.cancelChatConfirmed.data(chatId)),
  };
}

/** In a group, a helper's report starts with whom it is about: the requester or another helper. */
export function reportMemberCard(t: Translate, targets: readonly { chatId: number; alias: string; role: ChatSide }[]) {
  const keyboard = new InlineKeyboard();
  for (const target of targets)
    keyboard.text(t(`report-member-${target.role}`, { alias: target.alias }), Actions.reportMember.data(target.chatId)).row();
  return { text: t("report-pick-member"), keyboard };
}

export function reportReasonCard(t: Translate, chatId: number) {
  const keyboard = new InlineKeyboard();
  for (const reason of REPORT_REASONS) keyboard.text(t(`report-reason-${reason}`), Actions.reportReason.data(chatId, reason)).row();
  return { text: t("report-pick-reason"), keyboard };
}

/** The first question after a completed chat: how it went, one to five. */
export function ratingCard(t: Translate, chatId: number, partnerAlias: string) {
  const keyboard = new InlineKeyboard();
  for (const rating of RATINGS) keyboard.text(`${rating} ⭐`, Actions.rateChat.data(chatId, rating));
  return { text: t("review-rate", { alias: escapeHtml(partnerAlias) }), keyboard };
}

const MARK_ICONS = { none: "⚪", green: "🟢", yellow: "🟡", red: "🔴" } as const;

export function markIcon(mark: keyof typeof MARK_ICONS): string {
  return MARK_ICONS[mark];
}

/** The private colour mark, explained: the marker sees it next time; it blocks nobody. */
export function markCard(t: Translate, chatId: number, partnerAlias: string) {
  const keyboard = new InlineKeyboard();
  for (const mark of MARK_CHOICES) keyboard.text(`${MARK_ICONS[mark]} ${t(`mark-${mark}`)}`, Actions.markPartner.data(chatId, mark));
  return { text: t("review-mark", { alias: escapeHtml(partnerAlias) }), keyboard };
}

export function commentCard(t: Translate, chatId: number) {
  return { text: t("review-comment-ask"), keyboard: new InlineKeyboard().text(t("review-comment-skip"), Actions.skipComment.data(chatId)) };
}

/** To the requester when nobody completed in time: did the helper come? */
export function helperCameCard(t: Translate, chatId: number, helperAlias: string) {
  return {
    text: t("no-show-question", { alias: escapeHtml(helperAlias) }),
    keyboard: new InlineKeyboard()
      .text(t("no-show-came"), Actions.helperCame.data(chatId, "yes"))
      .text(t("no-show-absent"), Actions.helperCame.data(chatId, "no")),
  };
}

export function redeemConfirmCard(t: Translate, numbers: { needed: number; help: number; penalties: number }) {
  return {
    text: t("redeem-confirm", numbers),
    keyboard: new InlineKeyboard()
      .text(t("redeem-yes"), Actions.redeemPenalty.data("yes"))
      .text(t("redeem-no"), Actions.redeemPenalty.data("no")),
  };
}

/** What a side reads about the fee of a chat that ended without completing: returned, or split after a late cancel. */
export function endedFeeLines(
  t: Translate,
  side: "requester" | "helper",
  settled: { toHelper: number; returned: number; later?: boolean },
): string[] {
  // In a group the fee moves when the whole group has ended, so its lines speak of what will happen.
  const later = settled.later === true;
  if (side === "helper") {
    return settled.toHelper > 0
      ? [t(later ? "group-fee-part-received-later" : "chat-ended-fee-part-received", { fee: settled.toHelper })]
      : [];
  }
  if (settled.toHelper > 0) {
    return [t(later ? "group-fee-part-paid-later" : "chat-ended-fee-part-paid", { part: settled.toHelper, returned: settled.returned })];
  }
  return settled.returned > 0 ? [t(later ? "group-fee-returned-later" : "fee-returned-to-you", { fee: settled.returned })] : [];
}
