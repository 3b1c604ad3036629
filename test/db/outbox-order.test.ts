import type { Api } from "grammy";
import { pino } from "pino";
import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { enqueueMessages } from "../../db/repositories/outbox.js";
import { OutboxPriority } from "../../db/schema.js";
import { RateLimiter } from "../../src/outbox/rate-limiter.js";
import { createOutboxSender } from "../../src/outbox/sender.js";
import { onBothDatabases } from "../support/databases.js";

/** A Bot API that takes every message at once and keeps what each chat was sent, in order. */
function recordingApi() {
  const chats = new Map<number, string[]>();
  let messageId = 0;
  const sendMessage = async (params: { chat_id: number; text: string }) => {
    chats.set(params.chat_id, [...(chats.get(params.chat_id) ?? []), params.text]);
    return { message_id: ++messageId };
  };
  return { api: { raw: { sendMessage } } as unknown as Api, chats };
}

onBothDatabases("outbox order", (open) => {
  // The limiter reads the time on every question; here each question finds it one millisecond
  // later, so a message can find the global budget short and the next one find it there, as
  // happens when a pass crosses a millisecond.
  it("never sends a chat's message before one of that chat the same pass left behind", async () => {
    const db = await open();
    await migrateToLatest(db.kysely);
    let ms = 0;
    const limiter = new RateLimiter({ globalPerSecond: 500, globalBurst: 1, perChatPerSecond: 1000, perChatBurst: 100 }, () => ++ms);
    const { api, chats } = recordingApi();
    const sender = createOutboxSender({
      db: db.kysely,
      api,
      logger: pino({ level: "silent" }),
      limiter,
      onUnreachable: async () => {},
      onRelayRefused: async () => {},
    });
    const texts = ["pin", "card", "photo", "note"];
    await enqueueMessages(
      db.kysely,
      0,
      texts.map((text) => ({ chatId: 7, priority: OutboxPriority.fanout, method: "sendMessage", params: { text } })),
    );
    await sender.start();
    try {
      await sender.idle();
      await expect.poll(() => chats.get(7)).toEqual(texts);
    } finally {
      await sender.stop();
    }
  });
});
