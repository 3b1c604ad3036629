import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { offersOf } from "../../db/repositories/offers.js";
import { findRequest } from "../../db/repositories/requests.js";
import { deadlineHandlers, lockDeadlineSubject } from "../../src/app.js";
import { createDeadlineRunner, type DeadlineRunner } from "../../src/jobs/deadlines.js";
import { decideApplication, submitApplication } from "../../src/services/helpers/applications.js";
import { chooseOffer } from "../../src/services/requests/choosing.js";
import { cancelRequest } from "../../src/services/requests/closing.js";
import { acceptRequest, withdrawOffer } from "../../src/services/requests/offers.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { onBothDatabases } from "../support/databases.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two use cases at once on separate connections, round after round, and after each round what
 * the database holds must be a state the product allows. On PostgreSQL the pool gives each
 * transaction its own connection, so their statements interleave; SQLite runs one transaction
 * at a time, so there the suite proves the same rules hold without interleaving.
 */
const ROUNDS = 20;
const ADMINS = [900_001, 900_002];
const VALIDITY_MINUTES = 30;

type World = Awaited<ReturnType<typeof openWorld>>;

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { ADMIN_IDS: ADMINS.join(",") });
  for (const id of ADMINS) await seedUser(kysely, { id, alias: `Admin ${id}`, now: deps.clock.now() });
  // The deadline runner as the app builds it (src/app.ts).
  const runner: DeadlineRunner = createDeadlineRunner({
    db: kysely,
    clock: deps.clock,
    logger: deps.logger,
    handlers: deadlineHandlers(deps),
    lockSubject: lockDeadlineSubject,
    afterFire: () => {},
  });

  /** A requester, three helpers beside them, a posted request and offers from the first `offers` helpers. */
  async function stage(round: number, offers: number) {
    // A place of its own each round (0.1° ≈ 11 km apart), so no round's helpers hear of another's request.
    const at = { latitude: 33 + round * 0.1, longitude: 127 };
    const requester = 10_000 + round * 10;
    const helpers = [requester + 1, requester + 2, requester + 3];
    const now = deps.clock.now();
    for (const id of [requester, ...helpers]) await seedUser(kysely, { id, alias: `User ${id}`, now });
    for (const userId of helpers) await seedHelperRow(kysely, { userId, at, radiusKm: 5, now });
    const posted = await postRequest(deps, requester, {
      category: "repairs",
      description: "Please help me hang a heavy mirror.",
      place: at,
      validityMinutes: VALIDITY_MINUTES,
      fee: 0,
    });
    if (!posted.ok) throw new Error(`round ${round}: posting refused (${posted.reason})`);
    const offerIds: number[] = [];
    for (const helper of helpers.slice(0, offers)) {
      const accepted = await acceptRequest(deps, helper, posted.requestId, 10);
      if (!accepted.ok) throw new Error(`round ${round}: setup accept refused (${accepted.reason})`);
      offerIds.push(accepted.offerId);
    }
    return { requestId: posted.requestId, requester, helpers, offerIds };
  }

  return { deps, db: kysely, runner, stage };
}

/** Both outcomes, or the error a use case died of: a deadlock is an inconsistency too. */
async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A | Error, B | Error]> {
  const settled = await Promise.allSettled([a(), b()]);
  const value = <T>(s: PromiseSettledResult<T>): T | Error =>
    s.status === "fulfilled" ? s.value : s.reason instanceof Error ? s.reason : new Error(String(s.reason));
  return [value(settled[0]) as A | Error, value(settled[1]) as B | Error];
}

const failed = (...results: unknown[]) => results.filter((r): r is Error => r instanceof Error).map((e) => `threw: ${e.message}`);

interface Mail {
  chatId: number;
  method: string;
  params: Record<string, unknown>;
  ref: string | null;
}

