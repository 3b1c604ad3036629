import nodeFetch, { type RequestInfo, type RequestInit, type Response } from "node-fetch";

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetryAttempts: number;
  /** A 429 asking for a longer wait is handed back rather than waited for. */
  maxDelaySeconds: number;
}

/** Bounded, so a long outage surfaces as an error instead of a handler stuck for minutes. */
export const RETRY_OPTIONS: RetryOptions = { maxRetryAttempts: 3, maxDelaySeconds: 30 };

type Pause = (ms: number, signal?: RequestInit["signal"]) => Promise<void>;

const pause: Pause = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

const backoffMs = (attempt: number) => 250 * 2 ** attempt;

async function retryAfterMs(response: Response): Promise<number> {
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { parameters?: { retry_after?: number } } | undefined;
  return (body?.parameters?.retry_after ?? 1) * 1000;
}

/**
 * Retries at the transport, under everything that records calls: a scene logs each Bot API call
 * so it can replay it, and a retry above that log would be logged as a failure and waited for
 * again on every replay. Retries network failures (the call may have been applied: Telegram's
 * answers to a repeat are treated as done elsewhere), 5xx and 429 with its `retry_after`.
 * A body that is not a string (an upload) cannot be sent twice and is not retried.
 */
export function retryingFetch(
  options: RetryOptions = RETRY_OPTIONS,
  base: typeof nodeFetch = nodeFetch,
  wait: Pause = pause,
): typeof nodeFetch {
  const retrying = async (url: RequestInfo, init?: RequestInit): Promise<Response> => {
    const repeatable = init?.body === undefined || typeof init.body === "string";
    for (let attempt = 0; ; attempt++) {
      const last = !repeatable || attempt >= options.maxRetryAttempts;
      let response: Response;
      try {
        response = await base(url, init);
      } catch (error) {
        if (last || init?.signal?.aborted) throw error;
        await wait(backoffMs(attempt), init?.signal);
        continue;
      }
      if (last || !(response.status === 429 || response.status >= 500)) return response;
      const delay = response.status === 429 ? await retryAfterMs(response) : backoffMs(attempt);
      if (delay > options.maxDelaySeconds * 1000) return response;
      await wait(delay, init?.signal);
    }
  };
  // grammY asks for node-fetch itself; its helpers (Headers, isRedirect…) come along unchanged.
  return Object.assign(retrying, base);
}
