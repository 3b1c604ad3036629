import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { adjustCredits, creditsOf } from "../../src/services/ledger.js";
import { postRequest, type PostResult } from "../../src/services/requests/posting.js";
import { onBothDatabases } from "../support/databases.js";
import { ledgerProblems, seedCredits } from "../support/ledger.js";
import { seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two postings with a fee at once (a double tap, two chats), a posting and an admin's debit, or
 * twenty spends against one balance: the credits they count on are the same, so the account
 * never goes below zero and escrow holds exactly the fees of the postings that went through. On
 * PostgreSQL they run on separate connections and interleave; SQLite runs one transaction at a
 * time and proves the rule without interleaving.
 */
const ROUNDS = 20;
const ADMIN = 900_001;
const BALANCE = 20;
const FEE = 15;

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  // A limit that never gets in the way: only the credits decide here.
  const deps = serviceDeps(kysely, { ADMIN_IDS: String(ADMIN), MAX_OPEN_REQUESTS_PER_USER: "20" });
  await seedUser(kysely, { id: ADMIN, alias: "Admin", now: deps.clock.now() });

  /** A requester with BALANCE credits, on a spot of their own (no helpers anywhere). */
  async function requester(round: number, balance = BALANCE): Promise<number> {
    const id = 20_000 + round;
    await seedUser(kysely, { id, alias: `Requester ${round}`, now: deps.clock.now() });
    await seedCredits(kysely, { userId: id, amount: balance, now: deps.clock.now() });
    return id;
  }
  const post = (userId: number, fee = FEE) =>
    postRequest(deps, userId, {
      category: "repairs",
      description: "Carry a wardrobe.",
      place: { latitude: 35, longitude: 129 },
      validityMinutes: 30,
      fee,
    });

  /** What every round must leave: promised fees within the balance, and escrow holding exactly them. */
  async function overPromised(userId: number): Promise<string[]> {
    const { balance, reserved, available } = await creditsOf(kysely, userId);
    const open = await kysely
      .selectFrom("requests")
      .select("fee")
      .where("requester_id", "=", userId)
      .where("status", "=", "open")
      .execute();
    const promised = open.reduce((sum, r) => sum + r.fee, 0);
    const found = promised > balance ? [`${open.length} open requests promise ${promised} of ${balance} credits`] : [];
    if (reserved !== promised) found.push(`escrow holds ${reserved} for requests promising ${promised}`);
    if (available < 0) found.push(`the account is at ${available}`);
    return [...found, ...(await ledgerProblems(kysely))];
  }
  return { deps, kysely, requester, post, overPromised };
}

async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A | Error, B | Error]> {
  const settled = await Promise.allSettled([a(), b()]);
  const value = <T>(s: PromiseSettledResult<T>): T | Error => (s.status === "fulfilled" ? s.value : new Error(String(s.reason)));
  return [value(settled[0]), value(settled[1])];
}

const answer = (r: PostResult | Error) => (r instanceof Error ? `threw: ${r.message}` : r.ok ? "ok" : r.reason);

function raceSuite(open: () => Promise<Db>) {
  async function world() {
    return openWorld(await open());
  }

  it("two postings promising the same credits: one is posted, the other told what is left", async () => {
    const w = await world();
    const problems: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const userId = await w.requester(round);
      const [first, second] = await both(
        () => w.post(userId),
        () => w.post(userId),
      );
      const answers = [answer(first), answer(second)].sort();
      if (answers.join() !== "insufficient-credits,ok") problems.push(`round ${round}: answers ${answers.join(", ")}`);
      const refused = [first, second].find((r) => !(r instanceof Error) && !r.ok);
      if (
        refused &&
        !(refused instanceof Error) &&
        !refused.ok &&
        refused.reason === "insufficient-credits" &&
        refused.available !== BALANCE - FEE
      ) {
        problems.push(`round ${round}: the refusal said ${refused.available} available`);
      }
      problems.push(...(await w.overPromised(userId)).map((p) => `round ${round}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it("a posting and an admin's debit at once: never both, and the balance covers what is promised", async () => {
    const w = await world();
    const problems: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const userId = await w.requester(100 + round);
      const [posted, debited] = await both(
        () => w.post(userId),
        () => adjustCredits(w.deps, { adminId: ADMIN, userId, amount: -10, reason: "refund" }),
      );
      if (posted instanceof Error || debited instanceof Error) {
        problems.push(`round ${round}: threw`);
        continue;
      }
      if (posted.ok && debited.ok) problems.push(`round ${round}: both the fee and the debit went through`);
      if (!posted.ok && !debited.ok) problems.push(`round ${round}: both refused (${posted.reason}, ${debited.reason})`);
      problems.push(...(await w.overPromised(userId)).map((p) => `round ${round}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it("twenty spends at once, postings with fees and admin debits, against one balance: never below zero", async () => {
    const w = await world();
    const START = 100;
    const POSTING_FEE = 15;
    const DEBIT = 10;
    const userId = await w.requester(500, START);
    const spends = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? w.post(userId, POSTING_FEE).then((r) => ({ kind: "posting" as const, ok: r.ok }))
        : adjustCredits(w.deps, { adminId: ADMIN, userId, amount: -DEBIT, reason: `debit ${i}` }).then((r) => ({
            kind: "debit" as const,
            ok: r.ok,
          })),
    );
    const results = await Promise.all(spends);
    const posted = results.filter((r) => r.kind === "posting" && r.ok).length;
    const debited = results.filter((r) => r.kind === "debit" && r.ok).length;
    const credits = await creditsOf(w.kysely, userId);
    expect(credits).toEqual({
      available: START - posted * POSTING_FEE - debited * DEBIT,
      reserved: posted * POSTING_FEE,
      balance: START - debited * DEBIT,
    });
    expect(credits.available).toBeGreaterThanOrEqual(0);
    // Each refusal saw less than it asked for, and credits only went down afterwards.
    if (results.some((r) => r.kind === "posting" && !r.ok)) expect(credits.available).toBeLessThan(POSTING_FEE);
    if (results.some((r) => r.kind === "debit" && !r.ok)) expect(credits.available).toBeLessThan(DEBIT);
    expect(posted + debited).toBeGreaterThan(0);
    expect(await w.overPromised(userId)).toEqual([]);
  });
}

onBothDatabases("fee reservations", raceSuite);