async function outbox(world: World): Promise<Mail[]> {
  const rows = await world.db.selectFrom("outbox").select(["chat_id", "method", "payload", "ref"]).orderBy("id").execute();
  return rows.map((r) => ({ chatId: r.chat_id, method: r.method, params: JSON.parse(r.payload) as Record<string, unknown>, ref: r.ref }));
}

const textsTo = (mail: Mail[], chatId: number) =>
  mail.filter((m) => m.chatId === chatId && m.method === "sendMessage").map((m) => String(m.params.text));

const DECLINED_NOTICE = {
  matched: "chose another helper",
  expired: "expired. No longer available",
  cancelled: "cancelled by the requester",
};

/** What must hold for a request, its offers and the messages they caused, whoever won. */
async function inconsistencies(world: World, requestId: number, helpers: number[]): Promise<string[]> {
  const request = (await findRequest(world.db, requestId))!;
  const offers = await offersOf(world.db, requestId);
  const mail = await outbox(world);
  const problems: string[] = [];
  const chosen = offers.filter((o) => o.status === "chosen");
  const active = offers.filter((o) => o.status === "active");
  if (request.status === "matched") {
    if (chosen.length !== 1 || chosen[0]!.helperId !== request.helperId) problems.push(`matched with ${chosen.length} chosen offers`);
  } else if (chosen.length > 0) problems.push(`${request.status} request has a chosen offer`);
  if (offers.some((o) => o.helperId === request.helperId && o.status === "withdrawn")) problems.push("matched to a helper who withdrew");
  if (request.status !== "open" && active.length > 0) problems.push(`${request.status} request keeps ${active.length} active offer(s)`);

  for (const helper of helpers) {
    const expected = request.status === "matched" && request.helperId === helper ? 1 : 0;
    const told = textsTo(mail, helper).filter((t) => t.includes("You were chosen")).length;
    const pins = mail.filter(
      (m) =>
        m.chatId === helper &&
        m.method === "sendLocation" &&
        m.params.latitude === request.latitude &&
        m.params.longitude === request.longitude,
    ).length;
    const status = offers.find((o) => o.helperId === helper)?.status ?? "no";
    if (told !== expected) problems.push(`helper with ${status} offer got ${told} "You were chosen" notices`);
    if (pins !== expected) problems.push(`helper with ${status} offer got the exact place ${pins} times`);
  }
  for (const offer of offers) {
    if (offer.status === "declined" && request.status !== "open") {
      const notice = DECLINED_NOTICE[request.status as keyof typeof DECLINED_NOTICE];
      if (!textsTo(mail, offer.helperId).some((t) => t.includes(notice))) problems.push(`declined helper was not told "${notice}"`);
    }
    const edited = mail.some((m) => m.method === "editByRef" && m.params.ref === `offer:${offer.id}`);
    if ((offer.status === "declined" || offer.status === "withdrawn") && !edited) {
      problems.push(`the requester's card for a ${offer.status} offer still offers Choose`);
    }
  }
  return problems;
}

