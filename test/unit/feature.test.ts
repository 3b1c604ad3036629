import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { BUTTONS, COMMANDS, Feature } from "../../src/bot/feature.js";
import type { BotContext } from "../../src/bot/context.js";

const chat = { id: 1, type: "private" as const, first_name: "A" };
const from = { id: 1, is_bot: false, first_name: "A" };
const contextOf = (update: Omit<Update, "update_id">) => ({ update: { update_id: 1, ...update } }) as unknown as BotContext;

const text = contextOf({ message: { message_id: 1, date: 0, chat, from, text: "hello" } });
const command = contextOf({
  message: { message_id: 1, date: 0, chat, from, text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] },
});
const press = contextOf({ callback_query: { id: "q", from, chat_instance: "c", data: "x" } });
const edit = contextOf({ edited_message: { message_id: 1, date: 0, edit_date: 1, chat, from, text: "hello!" } });

describe("the kinds of update a feature reacts to", () => {
  it("a feature of commands and messages gets plain texts too (queries of different depths are not merged)", () => {
    const relayLike = new Feature([COMMANDS, "message", "edited_message"]);
    expect([text, command, edit, press].map(relayLike.reacts)).toEqual([true, true, true, false]);
  });

  it("a feature of commands and buttons is passed by for plain texts and edits", () => {
    const commandsAndButtons = new Feature([COMMANDS, BUTTONS]);
    expect([text, command, edit, press].map(commandsAndButtons.reacts)).toEqual([false, true, false, true]);
  });
});
