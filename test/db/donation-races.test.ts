import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createBoard, donate, type DonationResult } from "../../src/services/boards.js";
import { postgresUrl, tempPostgresUrl, tempSqliteUrl } from "../support/databases.js";
import { seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two users donating the last badges of a board at once, and one user donating all they have to
 * two boards at once: the goal is reached once and never passed, and nobody gives badges they
 * do not have. On PostgreSQL the donations run on separate connections and interleave.
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
  return { deps, donor, board, raised, helpOf, toldOfGoal };
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
