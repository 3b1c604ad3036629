/**
 * Telegram's limits, as token buckets in real time (not the injected clock: Telegram counts
 * real seconds). A global bucket for ~30 msg/s and one per chat for ~1 msg/s with a small burst.
 */
class Bucket {
  private tokens = 0;
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    /** When `tokens` was last brought up to date; at construction, a moment the bucket was empty. */
    private updated: number,
  ) {}
  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
  }
  /** Milliseconds until one token is available (0 = now). */
  waitFor(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
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

/** A little under Telegram's ~30 msg/s and ~1 msg/s per chat, so replies to users fit in too. */
export const TELEGRAM_LIMITS: RateLimits = { globalPerSecond: 25, globalBurst: 25, perChatPerSecond: 1, perChatBurst: 3 };

export class RateLimiter {
  private readonly global: Bucket;
  private readonly chats = new Map<number, Bucket>();
  /**
   * Every bucket counts as emptied at the limiter's start: the process before this one may have
   * spent its budget in its last second, and Telegram still counts those messages. So the first
   * second after a restart sends at the steady rate, never a burst on top of the old one.
   */
  private readonly started: number;
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
      bucket = new Bucket(this.limits.perChatBurst, this.limits.perChatPerSecond, this.started);
      this.chats.set(chatId, bucket);
    }
    return bucket;
  }
  /** Milliseconds to wait before a message to `chatId` may go out. */
  waitFor(chatId: number): number {
    const now = this.now();
    return Math.max(this.global.waitFor(now), this.chat(chatId).waitFor(now));
  }
  globalWait(): number {
    return this.global.waitFor(this.now());
  }
  take(chatId: number): void {
    const now = this.now();
    this.global.take(now);
    this.chat(chatId).take(now);
    // Full buckets carry no information; dropping them keeps the map small in a big city.
    if (this.chats.size > 10_000) for (const [id, b] of this.chats) if (b.isFull(now)) this.chats.delete(id);
  }
}
