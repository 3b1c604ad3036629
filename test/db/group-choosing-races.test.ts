import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { completeChat } from "../../src/services/chats/completion.js";
import { chooseOffer, startWithChosen } from "../../src/services/requests/choosing.js";
import { acceptRequest } from "../../src/services/requests/offers.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { onBothDatabases } from "../support/databases.js";
import { ledgerProblems, seedCredits } from "../support/ledger.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * A request for three helpers with five offers: the requester's five choices at once fill exactly
 * three places, the other two offers are declined, and the request closes to others once. Then
 * the three chats complete at once: the fee settles once, split 4 + 3 + 3. On PostgreSQL the taps
 * run on separate connections and interleave.
 */
const ROUNDS = 5;
const FEE = 10;
const PLACES = 3;
const OFFERS = 5;
const PLACE = { latitude: 35, longitude: 129 };

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { MAX_OPEN_REQUESTS_PER_USER: "10", PLATFORM_SHARE_PERCENT: "0" });

  /** A request for three helpers, far from every other round's, with an offer from each of five helpers. */
  async function offered(round: number) {
    const requesterId = 50_000 + round;
    const helperIds = Array.from({ length: OFFERS }, (_, i) => 60_000 + round * 10 + i);
    const now = deps.clock.now();
    const at = { latitude: PLACE.latitude + round * 0.2, longitude: PLACE.longitude };
    await seedUser(kysely, { id: requesterId, alias: `Requester ${round}`, now });
    for (const helperId of helperIds) {
      await seedUser(kysely, { id: helperId, alias: `Helper ${helperId}`, now });
      await seedHelperRow(kysely, { userId: helperId, at, radiusKm: 5, now });
    }
    await seedCredits(kysely, { userId: requesterId, amount: FEE, now });
    const draft = { category: "repairs", description: "Move a piano.", place: at, validityMinutes: 30, fee: FEE, helpersWanted: PLACES };
    const posted = await postRequest(deps, requesterId, draft);
    if (!posted.ok) throw new Error(`posting failed: ${posted.reason}`);
    const offerIds: number[] = [];
    for (const helperId of helperIds) {
      const offer = await acceptRequest(deps, helperId, posted.requestId, 10);
      if (!offer.ok) throw new Error(`offer failed: ${offer.reason}`);
      offerIds.push(offer.offerId);
    }
    return { requesterId, requestId: posted.requestId, offerIds };
  }

  async function requestState(requestId: number) {
    const request = await kysely.selectFrom("requests").select("status").where("id", "=", requestId).executeTakeFirstOrThrow();
    const chats = await kysely.selectFrom("chats").select(["id", "helper_id"]).where("request_id", "=", requestId).orderBy("id").execute();
    const offers = await kysely.selectFrom("offers").select("status").where("request_id", "=", requestId).execute();
    return {
      status: request.status,
      chats: chats.map((c) => ({ id: Number(c.id), helperId: Number(c.helper_id) })),
      offers: offers.map((o) => o.status).sort(),
    };
  }
  return { deps, offered, requestState };
}

function raceSuite(open: () => Promise<Db>) {
  it("five choices at once for three places: exactly three win, the others are declined", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { requesterId, requestId, offerIds } = await w.offered(round);
      const results = await Promise.allSettled(offerIds.map((offerId) => chooseOffer(w.deps, requesterId, offerId)));
      const won = results.filter((r) => r.status === "fulfilled" && r.value.ok).length;
      const threw = results.filter((r) => r.status === "rejected").length;
      if (won !== PLACES || threw > 0) found.push(`round ${round}: ${won} chosen, ${threw} threw`);
      const state = await w.requestState(requestId);
      if (state.status !== "matched") found.push(`round ${round}: request ${state.status}`);
      if (state.chats.length !== PLACES) found.push(`round ${round}: ${state.chats.length} chats`);
      if (state.offers.join() !== "chosen,chosen,chosen,declined,declined") found.push(`round ${round}: offers ${state.offers.join()}`);
      // A late "start with these" finds the places filled and changes nothing.
      if ((await startWithChosen(w.deps, requesterId, requestId)).ok) found.push(`round ${round}: started after filling`);
    }
    expect(found).toEqual([]);
  });

  it("the three chats complete at once: the request completes once and the fee of 10 splits 4 + 3 + 3", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 101; round <= 100 + ROUNDS; round++) {
      const { requesterId, requestId, offerIds } = await w.offered(round);
      for (const offerId of offerIds.slice(0, PLACES)) await chooseOffer(w.deps, requesterId, offerId);
      const { chats } = await w.requestState(requestId);
      for (const chat of chats) await completeChat(w.deps, chat.helperId, chat.id);
      await Promise.allSettled(chats.map((chat) => completeChat(w.deps, requesterId, chat.id)));
      const state = await w.requestState(requestId);
      if (state.status !== "completed") found.push(`round ${round}: request ${state.status}`);
      const rows = await w.deps.db
        .selectFrom("ledger_entries")
        .select(["account", "amount", "reason"])
        .where("subject", "=", `request:${requestId}`)
        .where("reason", "=", "fee-received")
        .orderBy("account")
        .execute();
      const received = new Map(rows.map((r) => [r.account, Number(r.amount)]));
      const expected = chats.map((c, i) => [`user:${c.helperId}`, i === 0 ? 4 : 3] as const);
      for (const [account, amount] of expected) {
        if (received.get(account) !== amount) found.push(`round ${round}: ${account} received ${received.get(account)}`);
      }
      found.push(...(await ledgerProblems(w.deps.db)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });
}

onBothDatabases("choosing several helpers under concurrent taps", raceSuite);
