import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { addKind, fulfilVoucher } from "../../src/services/vouchers/admin.js";
import { claimByCode, giveVoucher, takeBackOffer } from "../../src/services/vouchers/giving.js";
import { issueVoucherByHand } from "../../src/services/vouchers/issuing.js";
import { onBothDatabases } from "../support/databases.js";
import { seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * A claim link reaches two people who press Claim at the same moment: one holds the voucher, the
 * other hears it was already claimed. On PostgreSQL the two run on separate connections and interleave.
 */
const ROUNDS = 10;
const ADMIN = 999;
const OTHER_ADMIN = 998;

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { ADMIN_IDS: `${ADMIN},${OTHER_ADMIN}` });
  const kindId = (await addKind(deps, ADMIN, "Cinema ticket"))!;

  /** A giver holding a voucher offered by link, and two would-be claimers. */
  async function offered(round: number) {
    const [giverId, firstId, secondId] = [70_000 + round, 80_000 + round, 90_000 + round];
    const now = deps.clock.now();
    for (const [id, alias] of [
      [giverId, `Giver ${round}`],
      [firstId, `First ${round}`],
      [secondId, `Second ${round}`],
    ] as const)
      await seedUser(kysely, { id, alias, now });
    const issued = await issueVoucherByHand(deps, { adminId: ADMIN, userId: giverId, kindId, reason: "a prize" });
    if (!issued.ok) throw new Error(`issue failed: ${issued.reason}`);
    const given = await giveVoucher(deps, giverId, issued.voucher.id);
    if (!given.ok) throw new Error("give failed");
    return { giverId, firstId, secondId, voucherId: issued.voucher.id, code: given.code };
  }

  /** One holder, held, no live code, one claimed event naming the winner; the giver told once. */
  async function problems(o: Awaited<ReturnType<typeof offered>>, winnerId: number): Promise<string[]> {
    const found: string[] = [];
    const voucher = await kysely.selectFrom("vouchers").selectAll().where("id", "=", o.voucherId).executeTakeFirstOrThrow();
    if (Number(voucher.holder_id) !== winnerId) found.push(`held by ${voucher.holder_id}, not ${winnerId}`);
    if (voucher.state !== "held") found.push(`state ${voucher.state}`);
    if (voucher.code_hash !== null) found.push("a live code is left");
    const claims = await kysely
      .selectFrom("voucher_events")
      .select(["actor_id", "user_id"])
      .where("voucher_id", "=", o.voucherId)
      .where("event", "=", "claimed")
      .execute();
    if (claims.length !== 1 || Number(claims[0]!.actor_id) !== winnerId || Number(claims[0]!.user_id) !== o.giverId)
      found.push(`claims ${JSON.stringify(claims)}`);
    const told = await kysely
      .selectFrom("outbox")
      .select("payload")
      .where("chat_id", "=", o.giverId)
      .where("payload", "like", "%claimed your voucher%")
      .execute();
    if (told.length !== 1) found.push(`giver told ${told.length} times`);
    return found;
  }
  return { deps, offered, problems };
}

async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A | Error, B | Error]> {
  const settled = await Promise.allSettled([a(), b()]);
  const value = <T>(s: PromiseSettledResult<T>): T | Error => (s.status === "fulfilled" ? s.value : new Error(String(s.reason)));
  return [value(settled[0]), value(settled[1])];
}

const outcome = (r: { ok: true } | { ok: false; reason: string } | Error) =>
  r instanceof Error ? `threw: ${r.message}` : r.ok ? "holds it" : r.reason === "claimed" ? "already claimed" : r.reason;

function raceSuite(open: () => Promise<Db>) {
  it("two claims of one link at once: one holder each round, the other told it was already claimed", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const o = await w.offered(round);
      const [first, second] = await both(
        () => claimByCode(w.deps, o.firstId, o.voucherId, o.code),
        () => claimByCode(w.deps, o.secondId, o.voucherId, o.code),
      );
      // The loser hears why as if they had opened the link now: it was claimed.
      const outcomes = [outcome(first), outcome(second)].sort().join();
      if (outcomes !== "already claimed,holds it") found.push(`round ${round}: ${outcomes}`);
      const winner = !(first instanceof Error) && first.ok ? o.firstId : o.secondId;
      found.push(...(await w.problems(o, winner)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });

  it("a claim and the giver taking the offer back at once: either the claimer holds it or the link is dead, never both", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 101; round <= 100 + ROUNDS; round++) {
      const o = await w.offered(round);
      const [claim, back] = await both(
        () => claimByCode(w.deps, o.firstId, o.voucherId, o.code),
        () => takeBackOffer(w.deps, o.giverId, o.voucherId),
      );
      if (claim instanceof Error || back instanceof Error) {
        found.push(`round ${round}: threw`);
        continue;
      }
      if (claim.ok === back) found.push(`round ${round}: claimed ${claim.ok}, taken back ${back}`);
      if (claim.ok) found.push(...(await w.problems(o, o.firstId)).map((p) => `round ${round}: ${p}`));
      else {
        if (claim.reason !== "withdrawn") found.push(`round ${round}: claim refused as ${claim.reason}`);
        const voucher = await w.deps.db.selectFrom("vouchers").selectAll().where("id", "=", o.voucherId).executeTakeFirstOrThrow();
        if (Number(voucher.holder_id) !== o.giverId || voucher.state !== "held" || voucher.code_hash !== null)
          found.push(`round ${round}: ${voucher.state} by ${voucher.holder_id}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("two admins mark one offered voucher fulfilled at once: fulfilled once, one audit row, the holder told once, the link dead", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 201; round <= 200 + ROUNDS; round++) {
      const o = await w.offered(round);
      const [a, b] = await both(
        () => fulfilVoucher(w.deps, ADMIN, o.voucherId),
        () => fulfilVoucher(w.deps, OTHER_ADMIN, o.voucherId),
      );
      if (a instanceof Error || b instanceof Error || a === b) found.push(`round ${round}: ${String(a)}, ${String(b)}`);
      const db = w.deps.db;
      const voucher = await db.selectFrom("vouchers").selectAll().where("id", "=", o.voucherId).executeTakeFirstOrThrow();
      if (voucher.state !== "fulfilled" || voucher.code_hash !== null) found.push(`round ${round}: ${voucher.state}`);
      const audits = await db
        .selectFrom("admin_audit")
        .select("id")
        .where("action", "=", "voucher.fulfil")
        .where("subject_id", "=", o.giverId)
        .execute();
      if (audits.length !== 1) found.push(`round ${round}: ${audits.length} audit rows`);
      const told = await db
        .selectFrom("outbox")
        .select("id")
        .where("chat_id", "=", o.giverId)
        .where("payload", "like", "%marked fulfilled%")
        .execute();
      if (told.length !== 1) found.push(`round ${round}: told ${told.length} times`);
      const claim = await claimByCode(w.deps, o.firstId, o.voucherId, o.code);
      if (claim.ok || claim.reason !== "used") found.push(`round ${round}: the link after fulfilment: ${JSON.stringify(claim)}`);
    }
    expect(found).toEqual([]);
  });
}

onBothDatabases("a voucher is claimed once", raceSuite);
