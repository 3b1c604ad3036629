import type { Kysely } from "kysely";
import { writeMovement } from "../../db/repositories/credit-entries.js";
import type { Database } from "../../db/schema.js";
import type { LedgerRow } from "../../src/domain/credits.js";
import { HELPER_STATUSES } from "../../src/domain/helpers.js";
import { REQUEST_STATUSES, type RequestStatus } from "../../src/domain/requests.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { SEOUL } from "../support/stories.js";

/** The admin console's scripted day, shared by the e2e story and the PostgreSQL check of the queries. */
export const ADMIN = 900_301;
export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
// The test clock starts at 2026-11-23 01:00 UTC, 10:00 in Seoul: midnight there was 10 hours ago.
export const NOW = Date.UTC(2026, 10, 23, 1, 0, 0);
export const MIDNIGHT = NOW - 10 * HOUR;

/** A fixed sequence, so the day is the same every run yet uneven. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** One movement of credits, written as the services write them (its rows must balance). */
const move = (db: Kysely<Database>, rows: LedgerRow[], at: number) => db.transaction().execute((trx) => writeMovement(trx, rows, at));

/**
 * A scripted day and the month before it: users joining, helpers in every status, requests in
 * every state with offers and matches, badges earned and spent, credits moving as double entry
 * (fees held, paid with the platform share or returned; gifts backed by the donation pool as far
 * as it holds), donations.
 */
