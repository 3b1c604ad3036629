import type { Update } from "grammy/types";

/** Updates with the same key run one after another, in arrival order (scene state has no lock). */
export function chatKeyOf(update: Update): string {
  const chat =
    update.message?.chat ??
    update.edited_message?.chat ??
    update.callback_query?.message?.chat ??
    update.my_chat_member?.chat ??
    update.message_reaction?.chat;
  if (chat) return String(chat.id);
  const from = update.callback_query?.from ?? update.pre_checkout_query?.from ?? update.inline_query?.from;
  return from ? String(from.id) : `update:${update.update_id}`;
}
