/**
 * Telegram's limits, as token buckets in real time (not the injected clock: Telegram counts
 * real seconds). A global bucket for ~30 msg/s and one per chat for ~1 msg/s with a small burst.
 * One limiter serves the whole bot: replies to the acting user (telegram/budgeted-fetch.ts) and
 * the outbox.
 */
class Bucket {
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    /** When `tokens` was last brought up to date; at construction, a moment the bucket held `tokens`. */
    private updated: number,
    private tokens = 0,
  ) {}
  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
  }
  /** Milliseconds until `count` tokens are available (0 = now). */
  waitFor(now: number, count = 1): number {
    this.refill(now);
    return this.tokens >= count ? 0 : Math.ceil(((count - this.tokens) / this.perSecond) * 1000);
  }
  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }
}

export interface RateLimits {
  globalPerSecond: number;
  globalBurst: number;
  perChatPerSecond: number;
  perChatBurst: number;
}

/**
 * Telegram's ~30 msg/s and ~1 msg/s per chat. Replies count in the same buckets, so the whole
 * rate is ours to use; the bursts are smaller than Telegram's, which leaves room for messages
 * that reach it bunched up by the network.
 */
export const TELEGRAM_LIMITS: RateLimits = { globalPerSecond: 30, globalBurst: 10, perChatPerSecond: 1, perChatBurst: 3 };

export class RateLimiter {
  private readonly global: Bucket;
  private readonly chats = new Map<number, Bucket>();
  /**
   * At the limiter's start the global bucket is empty and each chat's holds one message: the
   * process before this one may have spent its budget in its last second, and Telegram still
   * counts those messages. So the first second after a restart sends at the steady rate, never a
   * burst on top of the old one.
   */
  private readonly started: number;
  /** Replies waiting for the global bucket: the outbox leaves them the next tokens. */
  private waitingReplies = 0;
  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
    this.global = new Bucket(limits.globalBurst, limits.globalPerSecond, this.started);
  }
  private chat(chatId: number): Bucket {
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      // One message per chat may go at once: the steady rate's own, as if the last second before the
      // start had been spent. A person who writes right after a restart gets their answer without
      // waiting out a second, and an update interrupted by restarts in a row still finishes quickly.
      bucket = new Bucket(this.limits.perChatBurst, this.limits.perChatPerSecond, this.started, 1);
      this.chats.set(chatId, bucket);
    }
    return bucket;
  }
  /** Milliseconds to wait before an outbox message to `chatId` may go out. */
  waitFor(chatId: number): number {
    const now = this.now();
    return Math.max(this.global.waitFor(now, 1 + this.waitingReplies), this.chat(chatId).waitFor(now));
  }
  globalWait(): number {
    return this.global.waitFor(this.now(), 1 + this.waitingReplies);
  }
  /**
   * Waits until a reply to `chatId` may go out and takes its tokens. A person is waiting for a
   * reply, so it goes before the outbox's next message.
   */
  async takeForReply(chatId: number): Promise<void> {
    for (;;) {
      const now = this.now();
      const globalWait = this.global.waitFor(now);
      const wait = Math.max(globalWait, this.chat(chatId).waitFor(now));
      if (wait === 0) return this.take(chatId);
      const queued = globalWait > 0;
      if (queued) this.waitingReplies++;
      try {
        await new Promise((resolve) => setTimeout(resolve, wait));
      } finally {
        if (queued) this.waitingReplies--;
      }
    }
  }
  take(chatId: number): void {
    const now = this.now();
    this.global.take(now);
    this.chat(chatId).take(now);
    // Full buckets carry no information; dropping them keeps the map small in a big city.
    if (this.chats.size > 10_000) for (const [id, b] of this.chats) if (b.isFull(now)) this.chats.delete(id);
  }
}