function raceSuite(open: () => Promise<Db>) {
  /** Plays `round` ROUNDS times on a fresh database; every round must come out consistent. */
  async function rounds(play: (world: World, round: number) => Promise<string[]>): Promise<void> {
    const world = await openWorld(await open());
    const problems: string[] = [];
    let bad = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const found = await play(world, round);
      if (found.length > 0) bad++;
      problems.push(...found.map((p) => `round ${round}: ${p}`));
    }
    expect(problems, `${bad}/${ROUNDS} rounds inconsistent`).toEqual([]);
  }

  it("choose vs accept: a late offer is declined and its helper told, or refused as taken by someone faster", () =>
    rounds(async (world, round) => {
      const s = await world.stage(round, 1);
      const late = s.helpers[1]!;
      const [chose, accepted] = await both(
        () => chooseOffer(world.deps, s.requester, s.offerIds[0]!),
        () => acceptRequest(world.deps, late, s.requestId, 20),
      );
      const problems = failed(chose, accepted);
      if (!(chose instanceof Error) && !chose.ok) problems.push(`choose refused: ${chose.reason}`);
      if (!(accepted instanceof Error) && !accepted.ok && accepted.reason !== "taken") problems.push(`accept refused: ${accepted.reason}`);
      const offers = await offersOf(world.db, s.requestId);
      const lateOffer = offers.find((o) => o.helperId === late);
      if (!(accepted instanceof Error) && accepted.ok !== (lateOffer !== undefined))
        problems.push("accept's answer and the offers disagree");
      return [...problems, ...(await inconsistencies(world, s.requestId, s.helpers))];
    }));

  it("choose vs withdraw: either the helper is chosen or the offer is withdrawn, never both", () =>
    rounds(async (world, round) => {
      const s = await world.stage(round, 2);
      const [chose, withdrew] = await both(
        () => chooseOffer(world.deps, s.requester, s.offerIds[0]!),
        () => withdrawOffer(world.deps, s.helpers[0]!, s.offerIds[0]!),
      );
      const problems = failed(chose, withdrew);
      if (chose instanceof Error || withdrew instanceof Error) return problems;
      if (chose.ok === withdrew) problems.push(`choose ok: ${chose.ok}, withdraw ok: ${withdrew}`);
      if (withdrew && !chose.ok && chose.reason !== "offer-gone") problems.push(`choose after a withdrawal said ${chose.reason}`);
      const request = (await findRequest(world.db, s.requestId))!;
      if (withdrew && request.status !== "open") problems.push(`withdrawn, yet the request is ${request.status}`);
      return [...problems, ...(await inconsistencies(world, s.requestId, s.helpers))];
    }));

  it("choose vs cancel: the request is matched or cancelled, and only the winner says ok", () =>
    rounds(async (world, round) => {
      const s = await world.stage(round, 2);
      const [chose, cancelled] = await both(
        () => chooseOffer(world.deps, s.requester, s.offerIds[0]!),
        () => cancelRequest(world.deps, s.requester, s.requestId),
      );
      const problems = failed(chose, cancelled);
      if (chose instanceof Error || cancelled instanceof Error) return problems;
      const { status } = (await findRequest(world.db, s.requestId))!;
      if (chose.ok === cancelled) problems.push(`choose ok: ${chose.ok}, cancel ok: ${cancelled}`);
      if (status !== (chose.ok ? "matched" : "cancelled")) problems.push(`request ${status} after choose ok: ${chose.ok}`);
      return [...problems, ...(await inconsistencies(world, s.requestId, s.helpers))];
    }));

  it("choose vs expiry: the request is matched or expired, never both", () =>
    rounds(async (world, round) => {
      const s = await world.stage(round, 2);
      world.deps.clock.advance(VALIDITY_MINUTES * 60_000);
      const [chose, fired] = await both(
        () => chooseOffer(world.deps, s.requester, s.offerIds[0]!),
        () => world.runner.runDue(),
      );
      const problems = failed(chose, fired);
      if (chose instanceof Error || fired instanceof Error) return problems;
      const { status } = (await findRequest(world.db, s.requestId))!;
      const timer = await world.db
        .selectFrom("deadlines")
        .select("state")
        .where("kind", "=", "request-expiry")
        .where("subject_id", "=", s.requestId)
        .executeTakeFirstOrThrow();
      if (timer.state === "pending") problems.push("the expiry timer is still pending");
      if (status !== (chose.ok ? "matched" : "expired")) problems.push(`request ${status} after choose ok: ${chose.ok}`);
      if (!chose.ok && chose.reason !== "closed") problems.push(`choose on an expired request said ${chose.reason}`);
      const expiredTold = textsTo(await outbox(world), s.requester).filter((t) => t.includes("nobody was chosen in time")).length;
      if (expiredTold !== (status === "expired" ? 1 : 0)) problems.push(`the requester was told ${expiredTold} times that it expired`);
      return [...problems, ...(await inconsistencies(world, s.requestId, s.helpers))];
    }));

  it("double choose: two offers chosen at once, exactly one wins", () =>
    rounds(async (world, round) => {
      const s = await world.stage(round, 3);
      const [first, second] = await both(
        () => chooseOffer(world.deps, s.requester, s.offerIds[0]!),
        () => chooseOffer(world.deps, s.requester, s.offerIds[1]!),
      );
      const problems = failed(first, second);
      if (first instanceof Error || second instanceof Error) return problems;
      const answers = [first, second].map((r) => (r.ok ? "ok" : r.reason)).sort();
      if (answers.join() !== "closed,ok") problems.push(`answers: ${answers.join(", ")}`);
      return [...problems, ...(await inconsistencies(world, s.requestId, s.helpers))];
    }));

  it("double accept: one offer, one card for the requester", () =>
    rounds(async (world, round) => {
      const s = await world.stage(round, 0);
      const helper = s.helpers[0]!;
      const [first, second] = await both(
        () => acceptRequest(world.deps, helper, s.requestId, 10),
        () => acceptRequest(world.deps, helper, s.requestId, 20),
      );
      const problems = failed(first, second);
      if (first instanceof Error || second instanceof Error) return problems;
      const answers = [first, second].map((r) => (r.ok ? "ok" : r.reason)).sort();
      if (answers.join() !== "already,ok") problems.push(`answers: ${answers.join(", ")}`);
      const offers = await offersOf(world.db, s.requestId);
      if (offers.length !== 1) problems.push(`${offers.length} offers`);
      const cards = (await outbox(world)).filter((m) => m.chatId === s.requester && m.ref?.startsWith("offer:")).length;
      if (cards !== 1) problems.push(`${cards} offer cards for the requester`);
      return [...problems, ...(await inconsistencies(world, s.requestId, s.helpers))];
    }));

  it("approve vs reject: one decision, and the other admin is told the status it left", () =>
    rounds(async (world, round) => {
      const applicant = 50_000 + round;
      await seedUser(world.db, { id: applicant, alias: `Applicant ${round}`, now: world.deps.clock.now() });
      const submitted = await submitApplication(world.deps, applicant, {
        alias: `Applicant ${round}`,
        categories: ["repairs"],
        categoriesNote: null,
        profile: "I fix things.",
        photoFileId: null,
        proofs: [],
        careerNote: null,
        location: { latitude: 37.5, longitude: 127 },
        radiusKm: 3,
      });
      if (!submitted.ok) throw new Error(`round ${round}: application refused (${submitted.reason})`);
      const [approved, rejected] = await both(
        () => decideApplication(world.deps, { adminId: ADMINS[0]!, userId: applicant, approve: true, reason: null }),
        () => decideApplication(world.deps, { adminId: ADMINS[1]!, userId: applicant, approve: false, reason: "No proofs" }),
      );
      const problems = failed(approved, rejected);
      if (approved instanceof Error || rejected instanceof Error) return problems;
      if (approved.ok === rejected.ok) problems.push(`approve ok: ${approved.ok}, reject ok: ${rejected.ok}`);
      const winner = approved.ok ? "approved" : "rejected";
      const loser = approved.ok ? rejected : approved;
      const helper = await world.db.selectFrom("helpers").select("status").where("user_id", "=", applicant).executeTakeFirstOrThrow();
      if (helper.status !== winner) problems.push(`helper is ${helper.status}, the winner said ${winner}`);
      if (loser.ok || loser.status !== helper.status) problems.push(`the loser was told the status is ${loser.ok ? "ok" : loser.status}`);
      const decisions = await world.db
        .selectFrom("helper_status_history")
        .select("to_status")
        .where("user_id", "=", applicant)
        .where("from_status", "=", "pending")
        .execute();
      if (decisions.length !== 1) problems.push(`${decisions.length} decisions recorded`);
      const told = textsTo(await outbox(world), applicant).length;
      if (told !== 1) problems.push(`the applicant got ${told} messages`);
      return problems;
    }));
}

onBothDatabases("races", raceSuite);
