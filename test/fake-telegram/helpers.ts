// Raw HTTP access to the fake, the way a bot would talk to Telegram.
import type { FakeTelegram, TgResponse, Update } from "../support/fake-telegram/index.js";

export type Call = (method: string, params?: Record<string, unknown>, init?: { signal?: AbortSignal }) => Promise<TgResponse>;

export function apiOf(fake: FakeTelegram, token = fake.token): Call {
  return async (method, params = {}, init = {}) => {
    const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const body = (await res.json()) as TgResponse;
    // Telegram mirrors error_code in the HTTP status; keep the fake honest about it.
    if (body.ok !== (res.status === 200) || (!body.ok && body.error_code !== res.status)) {
      throw new Error(`HTTP status ${res.status} does not match envelope ${JSON.stringify(body)}`);
    }
    return body;
  };
}

/** Drains the update queue (confirming everything) and returns what was pending. */
export async function drainUpdates(call: Call): Promise<Update[]> {
  const first = await call("getUpdates", { timeout: 0 });
  const updates = (first.result as Update[]) ?? [];
  const last = updates[updates.length - 1];
  if (last) await call("getUpdates", { offset: last.update_id + 1, timeout: 0 });
  return updates;
}
