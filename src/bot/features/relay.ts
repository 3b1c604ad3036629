import type { Message } from "grammy/types";
import type { ChatEdit, ChatMessage } from "../../domain/relay.js";
import { relayChatEdit, relayChatMessage, relayChatReaction } from "../../services/relay/relaying.js";
import { escapeHtml } from "../../telegram/html.js";
import { heldCard } from "../../ui/chat-cards.js";
import { Feature } from "../feature.js";
import { showChats } from "./chats.js";

/**
 * The relay chat: outside a scene, whatever someone with an open chat sends, edits or reacts to
 * goes to the other side. Installed after the scenes (a scene's answer is not a chat message) and
 * before the features that read plain messages.
 */
export const relayFeature = new Feature({
  commands: ["chat"],
  on: ["edited_message", "message_reaction"],
  // A message is for a partner only while a chat of the sender's is open.
  when: (ctx) => ctx.message !== undefined && ctx.situation?.inOpenChat === true,
});
const privateChats = relayFeature.chatType("private");

privateChats.command("chat", (ctx) => showChats(ctx));

function chatMessage(message: Message): ChatMessage {
  const location = message.venue ? undefined : message.location;
  const words = message.text ?? message.caption;
  return {
    messageId: message.message_id,
    isContact: message.contact !== undefined,
    ...(message.media_group_id ? { mediaGroupId: message.media_group_id } : {}),
    ...(message.reply_to_message ? { replyToMessageId: message.reply_to_message.message_id } : {}),
    ...(location?.live_period
      ? { live: { latitude: location.latitude, longitude: location.longitude, livePeriod: location.live_period } }
      : {}),
    ...(words !== undefined ? { words } : {}),
    ...(message.text !== undefined ? { text: { text: message.text, ...(message.entities ? { entities: message.entities } : {}) } } : {}),
    ...(message.photo || message.video || message.document || message.audio || message.animation || message.voice
      ? { caption: { caption: message.caption ?? "", ...(message.caption_entities ? { entities: message.caption_entities } : {}) } }
      : {}),
  };
}

privateChats.on("message").filter(
  (ctx) => !ctx.message.entities?.some((e) => e.type === "bot_command" && e.offset === 0),
  async (ctx, next) => {
    const outcome = await relayChatMessage(ctx.deps, ctx.from.id, chatMessage(ctx.message));
    if (outcome.kind === "none") return next();
    if (outcome.kind === "choose") {
      await ctx.reply(ctx.t("relay-choose-first"), { reply_parameters: { message_id: ctx.message.message_id } });
      return showChats(ctx);
    }
    if (outcome.kind === "held") {
      const card = heldCard(ctx.t, outcome.relayId, outcome.partnerAlias, outcome.reason);
      await ctx.reply(card.text, {
        parse_mode: "HTML",
        reply_markup: card.keyboard,
        reply_parameters: { message_id: ctx.message.message_id },
      });
    }
  },
);

function chatEdit(message: Message): ChatEdit | undefined {
  const messageId = message.message_id;
  if (message.text !== undefined)
    return { kind: "text", messageId, text: message.text, ...(message.entities ? { entities: message.entities } : {}) };
  if (message.location && !message.venue) {
    const { latitude, longitude, live_period } = message.location;
    return live_period ? { kind: "live", messageId, latitude, longitude } : { kind: "stopped", messageId };
  }
  if (message.caption !== undefined || message.photo || message.video || message.document || message.audio || message.animation) {
    return {
      kind: "caption",
      messageId,
      caption: message.caption ?? "",
      ...(message.caption_entities ? { captionEntities: message.caption_entities } : {}),
    };
  }
  return undefined;
}

privateChats.on("edited_message", async (ctx, next) => {
  const edit = chatEdit(ctx.editedMessage);
  const outcome = edit ? await relayChatEdit(ctx.deps, ctx.from.id, edit) : { kind: "none" as const };
  if (outcome.kind === "held") {
    await ctx.reply(ctx.t("relay-edit-held", { alias: escapeHtml(outcome.partnerAlias) }), {
      parse_mode: "HTML",
      reply_parameters: { message_id: ctx.editedMessage.message_id },
    });
    return;
  }
  // A helper's moving position is also where the bot looks for them.
  await next();
});

privateChats.on("message_reaction", async (ctx) => {
  const emoji = ctx.messageReaction.new_reaction.flatMap((r) => (r.type === "emoji" ? [r.emoji] : []));
  await relayChatReaction(ctx.deps, ctx.from!.id, ctx.messageReaction.message_id, emoji);
});
