// Bot-level and chat-level methods that do not create messages: identity,
// webhook housekeeping, commands, menu button, callback answers, chat
// actions, chat info, files and reactions.
import { badRequest, type BotCommand, type Json } from "../types.js";
import type { World } from "../world.js";
import { bool, clone, type Handler, num, obj, type Params, str } from "./common.js";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

// The fixed set of emoji a bot may react with (variation selectors stripped).
const REACTION_EMOJI = new Set(
  [
    "👍",
    "👎",
    "❤",
    "🔥",
    "🥰",
    "👏",
    "😁",
    "🤔",
    "🤯",
    "😱",
    "🤬",
    "😢",
    "🎉",
    "🤩",
    "🤮",
    "💩",
    "🙏",
    "👌",
    "🕊",
    "🤡",
    "🥱",
    "🥴",
    "😍",
    "🐳",
    "❤‍🔥",
    "🌚",
    "🌭",
    "💯",
    "🤣",
    "⚡",
    "🍌",
    "🏆",
    "💔",
    "🤨",
    "😐",
    "🍓",
    "🍾",
    "💋",
    "🖕",
    "😈",
    "😴",
    "😭",
    "🤓",
    "👻",
    "👨‍💻",
    "👀",
    "🎃",
    "🙈",
    "😇",
    "😨",
    "🤝",
    "✍",
    "🤗",
    "🫡",
    "🎅",
    "🎄",
    "☃",
    "💅",
    "🤪",
    "🗿",
    "🆒",
    "💘",
    "🙉",
    "🦄",
    "😘",
    "💊",
    "🙊",
    "😎",
    "👾",
    "🤷‍♂",
    "🤷",
    "🤷‍♀",
    "😡",
  ].map((e) => e.replace(/\uFE0F/g, "")),
);

/** Commands are stored per scope; chat-bound scopes name their chat in the key. */
function scopeKey(world: World, scope: Json | undefined): string {
  const type = (scope?.type as string | undefined) ?? "default";
  switch (type) {
    case "chat":
    case "chat_administrators":
      return `${type}:${world.chatFor(scope?.chat_id, { allowBlocked: true }).id}`;
    case "chat_member":
      return `${type}:${world.chatFor(scope?.chat_id, { allowBlocked: true }).id}:${String(scope?.user_id)}`;
    default:
      return type;
  }
}

function languageCode(p: Params): string {
  const code = str(p, "language_code") ?? "";
  if (code !== "" && !/^[a-z]{2}$/.test(code)) throw badRequest("LANG_CODE_INVALID", "language_code");
  return code;
}

function checkCommands(commands: BotCommand[]): void {
  if (commands.length > 100) throw badRequest("too many commands (at most 100)", "commands count");
  for (const c of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID", "command name");
    if (c.description.trim().length < 1 || c.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID", "command description");
    }
  }
}

export const miscHandlers: Record<string, Handler> = {
  getMe: (_p, world) => ({
    ...world.bot,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  }),

  deleteWebhook: (p, world) => {
    if (bool(p, "drop_pending_updates")) world.updates.clear();
    return true;
  },

  getWebhookInfo: (_p, world) => ({ url: "", has_custom_certificate: false, pending_update_count: world.updates.unconfirmed }),

  close: () => true,
  logOut: () => true,

  setMyCommands: (p, world) => {
    const commands = (p.commands as BotCommand[]) ?? [];
    checkCommands(commands);
    const key = world.commandsKey(scopeKey(world, obj(p, "scope")), languageCode(p));
    world.commands.set(
      key,
      commands.map((c) => ({ command: c.command, description: c.description })),
    );
    return true;
  },

  getMyCommands: (p, world) => clone(world.commands.get(world.commandsKey(scopeKey(world, obj(p, "scope")), languageCode(p))) ?? []),

  deleteMyCommands: (p, world) => {
    world.commands.delete(world.commandsKey(scopeKey(world, obj(p, "scope")), languageCode(p)));
    return true;
  },

  setChatMenuButton: (p, world) => {
    const key = p.chat_id === undefined ? "default" : String(world.chatFor(p.chat_id, { allowBlocked: true }).id);
    const button = obj(p, "menu_button");
    if (button) world.menuButtons.set(key, clone(button));
    else world.menuButtons.delete(key);
    return true;
  },

  getChatMenuButton: (p, world) => {
    const key = p.chat_id === undefined ? "default" : String(world.chatFor(p.chat_id, { allowBlocked: true }).id);
    return clone(world.menuButtons.get(key) ?? world.menuButtons.get("default") ?? { type: "commands" });
  },

  answerCallbackQuery: (p, world) => {
    const queryId = str(p, "callback_query_id") ?? "";
    const text = str(p, "text");
    if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG", "callback answer length");
    const persona = world.answerCallback(queryId);
    const answer: (typeof persona.callbackAnswers)[number] = { queryId };
    if (text !== undefined) answer.text = text;
    const alert = bool(p, "show_alert");
    if (alert !== undefined) answer.show_alert = alert;
    const url = str(p, "url");
    if (url !== undefined) answer.url = url;
    persona.callbackAnswers.push(answer);
    return true;
  },

  sendChatAction: (p, world) => {
    const persona = world.chatFor(p.chat_id);
    const action = str(p, "action") ?? "";
    if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request", "chat action");
    persona.chatActions.push(action);
    return true;
  },

  getChat: (p, world) => {
    const persona = world.chatFor(p.chat_id, { allowBlocked: true });
    return {
      ...persona.chat,
      accent_color_id: persona.id % 7,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: true,
        limited_gifts: true,
        unique_gifts: true,
        premium_subscription: true,
        gifts_from_channels: true,
      },
    };
  },

  getFile: (p, world) => world.files.getFile(str(p, "file_id") ?? ""),

  setMessageReaction: (p, world) => {
    const persona = world.chatFor(p.chat_id);
    const messageId = num(p, "message_id") ?? 0;
    const stored = world.store.live(persona.id, messageId);
    if (!stored) throw badRequest("MESSAGE_ID_INVALID", "reaction target not found");
    const reaction = (p.reaction as Json[] | undefined) ?? [];
    if (reaction.length > 1) throw badRequest("REACTIONS_TOO_MANY", "reaction count");
    for (const r of reaction) {
      if (r.type === "paid") throw badRequest("REACTION_INVALID", "reaction emoji");
      if (r.type === "emoji" && !REACTION_EMOJI.has(String(r.emoji).replace(/\uFE0F/g, ""))) {
        throw badRequest("REACTION_INVALID", "reaction emoji");
      }
    }
    persona.reactions.push({ message_id: messageId, reaction: clone(reaction) });
    return true;
  },
};
