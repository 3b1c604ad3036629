import { InlineKeyboard } from "grammy";
import type { Chat } from "../domain/chats.js";
import type { HelpRequest } from "../domain/requests.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { chatActionsKeyboard } from "./chat-closing-cards.js";
import type { Translate } from "./translator.js";

/** Which side of the chat a card is for: the requester holds the meeting code, the helper says it. */
export type ChatSide = "requester" | "helper";

export const sideOf = (chat: Pick<Chat, "requesterId">, userId: number): ChatSide => (userId === chat.requesterId ? "requester" : "helper");

/** The banner's buttons: everything one can do with the chat as a whole (Complete, Cancel, Report). */
export function chatBannerKeyboard(t: Translate, chat: Pick<Chat, "id">): InlineKeyboard {
  return chatActionsKeyboard(t, chat);
}

/** What the chat is about; a walk home has no description (its destination is the helper's alone). */
function aboutLine(t: Translate, request: Pick<HelpRequest, "category" | "description">): string {
  const category = t(`category-${request.category}`);
  return request.description === ""
    ? t("chat-banner-request-bare", { category })
    : t("chat-banner-request", { category, description: escapeHtml(request.description) });
}

/**
 * The banner both sides get at the match: who they talk to (by alias only), about what, the
 * meeting code, and how to come back to the chat. `writingHere` marks the chat a user with
 * several writes in.
 */
export function chatBanner(
  t: Translate,
  chat: Pick<Chat, "id" | "meetingCode">,
  side: ChatSide,
  partner: { alias: string },
  request: Pick<HelpRequest, "category" | "description"> & { helpersWanted?: number },
  options: { writingHere?: boolean } = {},
): { text: string; keyboard?: InlineKeyboard } {
  const alias = escapeHtml(partner.alias);
  const lines = [
    t(side === "requester" ? "chat-banner-title-requester" : "chat-banner-title-helper", { alias }),
    aboutLine(t, request),
    t("chat-banner-copies"),
    ...((request.helpersWanted ?? 1) > 1 ? [t("chat-banner-group")] : []),
    t(side === "requester" ? "chat-banner-code-requester" : "chat-banner-code-helper", { code: chat.meetingCode, alias }),
    t("chat-actions-intro"),
    ...(options.writingHere ? [t("chat-banner-writing-here")] : []),
    t("chat-banner-come-back"),
  ];
  const keyboard = chatBannerKeyboard(t, chat);
  return { text: lines.join("\n\n"), ...(keyboard.inline_keyboard.length > 0 ? { keyboard } : {}) };
}

/**
 * A banner once its chat ended: still who and what it was about and the meeting code (people
 * scroll back to them), without the buttons and the "how to write here" lines that no longer hold.
 */
export function endedChatBanner(
  t: Translate,
  chat: Pick<Chat, "meetingCode">,
  side: ChatSide,
  partner: { alias: string },
  request: Pick<HelpRequest, "category" | "description">,
): string {
  const alias = escapeHtml(partner.alias);
  return [
    t("chat-banner-ended", { alias }),
    aboutLine(t, request),
    t(side === "requester" ? "chat-banner-code-requester" : "chat-banner-code-helper", { code: chat.meetingCode, alias }),
  ].join("\n\n");
}

/** The open chats of someone with several, to pick the one they write in. */
export function chatList(t: Translate, chats: readonly { chatId: number; alias: string; category: string; focused: boolean }[]) {
  const keyboard = InlineKeyboard.from(
    chats.map((chat) => {
      const label = t(chat.focused ? "chat-list-button-focused" : "chat-list-button", {
        alias: chat.alias,
        category: t(`category-${chat.category}`),
      });
      return [InlineKeyboard.text(label, Actions.chatFocus.data(chat.chatId))];
    }),
  );
  return { text: t("chat-list", { count: chats.length }), keyboard };
}

/** A message that would tell the other side who the sender is waits for the sender's yes. */
export function heldCard(t: Translate, relayId: number, partnerAlias: string, reason: string) {
  return {
    text: t("relay-held", { alias: escapeHtml(partnerAlias), what: t(reason === "contact" ? "relay-held-contact" : `personal-${reason}`) }),
    keyboard: new InlineKeyboard()
      .text(t("relay-held-send"), Actions.relayHeld.data(relayId, "send"))
      .text(t("relay-held-drop"), Actions.relayHeld.data(relayId, "drop")),
  };
}
