import { Response } from "node-fetch";
import type nodeFetch from "node-fetch";
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/outbox/rate-limiter.js";
import { budgetedFetch } from "../../src/telegram/budgeted-fetch.js";

describe("the send budget replies share with the outbox", () => {
  it("only calls that put a message in a chat take from it, each for its chat", async () => {
    const taken: number[] = [];
    const base = (async () => new Response('{"ok":true,"result":true}')) as unknown as typeof nodeFetch;
    const fetch = budgetedFetch({ takeForReply: async (chatId) => void taken.push(chatId) }, base);
    const call = (method: string, body: unknown) => fetch(`http://x/bot1:A/${method}`, { method: "POST", body: JSON.stringify(body) });
    await call("sendMessage", { chat_id: 7, text: "hi" });
    await call("sendPhoto", { chat_id: 8, photo: "file" });
    await call("copyMessage", { chat_id: 9, from_chat_id: 1, message_id: 2 });
    await call("editMessageText", { chat_id: 7, message_id: 3, text: "edited" });
    await call("answerCallbackQuery", { callback_query_id: "q" });
    await call("sendChatAction", { chat_id: 7, action: "typing" });
    await call("getMe", {});
    expect(taken).toEqual([7, 8, 9]);
  });

  it("a reply waiting for the global bucket goes before the outbox's next message", async () => {
    const limiter = new RateLimiter({ globalPerSecond: 50, globalBurst: 1, perChatPerSecond: 100, perChatBurst: 100 });
    // Long enough after the start for the bucket to hold its one token; the outbox takes it.
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(limiter.waitFor(1)).toBe(0);
    limiter.take(1);
    const reply = limiter.takeForReply(2);
    // The reply needs the next token (~20 ms away); the outbox is told to wait for the one after.
    expect(limiter.waitFor(3)).toBeGreaterThan(25);
    await reply;
    expect(limiter.waitFor(3)).toBeGreaterThan(0);
  });
});
