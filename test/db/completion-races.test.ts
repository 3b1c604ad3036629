import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { completeChat } from "../../src/services/chats/completion.js";
import { answerHelperCame, cancelChat } from "../../src/services/chats/ending.js";
import { creditsOf } from "../../src/services/ledger.js";
import { chooseOffer } from "../../src/services/requests/choosing.js";
import { acceptRequest } from "../../src/services/requests/offers.js";
import { cancelRequest, expireRequest } from "../../src/services/requests/closing.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { inUnitOfWork } from "../../src/services/unit-of-work.js";
import { onBothDatabases } from "../support/databases.js";
import { ledgerProblems, seedCredits } from "../support/ledger.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two Complete taps at once — both sides, or one side twice — a Complete racing a Cancel and a
 * no-show answer, and a requester's cancel racing the expiry: the fee's hold settles once (paid
 * minus the share, or returned), one help badge is awarded at most, and no account goes negative.
 * On PostgreSQL the taps run on separate connections and interleave.
 */
const ROUNDS = 10;
const FEE = 20;
/** 10 % of the fee, the default platform share. */
const SHARE = 2;
const PLACE = { latitude: 35, longitude: 129 };

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { MAX_OPEN_REQUESTS_PER_USER: "10" });

  /** A requester with FEE credits, a helper beside them, and the chat of their match. */
  async function posted(round: number) {
    const requesterId = 30_000 + round;
    const helperId = 40_000 + round;
    const now = deps.clock.now();
    await seedUser(kysely, { id: requesterId, alias: `Requester ${round}`, now });
    await seedUser(kysely, { id: helperId, alias: `Helper ${round}`, now });
    // Each round far from the others, so no helper hears of another round's request.
    const at = { latitude: PLACE.latitude + (round % 100) * 0.2, longitude: PLACE.longitude + Math.floor(round / 100) };
    await seedHelperRow(kysely, { userId: helperId, at, radiusKm: 5, now });
    await seedCredits(kysely, { userId: requesterId, amount: FEE, now });
    const posted = await postRequest(deps, requesterId, {
      category: "repairs",
      description: "Lift.",
      place: at,
      validityMinutes: 30,
      fee: FEE,
    });
    if (!posted.ok) throw new Error(`posting failed: ${posted.reason}`);
    return { requesterId, helperId, requestId: posted.requestId };
  }

  async function matched(round: number) {
    const { requesterId, helperId, requestId } = await posted(round);
    const offer = await acceptRequest(deps, helperId, requestId, 10);
    if (!offer.ok) throw new Error(`offer failed: ${offer.reason}`);
    const chosen = await chooseOffer(deps, requesterId, offer.offerId);
    if (!chosen.ok) throw new Error(`choice failed: ${chosen.reason}`);
    const chat = await kysely.selectFrom("chats").select("id").where("request_id", "=", requestId).executeTakeFirstOrThrow();
    return { requesterId, helperId, requestId, chatId: Number(chat.id) };
  }

  /** What a round must leave, given whether it completed. */
  async function problems(m: { requesterId: number; helperId: number; requestId: number }, completed: boolean): Promise<string[]> {
    const found: string[] = [];
    const rows = await kysely
      .selectFrom("ledger_entries")
      .select(["account", "reason", "amount"])
      .where("subject", "=", `request:${m.requestId}`)
      .orderBy("id")
      .execute();
    const settled = rows.filter((r) => r.reason === "fee-settled").length;
    const pool = rows.filter((r) => r.account === "donation-pool").reduce((sum, r) => sum + Number(r.amount), 0);
    const badges = await kysely
      .selectFrom("badge_entries")
      .select("amount")
      .where("user_id", "=", m.helperId)
      .where("kind", "=", "help")
      .execute();
    const requester = await creditsOf(kysely, m.requesterId);
    const helper = await creditsOf(kysely, m.helperId);
    if (settled !== 1) found.push(`the hold settled ${settled} times`);
    if (badges.length !== (completed ? 1 : 0)) found.push(`${badges.length} help badges`);
    if (requester.balance < 0 || requester.available < 0) found.push(`requester at ${JSON.stringify(requester)}`);
    if (requester.reserved !== 0) found.push(`requester still has ${requester.reserved} held`);
    if (requester.available !== (completed ? 0 : FEE)) found.push(`requester can offer ${requester.available}`);
    if (helper.balance !== (completed ? FEE - SHARE : 0)) found.push(`helper holds ${helper.balance}`);
    if (pool !== (completed ? SHARE : 0)) found.push(`the pool got ${pool}`);
    found.push(...(await ledgerProblems(kysely)));
    return found;
  }
  return { deps, posted, matched, problems };
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

  it("the last Complete, the helper's Cancel and a no-show answer at once: the hold settles once", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 301; round <= 300 + ROUNDS; round++) {
      const m = await w.matched(round);
      await completeChat(w.deps, m.helperId, m.chatId);
      const [done, cancelled, noShow] = await Promise.all([
        completeChat(w.deps, m.requesterId, m.chatId),
        cancelChat(w.deps, m.helperId, m.chatId),
        answerHelperCame(w.deps, m.requesterId, m.chatId, false),
      ]);
      const completed = done.ok && done.state === "completed";
      const ended = [completed, cancelled.ok, noShow.ok].filter(Boolean).length;
      if (ended !== 1) found.push(`round ${round}: ${ended} of them ended the chat`);
      found.push(...(await w.problems(m, completed)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });

  it("the requester's cancel and the expiry at once: the fee comes back once", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 401; round <= 400 + ROUNDS; round++) {
      const p = await w.posted(round);
      const [cancelled] = await both(
        () => cancelRequest(w.deps, p.requesterId, p.requestId),
        () => inUnitOfWork(w.deps, (uow) => expireRequest(w.deps, uow, p.requestId)),
      );
      if (cancelled instanceof Error) found.push(`round ${round}: threw`);
      found.push(...(await w.problems(p, false)).map((problem) => `round ${round}: ${problem}`));
    }
    expect(found).toEqual([]);
  });
}

onBothDatabases("completion races", raceSuite);
