import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createBoard, donate, type DonationResult } from "../../src/services/boards.js";
import { postgresUrl, tempPostgresUrl, tempSqliteUrl } from "../support/databases.js";
import { accountBalances, ledgerProblems } from "../support/ledger.js";
import { seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two users donating the last badges of a board at once, one user donating all they have to two
 * boards at once, and gifts to many boards drawing on a small donation pool: the goal is reached
 * once and never passed, nobody gives badges they do not have, and the pool backs gifts only as
 * far as it holds. On PostgreSQL the donations run on separate connections and interleave.
 */
const ROUNDS = 10;
const ADMIN = 1;

type Opened = { db: Db; cleanup(): Promise<void> };

async function openWorld(opened: Opened) {
  const { kysely } = opened.db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { ADMIN_IDS: String(ADMIN) });
  const now = deps.clock.now();
  await seedUser(kysely, { id: ADMIN, alias: "Admin", now });

  /** A user holding `help` help badges. */
  async function donor(id: number, help: number) {
    await seedUser(kysely, { id, alias: `Donor ${id}`, now });
    for (let chat = 1; chat <= help; chat++)
      await kysely
        .insertInto("badge_entries")
        .values({ user_id: id, kind: "help", amount: 1, reason: "completed", subject_id: id * 100 + chat, created_at: now })
        .execute();
  }
  const board = (goal: number, title = "Winter") =>
    createBoard(deps, ADMIN, { organisation: "Sunshine Home", title, needed: "Blankets", goal, photoFileId: null });
  const raised = async (boardId: number) =>
    kysely.selectFrom("boards").select(["raised", "status"]).where("id", "=", boardId).executeTakeFirstOrThrow();
  const helpOf = async (userId: number) =>
    Number(
      (
        await kysely
          .selectFrom("badge_entries")
          .select((eb) => eb.fn.sum<number>("amount").as("n"))
          .where("user_id", "=", userId)
          .where("kind", "=", "help")
          .executeTakeFirst()
      )?.n ?? 0,
    );
  /** Who was told the board reached its goal, one entry per message. */
  const toldOfGoal = async (boardTitle: string) =>
    (await kysely.selectFrom("outbox").select(["chat_id", "payload"]).execute())
      .filter((m) => m.payload.includes(`${boardTitle}”`))
      .map((m) => Number(m.chat_id))
      .sort();
  /** Credits in the donation pool, as the platform share of completed fees would leave them. */
  const fillPool = (credits: number) =>
    kysely
      .insertInto("ledger_entries")
      .values([
        {
          account: "donation-pool",
          amount: credits,
          reason: "platform-share",
          subject: "request:0",
          actor_id: null,
          note: null,
          created_at: now,
        },
        {
          account: "grants",
          amount: -credits,
          reason: "platform-share",
          subject: "request:0",
          actor_id: null,
          note: null,
          created_at: now,
        },
      ])
      .execute();
  return { deps, kysely, donor, board, raised, helpOf, toldOfGoal, fillPool };
}

async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A | Error, B | Error]> {
  const settled = await Promise.allSettled([a(), b()]);
  const value = <T>(s: PromiseSettledResult<T>): T | Error => (s.status === "fulfilled" ? s.value : new Error(String(s.reason)));
  return [value(settled[0]), value(settled[1])];
}

const outcome = (r: DonationResult | Error) => (r instanceof Error ? `threw: ${r.message}` : r.ok ? "given" : r.reason);

