import { type Kysely, PostgresAdapter, type Transaction } from "kysely";
import type { Database } from "../schema.js";

/**
 * Whether a read that decides a change must hold its row (`SELECT … FOR UPDATE`). PostgreSQL runs
 * transactions side by side under READ COMMITTED, so a plain read may be stale by the time the
 * write lands. SQLite has no such clause and needs none: Kysely's one connection runs one
 * transaction after another.
 */
export function takesRowLocks(db: Kysely<Database> | Transaction<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
