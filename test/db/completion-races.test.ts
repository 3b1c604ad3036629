import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { completeChat } from "../../src/services/chats/completion.js";
import { cancelChat } from "../../src/services/chats/ending.js";
import { creditsOf } from "../../src/services/ledger.js";
import { chooseOffer } from "../../src/services/requests/choosing.js";
import { acceptRequest } from "../../src/services/requests/offers.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { onBothDatabases } from "../support/databases.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two Complete taps at once — both sides, or one side twice — and a Complete racing a Cancel:
 * the fee moves once, one help badge is awarded, and the requester's credits never go negative.
 * On PostgreSQL the taps run on separate connections and interleave.
 */
const ROUNDS = 10;
const FEE = 7;
const PLACE = { latitude: 35, longitude: 129 };

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { MAX_OPEN_REQUESTS_PER_USER: "10" });

  /** A requester with FEE credits, a helper beside them, and the chat of their match. */
  async function matched(round: number) {
    const requesterId = 30_000 + round;
    const helperId = 40_000 + round;
    const now = deps.clock.now();
    await seedUser(kysely, { id: requesterId, alias: `Requester ${round}`, now });
    await seedUser(kysely, { id: helperId, alias: `Helper ${round}`, now });
    // Each round far from the others, so no helper hears of another round's request.
    const at = { latitude: PLACE.latitude + (round % 100) * 0.2, longitude: PLACE.longitude + Math.floor(round / 100) };
    await seedHelperRow(kysely, { userId: helperId, at, radiusKm: 5, now });
    await kysely
      .insertInto("credit_entries")
      .values({ user_id: requesterId, amount: FEE, reason: "admin", request_id: null, actor_id: null, note: null, created_at: now })
      .execute();
    const posted = await postRequest(deps, requesterId, {
      category: "repairs",
      description: "Lift.",
      place: at,
      validityMinutes: 30,
      fee: FEE,
    });
    if (!posted.ok) throw new Error(`posting failed: ${posted.reason}`);
    const offer = await acceptRequest(deps, helperId, posted.requestId, 10);
    if (!offer.ok) throw new Error(`offer failed: ${offer.reason}`);
    const chosen = await chooseOffer(deps, requesterId, offer.offerId);
    if (!chosen.ok) throw new Error(`choice failed: ${chosen.reason}`);
    const chat = await kysely.selectFrom("chats").select("id").where("request_id", "=", posted.requestId).executeTakeFirstOrThrow();
    return { requesterId, helperId, requestId: posted.requestId, chatId: Number(chat.id) };
  }

  /** What a round must leave, given whether it completed. */
  async function problems(m: Awaited<ReturnType<typeof matched>>, completed: boolean): Promise<string[]> {
    const found: string[] = [];
    const fees = await kysely.selectFrom("credit_entries").select(["user_id", "amount"]).where("request_id", "=", m.requestId).execute();
    const badges = await kysely.selectFrom("badge_entries").select("amount").where("user_id", "=", m.helperId).execute();
    const requester = await creditsOf(kysely, m.requesterId);
    const helper = await creditsOf(kysely, m.helperId);
    if (fees.length !== (completed ? 2 : 0)) found.push(`${fees.length} fee rows`);
    if (badges.length !== (completed ? 1 : 0)) found.push(`${badges.length} badges`);
    if (requester.balance < 0 || requester.available < 0) found.push(`requester at ${JSON.stringify(requester)}`);
    if (requester.available !== (completed ? 0 : FEE)) found.push(`requester can offer ${requester.available}`);
    if (helper.balance !== (completed ? FEE : 0)) found.push(`helper holds ${helper.balance}`);
    return found;
  }
  return { deps, matched, problems };
}

async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A | Error, B | Error]> {
  const settled = await Promise.allSettled([a(), b()]);
  const value = <T>(s: PromiseSettledResult<T>): T | Error => (s.status === "fulfilled" ? s.value : new Error(String(s.reason)));
  return [value(settled[0]), value(settled[1])];
}

const state = (r: Awaited<ReturnType<typeof completeChat>> | Error) =>
  r instanceof Error ? `threw: ${r.message}` : r.ok ? r.state : r.reason;

function raceSuite(open: () => Promise<Db>) {
  async function world() {
    return openWorld(await open());
  }

  it("both sides press Complete at once: one completes, the fee moves once, one badge", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const m = await w.matched(round);
      const [a, b] = await both(
        () => completeChat(w.deps, m.requesterId, m.chatId),
        () => completeChat(w.deps, m.helperId, m.chatId),
      );
      const states = [state(a), state(b)].sort().join();
      if (states !== "completed,waiting") found.push(`round ${round}: ${states}`);
      found.push(...(await w.problems(m, true)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });

  it("the helper confirmed; the requester taps twice at once: one completes, the other changes nothing", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 101; round <= 100 + ROUNDS; round++) {
      const m = await w.matched(round);
      await completeChat(w.deps, m.helperId, m.chatId);
      const [a, b] = await both(
        () => completeChat(w.deps, m.requesterId, m.chatId),
        () => completeChat(w.deps, m.requesterId, m.chatId),
      );
      const states = [state(a), state(b)].sort().join();
      if (states !== "completed,stale") found.push(`round ${round}: ${states}`);
      found.push(...(await w.problems(m, true)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });

  it("the last Complete and a Cancel at once: exactly one of them ends the chat", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 201; round <= 200 + ROUNDS; round++) {
      const m = await w.matched(round);
      await completeChat(w.deps, m.helperId, m.chatId);
      const [done, cancelled] = await both(
        () => completeChat(w.deps, m.requesterId, m.chatId),
        () => cancelChat(w.deps, m.helperId, m.chatId),
      );
      if (done instanceof Error || cancelled instanceof Error) {
        found.push(`round ${round}: threw`);
        continue;
      }
      const completed = done.ok && done.state === "completed";
      if (completed === cancelled.ok) found.push(`round ${round}: completed ${completed}, cancelled ${cancelled.ok}`);
      found.push(...(await w.problems(m, completed)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });
}

onBothDatabases("completion races", raceSuite);
