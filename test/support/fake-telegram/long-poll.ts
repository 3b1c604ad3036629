// getUpdates as a long poll: at most one may be waiting at a time, a waiting
// poll is answered as soon as an update arrives, and a poll whose client has
// disconnected is forgotten at once so a restarted bot can poll again.
import { ApiError, type Update } from "./types.js";
import { num } from "./methods/common.js";
import type { Params } from "./methods/common.js";
import { pollUntil } from "./waiting.js";
import type { World } from "./world.js";

interface ActivePoll {
  signal: AbortSignal;
  finish: (updates: Update[] | undefined) => void;
}

export class LongPoller {
  private active: ActivePoll | undefined;
  private closed = false;

  constructor(
    private readonly world: World,
    private readonly takeoverGraceMs: number,
  ) {}

  /** A getUpdates is currently waiting for updates. */
  get waiting(): boolean {
    return this.busy;
  }

  private get busy(): boolean {
    return this.active !== undefined && !this.active.signal.aborted;
  }

  /**
   * Resolves with the updates to return, or undefined when the client went
   * away first. Throws 409 when another poll is still genuinely pending.
   */
  async getUpdates(p: Params, signal: AbortSignal): Promise<Update[] | undefined> {
    if (this.busy) {
      // The old client's socket may be dead without the close event having
      // been processed yet (e.g. bot.stop() aborts and re-polls at once).
      await pollUntil(
        () => (this.busy ? undefined : true),
        this.takeoverGraceMs,
        () => "",
      ).catch(() => undefined);
      if (this.busy) {
        throw new ApiError(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
          "bot",
          "concurrent getUpdates",
        );
      }
    }
    const { updates } = this.world;
    updates.setAllowed(p.allowed_updates as string[] | undefined);
    updates.confirm(num(p, "offset"));
    const limit = Math.min(100, Math.max(1, num(p, "limit") ?? 100));
    const timeoutSec = Math.max(0, num(p, "timeout") ?? 0);
    const now = updates.take(limit);
    if (now.length > 0 || timeoutSec === 0 || this.closed || signal.aborted) return now;

    return new Promise<Update[] | undefined>((resolve) => {
      let settled = false;
      const finish = (result: Update[] | undefined): void => {
        if (settled) return;
        settled = true;
        unsubscribe();
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (this.active === poll) this.active = undefined;
        resolve(result);
      };
      const onAbort = (): void => finish(undefined);
      const unsubscribe = updates.onPush(() => {
        const batch = updates.take(limit);
        if (batch.length > 0) finish(batch);
      });
      const timer = setTimeout(() => finish([]), timeoutSec * 1000);
      const poll: ActivePoll = { signal, finish };
      this.active = poll;
      signal.addEventListener("abort", onAbort);
    });
  }

  /** Answers a waiting poll with nothing, so the bot sees a clean empty batch at shutdown. */
  close(): void {
    this.closed = true;
    this.active?.finish([]);
  }
}