function raceSuite(open: () => Promise<Opened>) {
  const opened: Opened[] = [];
  afterAll(async () => {
    for (const o of opened) await o.db.destroy();
    for (const o of opened) await o.cleanup();
  });
  async function world() {
    const o = await open();
    opened.push(o);
    return openWorld(o);
  }

  it("two users donate the last badges at once: the goal is reached once, never over-donated", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const [a, b] = [1000 + round, 2000 + round];
      await w.donor(a, 3);
      await w.donor(b, 3);
      const boardId = await w.board(5, `Winter ${round}`);
      await donate(w.deps, a, boardId, 2);
      // 3 left: each asks for all 3, so only one can have them.
      const results = await both(
        () => donate(w.deps, a, boardId, 1),
        () => donate(w.deps, b, boardId, 3),
      );
      const second = await both(
        () => donate(w.deps, b, boardId, 1),
        () => donate(w.deps, a, boardId, 1),
      );
      const board = await w.raised(boardId);
      if (board.raised > 5) found.push(`round ${round}: raised ${board.raised}`);
      const reached = [...results, ...second].filter((r) => !(r instanceof Error) && r.ok && "reachedGoal" in r && r.reachedGoal);
      if (board.raised === 5 && (reached.length !== 1 || board.status !== "closed"))
        found.push(`round ${round}: reached ${reached.length} times, ${board.status}`);
      if ([...results, ...second].some((r) => r instanceof Error)) found.push(`round ${round}: ${[...results, ...second].map(outcome)}`);
      for (const user of [a, b]) if ((await w.helpOf(user)) < 0) found.push(`round ${round}: ${user} below zero`);
      if ((await w.helpOf(a)) + (await w.helpOf(b)) + board.raised !== 6) found.push(`round ${round}: badges not conserved`);
      // Every donor and the admin hear of it once each.
      const told = (await w.toldOfGoal(`Winter ${round}`)).join();
      const donors = [a, ...((await w.helpOf(b)) < 3 ? [b] : [])];
      const expected = [ADMIN, ...donors].sort().join();
      if (board.status === "closed" && told !== expected) found.push(`round ${round}: told ${told}, expected ${expected}`);
    }
    expect(found).toEqual([]);
  });

  it("one user gives all they have to two boards at once: never below zero", async () => {
    const w = await world();
    const found: string[] = [];
    for (let round = 101; round <= 100 + ROUNDS; round++) {
      const user = 1000 + round;
      await w.donor(user, 3);
      const [first, second] = [await w.board(10), await w.board(10)];
      const results = await both(
        () => donate(w.deps, user, first, 3),
        () => donate(w.deps, user, second, 3),
      );
      const outcomes = results.map(outcome).sort().join();
      if (outcomes !== "given,short") found.push(`round ${round}: ${outcomes}`);
      if ((await w.helpOf(user)) !== 0) found.push(`round ${round}: holds ${await w.helpOf(user)}`);
    }
    expect(found).toEqual([]);
  });

  it("ten gifts to ten boards at once against a pool of 7 credits: backed as far as the pool holds, never below zero", async () => {
    const w = await world();
    await w.fillPool(7);
    const donors = Array.from({ length: 10 }, (_, i) => 5000 + i);
    for (const donor of donors) await w.donor(donor, 2);
    const boards: number[] = [];
    for (let i = 0; i < 10; i++) boards.push(await w.board(100, `Pool ${i}`));
    // Each gift of 2 badges asks the pool for 2 credits (one credit per badge by default).
    const results = await Promise.all(donors.map((donor, i) => donate(w.deps, donor, boards[i]!, 2)));
    expect(results.map(outcome)).toEqual(donors.map(() => "given"));
    const balances = await accountBalances(w.kysely);
    const backing = boards.map((id) => balances.get(`board:${id}`) ?? 0);
    expect(balances.get("donation-pool") ?? 0).toBe(0);
    expect(backing.reduce((a, b) => a + b, 0)).toBe(7);
    // Three boards got their 2, one got the last 1, the rest none: in whatever order they ran.
    expect([...backing].sort()).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 2, 2]);
    expect(await ledgerProblems(w.kysely)).toEqual([]);
  });
}

describe("donation races on SQLite", () => {
  raceSuite(async () => ({ db: createDb(tempSqliteUrl()), cleanup: async () => {} }));
});

describe.skipIf(!postgresUrl)("donation races on PostgreSQL", () => {
  raceSuite(async () => {
    const temp = await tempPostgresUrl(postgresUrl!);
    return { db: createDb(temp.url), cleanup: temp.drop };
  });
});
