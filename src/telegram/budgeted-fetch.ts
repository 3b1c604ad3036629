import nodeFetch, { type RequestInfo, type RequestInit, type Response } from "node-fetch";

/** Where messages take their share of Telegram's flood limits (the outbox's rate limiter). */
export interface SendBudget {
  /** Resolves once a message to `chatId` may go out, its tokens taken. */
  takeForReply(chatId: number): Promise<void>;
}

/**
 * The methods Telegram counts against its flood limits that the bot uses: those that put messages
 * in a chat (it never forwards, which would reveal the sender).
 */
const COUNTED = /\/(send(?!ChatAction)\w*|copyMessages?)$/;

/** The chat a counted call writes to; uploads (a multipart body) are not read and not counted. */
function chatOf(init: RequestInit | undefined): number | undefined {
  if (typeof init?.body !== "string") return undefined;
  const chatId: unknown = (JSON.parse(init.body) as { chat_id?: unknown }).chat_id;
  return typeof chatId === "number" ? chatId : undefined;
}

/**
 * Replies to the acting user wait for their share of the budget the outbox sends with, so the
 * two together stay within Telegram's limits and the outbox uses what replies leave. At the
 * transport, like the retries: a scene logs each Bot API call and replays the log on every
 * step, and a limiter above the log would wait again for every message it replays.
 */
export function budgetedFetch(budget: SendBudget, base: typeof nodeFetch = nodeFetch): typeof nodeFetch {
  const budgeted = async (url: RequestInfo, init?: RequestInit): Promise<Response> => {
    const chatId = COUNTED.test(String(url)) ? chatOf(init) : undefined;
    if (chatId !== undefined) await budget.takeForReply(chatId);
    return base(url, init);
  };
  return Object.assign(budgeted, base);
}
