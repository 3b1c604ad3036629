import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { recentAuditAbout } from "../../db/repositories/admin-audit.js";
import { cancelDeadlines, dueDeadlines, nextDueAt } from "../../db/repositories/deadlines.js";
import { activeOfferIdsOf, requestIdsOfferedBy } from "../../db/repositories/offers.js";
import { reviewAskingComment } from "../../db/repositories/reviews.js";
import type { Database } from "../../db/schema.js";
import { tempSqliteUrl } from "../support/databases.js";

// Deadlines, offers, reviews and admin decisions are kept once they are done with, so these tables
// only grow: what the bot looks up in them again and again must reach the few rows it wants
// through an index, whatever lies beside them (the story tests show what each lookup finds).

let raw: SQLite.Database;
let db: Kysely<Database>;
const statements: CompiledQuery[] = [];

beforeEach(async () => {
  raw = new SQLite(tempSqliteUrl().slice("sqlite:".length));
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void statements.push(event.query) });
  await migrateToLatest(db);
  statements.length = 0;
});
afterEach(() => db.destroy());

/**
 * The plan of each statement run so far, made without its values, as PostgreSQL's generic plan
 * is: with a bound "pending" SQLite would pick a partial index only by preparing the statement
 * again on every run.
 */
const plans = () =>
  statements.map((s) =>
    (raw.prepare(`explain query plan ${s.sql}`).all(...s.parameters.map(() => null)) as Array<{ detail: string }>).map((p) => p.detail),
  );

it("finds due, next and cancelled deadlines among the pending ones only", async () => {
  await dueDeadlines(db, 1_000, 50);
  await nextDueAt(db);
  await cancelDeadlines(db, "request-expiry", 7);
  expect(plans()).toEqual([
    ["SEARCH deadlines USING INDEX deadlines_due (due_at<?)"],
    ["SCAN deadlines USING COVERING INDEX deadlines_due"],
    ["SEARCH deadlines USING INDEX deadlines_pending_subject (kind=? AND subject_id=?)"],
  ]);
});

it("finds a helper's active offers, a review asking for a comment and the decisions about a user by who they are about", async () => {
  await activeOfferIdsOf(db, 7);
  await requestIdsOfferedBy(db, 7);
  await reviewAskingComment(db, 7);
  await recentAuditAbout(db, 7, 5);
  expect(plans()).toEqual([
    ["SEARCH offers USING COVERING INDEX offers_active_by_helper (helper_id=?)"],
    ["SEARCH offers USING INDEX offers_active_by_helper (helper_id=?)"],
    ["SEARCH reviews USING INDEX reviews_asking_comment (author_id=?)", "USE TEMP B-TREE FOR ORDER BY"],
    ["SEARCH admin_audit USING INDEX admin_audit_subject (subject_id=?)"],
  ]);
});
