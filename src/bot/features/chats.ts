import { answerHeld } from "../../services/relay/held.js";
import { type ChatMember, membersLabel, type OpenChat, openChatsFor, writeIn } from "../../services/relay/chat-list.js";
import { escapeHtml } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { rememberChatBanner } from "../../services/chats/banners.js";
import { chatBanner, chatList, sideOf } from "../../ui/chat-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

/**
 * /chat and the buttons about relay chats: which chat one writes in, and the yes or no to a
 * held message. The buttons act on the chat, not on a scene, so they work in the middle of one.
 */
export const chatsFeature = new Feature({ on: [BUTTONS] });

/** A chat's banner for this user, as text and the parameters it is sent or edited with. */
function bannerOf(ctx: BotContext, member: ChatMember, request: OpenChat["request"], options: { writingHere?: boolean } = {}) {
  const banner = chatBanner(ctx.t, member.chat, sideOf(member.chat, ctx.from!.id), { alias: member.partnerAlias }, request, options);
  return { text: banner.text, params: { parse_mode: "HTML" as const, ...(banner.keyboard ? { reply_markup: banner.keyboard } : {}) } };
}

/** A chat's banner, sent again and remembered, so that the chat's end edits it like the first one. */
async function sendBanner(ctx: BotContext, member: ChatMember, request: OpenChat["request"], options: { writingHere?: boolean } = {}) {
  const { text, params } = bannerOf(ctx, member, request, options);
  const sent = await ctx.reply(text, params);
  await rememberChatBanner(ctx.deps, ctx.from!.id, { chatId: member.chat.id, messageId: sent.message_id, params: { text, ...params } });
}

/** The chat to come back to: its banner (a group's, one per helper), or the list to pick from when there are several. */
export async function showChats(ctx: BotContext): Promise<void> {
  const chats = await openChatsFor(ctx.deps, ctx.from!.id);
  if (chats.length === 0) return void (await ctx.reply(ctx.t("chat-none")));
  if (chats.length === 1) {
    const [only] = chats as [OpenChat];
    for (const member of only.members) await sendBanner(ctx, member, only.request);
    return;
  }
  const list = chatList(
    ctx.t,
    chats.map((c) => ({ chatId: c.members[0]!.chat.id, alias: membersLabel(c), category: c.request.category, focused: c.writingHere })),
  );
  await ctx.reply(list.text, { reply_markup: list.keyboard });
}

onAction(chatsFeature, Actions.chatFocus, async (ctx, chatId) => {
  const chosen = await writeIn(ctx.deps, ctx.from.id, chatId);
  const here = chosen && (await openChatsFor(ctx.deps, ctx.from.id)).find((c) => c.members.some((m) => m.chat.id === chatId));
  // Not theirs, or ended in the moment between: nothing to write in.
  if (!here) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const focusSet = ctx.t("chat-focus-set", { alias: escapeHtml(membersLabel(here)) });
  if (here.members.length > 1) {
    // A group: the list says where messages go now, and each helper's banner follows.
    await ctx.editMessageText(focusSet, { parse_mode: "HTML" });
    for (const member of here.members) await sendBanner(ctx, member, here.request, { writingHere: true });
    return;
  }
  // The banner of the chosen chat, marked as the one written in.
  const banner = bannerOf(ctx, here.members[0]!, here.request, { writingHere: true });
  const text = `${focusSet}\n\n${banner.text}`;
  const { params } = banner;
  await ctx.editMessageText(text, params);
  // The list became this chat's banner: it ends with the chat like the others.
  const messageId = ctx.callbackQuery.message?.message_id;
  if (messageId !== undefined) await rememberChatBanner(ctx.deps, ctx.from.id, { chatId, messageId, params: { text, ...params } });
});

onAction(chatsFeature, Actions.relayHeld, async (ctx, relayId, choice) => {
  const answer = await answerHeld(ctx.deps, ctx.from.id, relayId, choice === "send");
  if (!answer.ok) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const key = choice === "send" ? "relay-held-sent" : "relay-held-dropped";
  await ctx.editMessageText(ctx.t(key, { alias: escapeHtml(answer.partnerAlias) }), { parse_mode: "HTML" });
});
