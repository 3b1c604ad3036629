/** Bounded, so a long outage surfaces as an error instead of a handler stuck for minutes. */
export const RETRY_OPTIONS = { maxRetryAttempts: 3, maxDelaySeconds: 30 };
