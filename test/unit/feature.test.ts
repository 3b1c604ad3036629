import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { BUTTONS, Feature } from "../../src/bot/feature.js";
import type { BotContext } from "../../src/bot/context.js";

const chat = { id: 1, type: "private" as const, first_name: "A" };
const from = { id: 1, is_bot: false, first_name: "A" };
const contextOf = (update: Omit<Update, "update_id">) => ({ update: { update_id: 1, ...update } }) as unknown as BotContext;

const text = contextOf({ message: { message_id: 1, date: 0, chat, from, text: "hello" } });
const commandMessage = (text: string, length: number) =>
  contextOf({ message: { message_id: 1, date: 0, chat, from, text, entities: [{ type: "bot_command", offset: 0, length }] } });
const help = commandMessage("/help", 5);
const helpToThisBot = commandMessage("/help@doum_bot", 14);
const start = commandMessage("/start", 6);
const startWithPayload = commandMessage("/start v_abc", 6);
const startToThisBotWithPayload = commandMessage("/start@doum_bot  tc_0123 ", 15);
const startWithOtherPayload = commandMessage("/start hello", 6);
const press = contextOf({ callback_query: { id: "q", from, chat_instance: "c", data: "x" } });
const edit = contextOf({ edited_message: { message_id: 1, date: 0, edit_date: 1, chat, from, text: "hello!" } });

describe("the kinds of update a feature reacts to", () => {
  it("a feature of messages and edits gets every message, commands included (queries of different depths are not merged)", () => {
    const relayLike = new Feature({ commands: ["chat"], on: ["message", "edited_message"] });
    expect([text, help, edit, press].map(relayLike.reacts)).toEqual([true, true, true, false]);
  });

  it("a feature of commands and buttons gets its own commands only, however they are written", () => {
    const helpAndButtons = new Feature({ commands: ["help"], on: [BUTTONS] });
    expect([text, help, helpToThisBot, start, edit, press].map(helpAndButtons.reacts)).toEqual([false, true, true, false, false, true]);
    const startOnly = new Feature({ commands: ["start"] });
    expect([text, help, start, startWithPayload].map(startOnly.reacts)).toEqual([false, false, true, true]);
  });

  it("a feature of links gets a /start only when its payload is one of them", () => {
    const links = new Feature({ deepLinks: [/^v_/, /^tc_/] });
    expect([text, start, startWithPayload, startToThisBotWithPayload, startWithOtherPayload, help].map(links.reacts)).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it("a message feature narrowed by `when` gets only the messages it names, with its commands and other kinds", () => {
    const inChat = new Set<BotContext>([help]);
    const narrowed = new Feature({ commands: ["chat"], on: ["edited_message"], when: (ctx) => inChat.has(ctx) });
    expect([text, help, edit, press].map(narrowed.reacts)).toEqual([false, true, true, false]);
  });
});
