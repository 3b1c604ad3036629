// Token buckets for Telegram's flood limits: a global budget for the whole bot
// and a smaller one per chat. Tokens are only taken when both allow the send,
// so a rejected call does not eat into the budget.
import type { RateLimits } from "./types.js";

export const DEFAULT_LIMITS: RateLimits = {
  globalPerSecond: 30,
  globalBurst: 30,
  perChatPerSecond: 1,
  perChatBurst: 5,
};

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }

  /** Milliseconds until `n` tokens are available (0 = available now). */
  waitFor(n: number, now: number): number {
    this.refill(now);
    if (this.tokens >= n) return 0;
    if (n > this.capacity) return Infinity;
    return ((n - this.tokens) / this.perSecond) * 1000;
  }

  take(n: number): void {
    this.tokens -= n;
  }
}

export type RateDecision = { ok: true } | { ok: false; retryAfter: number };

export class RateLimiter {
  private readonly global: TokenBucket;
  private readonly chats = new Map<number, TokenBucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = Date.now,
  ) {
    this.global = new TokenBucket(limits.globalPerSecond, limits.globalBurst, clock());
  }

  /** Takes `count` messages' worth of budget for a chat, or says how long to wait. */
  consume(chatId: number, count = 1): RateDecision {
    const now = this.clock();
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new TokenBucket(this.limits.perChatPerSecond, this.limits.perChatBurst, now);
      this.chats.set(chatId, chat);
    }
    const wait = Math.max(this.global.waitFor(count, now), chat.waitFor(count, now));
    if (wait > 0) {
      const seconds = Number.isFinite(wait) ? Math.ceil(wait / 1000) : 60;
      return { ok: false, retryAfter: Math.max(1, seconds) };
    }
    this.global.take(count);
    chat.take(count);
    return { ok: true };
  }
}
