import type { Kysely } from "kysely";
import type { HelperStatus } from "../../src/domain/helpers.js";
import type { RequestStatus } from "../../src/domain/requests.js";
import type { Database } from "../schema.js";

/** A stretch of time, epoch milliseconds, start included and end excluded. */
export interface Period {
  from: number;
  to: number;
}

/** SUM and COUNT come back as strings on PostgreSQL and numbers on SQLite. */
const num = (value: unknown): number => Number(value ?? 0);

export async function countUsers(db: Kysely<Database>, period: Period): Promise<{ total: number; joined: number }> {
  const total = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("created_at", "<", period.to)
    .executeTakeFirst();
  const joined = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("created_at", ">=", period.from)
    .where("created_at", "<", period.to)
    .executeTakeFirst();
  return { total: num(total?.n), joined: num(joined?.n) };
}

/** Helpers as they stand now: a status has no history of counts to go back to. */
export async function helpersByStatus(db: Kysely<Database>): Promise<Map<HelperStatus, number>> {
  const rows = await db
    .selectFrom("helpers")
    .select(["status", (eb) => eb.fn.countAll().as("n")])
    .groupBy("status")
    .execute();
  return new Map(rows.map((r) => [r.status, num(r.n)]));
}

/** Requests posted in the period, by the state they are in now. */
export async function requestsByStatus(db: Kysely<Database>, period: Period): Promise<Map<RequestStatus, number>> {
  const rows = await db
    .selectFrom("requests")
    .select(["status", (eb) => eb.fn.countAll().as("n")])
    .where("created_at", ">=", period.from)
    .where("created_at", "<", period.to)
    .groupBy("status")
    .execute();
  return new Map(rows.map((r) => [r.status, num(r.n)]));
}

/** For each request posted in the period that got an offer: how long until its first one. */
export async function waitsForFirstOffer(db: Kysely<Database>, period: Period): Promise<number[]> {
  const rows = await db
    .selectFrom("requests")
    .innerJoin("offers", "offers.request_id", "requests.id")
    .select(["requests.id", "requests.created_at", (eb) => eb.fn.min("offers.created_at").as("first")])
    .where("requests.created_at", ">=", period.from)
    .where("requests.created_at", "<", period.to)
    .groupBy(["requests.id", "requests.created_at"])
    .execute();
  return rows.map((r) => num(r.first) - r.created_at);
}

/** For each request posted in the period that was matched: how long until the match. */
export async function waitsForMatch(db: Kysely<Database>, period: Period): Promise<number[]> {
  const rows = await db
    .selectFrom("requests")
    .select(["created_at", "matched_at"])
    .where("created_at", ">=", period.from)
    .where("created_at", "<", period.to)
    .where("matched_at", "is not", null)
    .execute();
  return rows.map((r) => r.matched_at! - r.created_at);
}

/** Help badges earned in the period (spending and donating them are not issuing). */
export async function helpBadgesIssued(db: Kysely<Database>, period: Period): Promise<number> {
  const row = await db
    .selectFrom("badge_entries")
    .select((eb) => eb.fn.sum<number>("amount").as("n"))
    .where("kind", "=", "help")
    .where("amount", ">", 0)
    .where("created_at", ">=", period.from)
    .where("created_at", "<", period.to)
    .executeTakeFirst();
  return num(row?.n);
}

/**
 * Credits that landed in a user's account in the period: each fee paid out, top-up or admin
 * addition counted once. Escrow and the other system accounts are only stations on the way (their
 * rows would count the same credits twice), and a returned fee only goes back where it came from.
 */
export async function creditsMoved(db: Kysely<Database>, period: Period): Promise<number> {
  const row = await db
    .selectFrom("ledger_entries")
    .select((eb) => eb.fn.sum<number>("amount").as("n"))
    .where("account", "like", "user:%")
    .where("reason", "!=", "fee-returned")
    .where("amount", ">", 0)
    .where("created_at", ">=", period.from)
    .where("created_at", "<", period.to)
    .executeTakeFirst();
  return num(row?.n);
}

export async function badgesDonated(db: Kysely<Database>, period: Period): Promise<number> {
  const row = await db
    .selectFrom("board_donations")
    .select((eb) => eb.fn.sum<number>("amount").as("n"))
    .where("created_at", ">=", period.from)
    .where("created_at", "<", period.to)
    .executeTakeFirst();
  return num(row?.n);
}
