// Tests wait on the fake by polling its state with short real intervals:
// simpler and more robust than wiring events through every mutation.

export const POLL_INTERVAL_MS = 10;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the first non-undefined value of `probe`, or rejects with `explain()` after timeoutMs. */
export async function pollUntil<T>(probe: () => T | undefined, timeoutMs: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(explain());
    await sleep(POLL_INTERVAL_MS);
  }
}
