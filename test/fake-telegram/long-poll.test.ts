import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type Update } from "../support/fake-telegram/index.js";
import { apiOf } from "./helpers.js";

describe("fake Telegram: getUpdates long polling", () => {
  let fake: FakeTelegram;
  afterEach(async () => {
    await fake.close();
  });

  it("delivers an update that arrives while getUpdates is pending", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "ko" });
    const started = Date.now();
    const poll = call("getUpdates", { timeout: 10 });
    await new Promise((r) => setTimeout(r, 100));
    await alice.command("start", "ref_42");
    const res = await poll;
    expect(Date.now() - started).toBeLessThan(3000);
    const updates = res.result as Update[];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toMatchObject({
      text: "/start ref_42",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
      from: { id: alice.id, is_bot: false, first_name: "Alice", language_code: "ko" },
      chat: { id: alice.id, type: "private", first_name: "Alice" },
    });
  });

  it("returns an empty batch when the timeout passes, and confirms updates by offset", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const t0 = Date.now();
    expect((await call("getUpdates", { timeout: 1 })).result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);

    await alice.send("one");
    await alice.send("two");
    await alice.send("three");
    const first = (await call("getUpdates", { limit: 2 })).result as Update[];
    expect(first.map((u) => (u.message as { text: string }).text)).toEqual(["one", "two"]);
    // Not confirmed yet: asking again returns the same updates.
    expect(((await call("getUpdates", {})).result as Update[])[0]?.update_id).toBe(first[0]?.update_id);
    const next = (await call("getUpdates", { offset: (first[1]?.update_id ?? 0) + 1 })).result as Update[];
    expect(next.map((u) => (u.message as { text: string }).text)).toEqual(["three"]);
    expect(fake.pendingUpdates).toBe(1);
    await call("getUpdates", { offset: (next[0]?.update_id ?? 0) + 1 });
    expect(fake.pendingUpdates).toBe(0);
  });

  it("does not answer 409 after the previous poller was killed", async () => {
    // No grace period: only noticing the closed socket can prevent the 409.
    fake = await startFakeTelegram({ pollTakeoverGraceMs: 0 });
    const call = apiOf(fake);
    const killed = new AbortController();
    const doomed = call("getUpdates", { timeout: 20 }, { signal: killed.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    killed.abort();
    expect(await doomed).toBeInstanceOf(Error);
    await new Promise((r) => setTimeout(r, 20));
    // The restarted bot polls right away and is not told about a conflict.
    const res = await call("getUpdates", { timeout: 0 });
    expect(res).toEqual({ ok: true, result: [] });
    expect(fake.violations).toEqual([]);
    const polls = fake.callsTo("getUpdates");
    expect(polls.map((c) => c.response?.ok ?? "client gone")).toEqual(["client gone", true]);
  });

  it("answers 409 to a second getUpdates while the first is still waiting", async () => {
    fake = await startFakeTelegram({ pollTakeoverGraceMs: 50 });
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    const first = call("getUpdates", { timeout: 5 });
    await new Promise((r) => setTimeout(r, 100));
    const second = await call("getUpdates", { timeout: 5 });
    expect(second).toEqual({
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    expect(fake.violations.map((v) => v.rule)).toEqual(["concurrent getUpdates"]);
    await alice.send("still here");
    expect(((await first).result as Update[]).length).toBe(1);
  });

  it("respects allowed_updates and keeps the setting for later calls", async () => {
    fake = await startFakeTelegram();
    const call = apiOf(fake);
    const alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
    await call("sendMessage", {
      chat_id: alice.id,
      text: "pick",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    await alice.send("ignored");
    await alice.press("A");
    const only = (await call("getUpdates", { allowed_updates: ["callback_query"] })).result as Update[];
    expect(only.map((u) => Object.keys(u).filter((k) => k !== "update_id"))).toEqual([["callback_query"]]);
    await alice.send("dropped too");
    expect((await call("getUpdates", { offset: (only[0]?.update_id ?? 0) + 1 })).result).toEqual([]);
    await call("getUpdates", { allowed_updates: [] });
    await alice.send("back to default");
    const after = (await call("getUpdates", {})).result as Update[];
    expect(after.map((u) => (u.message as { text: string }).text)).toEqual(["back to default"]);
  });
});