export async function scriptDay(db: Kysely<Database>): Promise<void> {
  const next = sequence(7);
  const when = () => NOW - Math.floor(next() * 35 * DAY);
  const users: number[] = [];
  for (let i = 0; i < 60; i++) {
    const id = 800_000 + i;
    users.push(id);
    await seedUser(db, { id, alias: `user${i}`, now: i < 12 ? NOW - Math.floor(next() * 9 * HOUR) : when() });
  }
  // Requesters start with credits from an admin, before the period any statistic covers.
  for (const requester of users.slice(20)) {
    const grant = { reason: "admin", subject: `adjust:start-${requester}` };
    await move(
      db,
      [
        { ...grant, account: `user:${requester}`, amount: 30 },
        { ...grant, account: "grants", amount: -30 },
      ],
      NOW - 40 * DAY,
    );
  }
  let pool = 0;
  for (let i = 0; i < 20; i++)
    await seedHelperRow(db, { userId: users[i]!, at: SEOUL, radiusKm: 2, now: NOW - DAY, status: HELPER_STATUSES[i % 4] });
  const board = await db
    .insertInto("boards")
    .values({
      organisation: "Home",
      title: "Blankets",
      needed: "Blankets",
      goal: 1000,
      photo_file_id: null,
      status: "open",
      close_reason: null,
      created_by: ADMIN,
      created_at: NOW - 40 * DAY,
      updated_at: NOW - 40 * DAY,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 120; i++) {
    const status: RequestStatus = REQUEST_STATUSES[i % REQUEST_STATUSES.length]!;
    // A third of the requests were posted today, the rest over the month before.
    const created = i % 3 === 0 ? NOW - Math.floor(next() * 9 * HOUR) : when();
    const requester = users[20 + (i % 40)]!;
    const helper = users[i % 20]!;
    const matched = status === "matched" || status === "completed" || (status === "cancelled" && i % 2 === 0);
    const matchedAt = matched ? created + Math.floor(next() * 40 * MINUTE) + MINUTE : null;
    const { id } = await db
      .insertInto("requests")
      .values({
        requester_id: requester,
        category: "repairs",
        description: `Request ${i}`,
        latitude: SEOUL.latitude,
        longitude: SEOUL.longitude,
        fuzzed_latitude: SEOUL.latitude,
        fuzzed_longitude: SEOUL.longitude,
        radius_m: 2000,
        fee: 10,
        status,
        created_at: created,
        expires_at: created + 2 * HOUR,
        helper_id: matched ? helper : null,
        post_key: null,
        matched_at: matchedAt,
        closed_at: status === "open" || status === "matched" ? null : created + HOUR,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Matched ones had offers; some others had offers nobody chose; some none at all.
    const offers = matched ? 1 + (i % 3) : i % 4 === 1 ? 2 : 0;
    for (let o = 0; o < offers; o++)
      await db
        .insertInto("offers")
        .values({
          request_id: id,
          helper_id: users[(i + o) % 20]!,
          eta_minutes: 10,
          distance_m: 500,
          status: "active",
          created_at: created + Math.floor(next() * 30 * MINUTE) + MINUTE,
        })
        .execute();
    const subject = `request:${id}`;
    await move(
      db,
      [
        { account: `user:${requester}`, amount: -10, reason: "fee-held", subject },
        { account: "escrow", amount: 10, reason: "fee-held", subject },
      ],
      created,
    );
    const settled = { account: "escrow", amount: -10, reason: "fee-settled", subject };
    if (status === "expired" || status === "cancelled")
      await move(db, [settled, { account: `user:${requester}`, amount: 10, reason: "fee-returned", subject }], created + HOUR);
    if (status === "completed") {
      const at = created + HOUR;
      await move(
        db,
        [
          settled,
          { account: `user:${helper}`, amount: 9, reason: "fee-received", subject },
          { account: "donation-pool", amount: 1, reason: "platform-share", subject },
        ],
        at,
      );
      pool += 1;
      await db
        .insertInto("badge_entries")
        .values({ user_id: helper, kind: "help", amount: 1, reason: "completed", subject_id: id, created_at: at })
        .execute();
    }
  }
  for (let i = 0; i < 25; i++) {
    const user = users[i % 20]!;
    const at = i % 2 === 0 ? NOW - Math.floor(next() * 9 * HOUR) : when();
    const { id } = await db
      .insertInto("board_donations")
      .values({ board_id: board.id, user_id: user, amount: 1 + (i % 3), created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Giving badges away is not issuing them: the -N help row must not count.
    await db
      .insertInto("badge_entries")
      .values([
        { user_id: user, kind: "help", amount: -(1 + (i % 3)), reason: "donated", subject_id: id, created_at: at },
        { user_id: user, kind: "donated", amount: 1 + (i % 3), reason: "donated", subject_id: id, created_at: at },
      ])
      .execute();
    const backed = Math.min(1 + (i % 3), pool);
    pool -= backed;
    const gift = { reason: "badge-backing", subject: `gift:${id}` };
    await move(
      db,
      [
        { ...gift, account: "donation-pool", amount: -backed },
        { ...gift, account: `board:${board.id}`, amount: backed },
      ],
      at,
    );
    const topup = { reason: "topup", subject: `payment:day-${i}` };
    await move(
      db,
      [
        { ...topup, account: `user:${user}`, amount: 5 * (1 + i) },
        { ...topup, account: "payments", amount: -5 * (1 + i) },
      ],
      at,
    );
  }
}

/** The figures counted here from every row, in plain code, not by the bot's queries. */
export async function expectedFigures(db: Kysely<Database>, from: number) {
  const inPeriod = (at: number) => at >= from && at <= NOW;
  const users = await db.selectFrom("users").selectAll().execute();
  const helpers = await db.selectFrom("helpers").selectAll().execute();
  const requests = (await db.selectFrom("requests").selectAll().execute()).filter((r) => inPeriod(r.created_at));
  const offers = await db.selectFrom("offers").selectAll().execute();
  const badges = await db.selectFrom("badge_entries").selectAll().execute();
  const credits = await db.selectFrom("ledger_entries").selectAll().execute();
  const donations = await db.selectFrom("board_donations").selectAll().execute();
  const byStatus = (status: string) => requests.filter((r) => r.status === status).length;
  const medianMinutes = (values: number[]) => {
    const s = values.sort((a, b) => a - b);
    const m = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    return Math.round(m / MINUTE);
  };
  const firstOffers = requests.flatMap((r) => {
    const times = offers.filter((o) => o.request_id === r.id).map((o) => o.created_at);
    return times.length ? [Math.min(...times) - r.created_at] : [];
  });
  const sum = (rows: { amount: number }[]) => rows.reduce((a, r) => a + r.amount, 0);
  return {
    users: users.length,
    joined: users.filter((u) => inPeriod(u.created_at)).length,
    helpers: HELPER_STATUSES.map((s) => helpers.filter((h) => h.status === s).length),
    posted: requests.length,
    requests: REQUEST_STATUSES.map(byStatus),
    rate: Math.round((byStatus("completed") * 100) / requests.length),
    firstOffer: medianMinutes(firstOffers),
    match: medianMinutes(requests.filter((r) => r.matched_at !== null).map((r) => r.matched_at! - r.created_at)),
    badges: sum(badges.filter((b) => b.kind === "help" && b.amount > 0 && inPeriod(b.created_at))),
    // Credits that reached a user's account; a returned fee only went back where it came from.
    credits: sum(
      credits.filter((c) => c.account.startsWith("user:") && c.reason !== "fee-returned" && c.amount > 0 && inPeriod(c.created_at)),
    ),
    donated: sum(donations.filter((d) => inPeriod(d.created_at))),
  };
}
