import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { chooseOffer } from "../../src/services/requests/choosing.js";
import { acceptRequest } from "../../src/services/requests/offers.js";
import { inUnitOfWork } from "../../src/services/unit-of-work.js";
import { walkAlarmDue, walkCheckInDue } from "../../src/services/walks/alarms.js";
import { setDuressPin, setSafetyPin } from "../../src/services/walks/pins.js";
import { askToConfirmSafe, confirmSafe } from "../../src/services/walks/safe.js";
import { startWalk } from "../../src/services/walks/starting.js";
import { onBothDatabases } from "../support/databases.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * A walk ends once, whatever arrives together: the PIN typed twice (two devices, a resent
 * message), the safety and the duress PIN at once, or the PIN and the missed check-in's alarm. On
 * PostgreSQL they run on separate connections and interleave.
 */
const ROUNDS = 8;
const PIN = "2580";
const DURESS = "0852";
const PLACE = { latitude: 35, longitude: 129 };

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { ADMIN_IDS: "999" });

  /** A requester with both PINs and an open walk, chosen helper and "I'm safe" pressed. */
  async function walking(round: number) {
    const requesterId = 50_000 + round;
    const helperId = 60_000 + round;
    const now = deps.clock.now();
    await seedUser(kysely, { id: requesterId, alias: `Walker ${round}`, now });
    await seedUser(kysely, { id: helperId, alias: `Companion ${round}`, now });
    // Each round far from the others (beyond the widest radius), so no helper hears of another round's walk.
    const at = { latitude: PLACE.latitude + round * 0.2, longitude: PLACE.longitude };
    await seedHelperRow(kysely, { userId: helperId, at, radiusKm: 5, now });
    await kysely.updateTable("helpers").set({ urgent: 1 }).where("user_id", "=", helperId).execute();
    await setSafetyPin(deps, requesterId, PIN);
    await setDuressPin(deps, requesterId, DURESS);
    const started = await startWalk(deps, requesterId, {
      place: at,
      liveMessageId: 7,
      livePeriodSeconds: 3600,
      destination: null,
      checkInMinutes: 30,
    });
    if (!started.ok) throw new Error(`walk failed: ${started.reason}`);
    if (started.notified !== 1) throw new Error(`${started.notified} helpers told`);
    const offer = await acceptRequest(deps, helperId, started.requestId, 10);
    if (!offer.ok) throw new Error(`offer failed: ${offer.reason}`);
    const chosen = await chooseOffer(deps, requesterId, offer.offerId);
    if (!chosen.ok) throw new Error(`choice failed: ${chosen.reason}`);
    if (!(await askToConfirmSafe(deps, requesterId, started.requestId))) throw new Error("could not ask for the PIN");
    return { requesterId, helperId, requestId: started.requestId };
  }

  /** Closed exactly once: the walk safe, its chat and request completed, one help badge, no pending prompt or timer. */
  async function problems(w: Awaited<ReturnType<typeof walking>>, duress: boolean): Promise<string[]> {
    const found: string[] = [];
    const walk = await kysely.selectFrom("walks").selectAll().where("request_id", "=", w.requestId).executeTakeFirstOrThrow();
    if (walk.status !== "safe") found.push(`walk ${walk.status}`);
    if (Number(walk.duress) !== (duress ? 1 : 0)) found.push(`duress ${walk.duress}`);
    const request = await kysely.selectFrom("requests").select("status").where("id", "=", w.requestId).executeTakeFirstOrThrow();
    if (request.status !== "completed") found.push(`request ${request.status}`);
    const badges = await kysely.selectFrom("badge_entries").select("amount").where("user_id", "=", w.helperId).execute();
    if (badges.length !== 1) found.push(`${badges.length} badges`);
    const prompts = await kysely.selectFrom("safety_prompts").selectAll().where("user_id", "=", w.requesterId).execute();
    if (prompts.length !== 0) found.push("a prompt is left");
    const timers = await kysely
      .selectFrom("deadlines")
      .select("kind")
      .where("subject_id", "=", w.requestId)
      .where("kind", "in", ["walk-check-in", "walk-alarm"])
      .where("state", "=", "pending")
      .execute();
    if (timers.length !== 0) found.push(`timers left: ${timers.map((t) => t.kind).join()}`);
    const duressAlerts = await kysely
      .selectFrom("outbox")
      .select("payload")
      .where("chat_id", "=", 999)
      .where("payload", "like", "%duress PIN%")
      .execute();
    const alertsFor = duressAlerts.filter((a) => a.payload.includes(`id ${w.requesterId})`)).length;
    if (alertsFor !== (duress ? 1 : 0)) found.push(`${alertsFor} duress alerts`);
    return found;
  }
  return { deps, walking, problems };
}

async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A | Error, B | Error]> {
  const settled = await Promise.allSettled([a(), b()]);
  const value = <T>(s: PromiseSettledResult<T>): T | Error => (s.status === "fulfilled" ? s.value : new Error(String(s.reason)));
  return [value(settled[0]), value(settled[1])];
}

const kindOf = (r: { kind: string } | Error) => (r instanceof Error ? `threw: ${r.message}` : r.kind);

function raceSuite(open: () => Promise<Db>) {
  it("the PIN arrives twice at once: one closes the walk, the other finds it closed", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const m = await w.walking(round);
      const [a, b] = await both(
        () => confirmSafe(w.deps, m.requesterId, PIN),
        () => confirmSafe(w.deps, m.requesterId, PIN),
      );
      const kinds = [kindOf(a), kindOf(b)].sort().join();
      if (kinds !== "gone,safe") found.push(`round ${round}: ${kinds}`);
      found.push(...(await w.problems(m, false)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });

  it("the duress PIN and the safety PIN at once: one closes it, and the admins hear of duress only if it won", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 101; round <= 100 + ROUNDS; round++) {
      const m = await w.walking(round);
      const [right, duress] = await both(
        () => confirmSafe(w.deps, m.requesterId, PIN),
        () => confirmSafe(w.deps, m.requesterId, DURESS),
      );
      const kinds = [kindOf(right), kindOf(duress)].sort().join();
      if (kinds !== "gone,safe") found.push(`round ${round}: ${kinds}`);
      const duressWon = !(duress instanceof Error) && duress.kind === "safe";
      found.push(...(await w.problems(m, duressWon)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });

  it("the PIN and the missed check-in's alarm at once: the walk ends safe, once", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (let round = 201; round <= 200 + ROUNDS; round++) {
      const m = await w.walking(round);
      await inUnitOfWork(w.deps, (uow) => walkCheckInDue(w.deps, uow, m.requestId));
      const [safe, alarm] = await both(
        () => confirmSafe(w.deps, m.requesterId, PIN),
        () => inUnitOfWork(w.deps, (uow) => walkAlarmDue(w.deps, uow, m.requestId)),
      );
      if (safe instanceof Error || alarm instanceof Error) found.push(`round ${round}: threw`);
      else if (safe.kind !== "safe") found.push(`round ${round}: ${safe.kind}`);
      found.push(...(await w.problems(m, false)).map((p) => `round ${round}: ${p}`));
    }
    expect(found).toEqual([]);
  });
}

onBothDatabases("a walk home closes once", raceSuite);
