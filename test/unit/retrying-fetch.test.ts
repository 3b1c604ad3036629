import { Response } from "node-fetch";
import type nodeFetch from "node-fetch";
import { describe, expect, it } from "vitest";
import { retryingFetch } from "../../src/telegram/retrying-fetch.js";

/** A transport that answers from a script, and records what was asked and how long the caller waited. */
function scripted(answers: (Response | Error)[]) {
  const calls: unknown[] = [];
  const waits: number[] = [];
  const base = (async (_url: unknown, init?: { body?: unknown }) => {
    calls.push(init?.body);
    const next = answers.shift()!;
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof nodeFetch;
  const fetch = retryingFetch({ maxRetryAttempts: 3, maxDelaySeconds: 30 }, base, async (ms) => void waits.push(ms));
  return { fetch, calls, waits };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe("retrying fetch", () => {
  it("waits out a 429 for as long as Telegram says, then returns the answer", async () => {
    const t = scripted([json(429, { ok: false, error_code: 429, parameters: { retry_after: 2 } }), json(200, { ok: true, result: 1 })]);
    const response = await t.fetch("http://x/sendMessage", { method: "POST", body: "{}" });
    expect(await response.json()).toEqual({ ok: true, result: 1 });
    expect(t.waits).toEqual([2000]);
  });

  it("retries network failures and 5xx a bounded number of times, then gives up", async () => {
    const t = scripted([new Error("socket hang up"), json(502, {}), new Error("reset"), json(500, { ok: false })]);
    const response = await t.fetch("http://x/getMe", { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(t.calls).toHaveLength(4);
    expect(t.waits).toEqual([250, 500, 1000]);
  });

  it("hands back a 429 that asks for longer than allowed, and never repeats an upload", async () => {
    const long = scripted([json(429, { ok: false, parameters: { retry_after: 600 } })]);
    expect((await long.fetch("http://x/sendMessage", { method: "POST", body: "{}" })).status).toBe(429);
    expect(long.waits).toEqual([]);
    const upload = scripted([new Error("reset")]);
    const stream = { pipe: () => undefined } as unknown as NodeJS.ReadableStream;
    await expect(upload.fetch("http://x/sendPhoto", { method: "POST", body: stream })).rejects.toThrow("reset");
    expect(upload.calls).toHaveLength(1);
  });
});
