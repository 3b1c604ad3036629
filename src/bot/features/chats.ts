import { answerHeld } from "../../services/relay/held.js";
import { openChatsFor, writeIn } from "../../services/relay/chat-list.js";
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

/** The chat to come back to: its banner, or the list to pick from when there are several. */
export async function showChats(ctx: BotContext): Promise<void> {
  const chats = await openChatsFor(ctx.deps, ctx.from!.id);
  if (chats.length === 0) return void (await ctx.reply(ctx.t("chat-none")));
  if (chats.length === 1) {
    const [{ chat, partnerAlias, request }] = chats as [(typeof chats)[number]];
    const banner = chatBanner(ctx.t, chat, sideOf(chat, ctx.from!.id), { alias: partnerAlias }, request);
    const params = { parse_mode: "HTML" as const, ...(banner.keyboard ? { reply_markup: banner.keyboard } : {}) };
    const sent = await ctx.reply(banner.text, params);
    return void (await rememberChatBanner(ctx.deps, ctx.from!.id, {
      chatId: chat.id,
      messageId: sent.message_id,
      params: { text: banner.text, ...params },
    }));
  }
  const list = chatList(
    ctx.t,
    chats.map((c) => ({ chatId: c.chat.id, alias: c.partnerAlias, category: c.request.category, focused: c.writingHere })),
  );
  await ctx.reply(list.text, { reply_markup: list.keyboard });
}

onAction(chatsFeature, Actions.chatFocus, async (ctx, chatId) => {
  const chosen = await writeIn(ctx.deps, ctx.from.id, chatId);
  if (!chosen) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  const chats = await openChatsFor(ctx.deps, ctx.from.id);
  const here = chats.find((c) => c.chat.id === chatId);
  if (!here)
    return void (await ctx.editMessageText(ctx.t("chat-focus-set", { alias: escapeHtml(chosen.partnerAlias) }), { parse_mode: "HTML" }));
  // The banner of the chosen chat, marked as the one written in.
  const banner = chatBanner(ctx.t, here.chat, sideOf(here.chat, ctx.from.id), { alias: here.partnerAlias }, here.request, {
    writingHere: true,
  });
  const text = `${ctx.t("chat-focus-set", { alias: escapeHtml(chosen.partnerAlias) })}\n\n${banner.text}`;
  const params = { parse_mode: "HTML" as const, ...(banner.keyboard ? { reply_markup: banner.keyboard } : {}) };
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
