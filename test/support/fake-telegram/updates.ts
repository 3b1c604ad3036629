// The bot's update queue as getUpdates sees it: ids only grow, an update stays
// until a later offset confirms it, and allowed_updates is sticky between calls.
import type { Update } from "./types.js";

export const ALL_UPDATE_TYPES = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
  "guest_message",
  "message_reaction",
  "message_reaction_count",
  "inline_query",
  "chosen_inline_result",
  "callback_query",
  "shipping_query",
  "pre_checkout_query",
  "purchased_paid_media",
  "poll",
  "poll_answer",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "chat_boost",
  "removed_chat_boost",
  "managed_bot",
];

// Telegram's default when allowed_updates is empty or was never set.
const DEFAULT_EXCLUDED = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateType(u: Update): string {
  return Object.keys(u).find((k) => k !== "update_id") ?? "unknown";
}

export class UpdateQueue {
  private pending: Update[] = [];
  /** Updates handed out before, to be handed out once more whatever the offset says. */
  private again: Update[] = [];
  private readonly handedOut = new Map<number, Update>();
  // Telegram's ids start at an arbitrary large number; so do ours.
  private nextId = 700_000_001;
  private allowed: Set<string> | undefined;
  private readonly listeners = new Set<() => void>();

  push(payload: Record<string, unknown>): Update {
    const update = { update_id: this.nextId++, ...payload } as Update;
    this.pending.push(update);
    for (const l of [...this.listeners]) l();
    return update;
  }

  /** Called when the long poll should re-check the queue. Returns an unsubscribe function. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setAllowed(types: string[] | undefined): void {
    if (types === undefined) return;
    this.allowed = types.length === 0 ? undefined : new Set(types);
  }

  private isAllowed(u: Update): boolean {
    const t = updateType(u);
    return this.allowed ? this.allowed.has(t) : !DEFAULT_EXCLUDED.has(t);
  }

  /** Applies getUpdates' offset: everything below it is confirmed and forgotten. */
  confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) {
      this.pending = this.pending.slice(offset);
      return;
    }
    this.pending = this.pending.filter((u) => u.update_id >= offset);
  }

  /** Updates to hand out now; updates of types the bot opted out of are dropped, as Telegram does. */
  take(limit: number): Update[] {
    this.pending = this.pending.filter((u) => this.isAllowed(u));
    const batch = [...this.again.splice(0), ...this.pending].slice(0, limit);
    for (const u of batch) this.handedOut.set(u.update_id, u);
    return batch;
  }

  /**
   * Telegram delivering an update a second time (as after a lost confirmation): the next poll
   * carries it again, whatever its offset.
   */
  redeliver(updateId: number): void {
    const update = this.handedOut.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never handed out`);
    this.again.push(update);
    for (const l of [...this.listeners]) l();
  }

  /** The id of the newest update handed out to the bot. */
  get lastHandedOut(): number | undefined {
    return [...this.handedOut.keys()].pop();
  }

  clear(): void {
    this.pending = [];
  }

  /** Updates not yet confirmed by the bot, i.e. possibly not processed. */
  get unconfirmed(): number {
    return this.again.length + this.pending.filter((u) => this.isAllowed(u)).length;
  }
}
