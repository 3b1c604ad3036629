import { type Kysely, type Migration, type MigrationResultSet, Migrator } from "kysely";
import * as m0001 from "./migrations/0001_users.js";
import * as m0002 from "./migrations/0002_helpers.js";
import * as m0003 from "./migrations/0003_outbox.js";
import * as m0004 from "./migrations/0004_requests.js";
import * as m0005 from "./migrations/0005_restrictions.js";
import * as m0006 from "./migrations/0006_alias_keys.js";
import * as m0007 from "./migrations/0007_inbox.js";
import * as m0010 from "./migrations/0010_request_drafts.js";
import * as m0011 from "./migrations/0011_nearby_lists.js";
import * as m0012 from "./migrations/0012_chats.js";
import * as m0013 from "./migrations/0013_relay.js";
import * as m0014 from "./migrations/0014_closing.js";
import * as m0015 from "./migrations/0015_boards.js";
import * as m0016 from "./migrations/0016_payments.js";
import * as m0017 from "./migrations/0017_ledger.js";
import * as m0018 from "./migrations/0018_reports.js";
import * as m0019 from "./migrations/0019_walks.js";
import * as m0020 from "./migrations/0020_vouchers.js";
import * as m0021 from "./migrations/0021_group_requests.js";
import * as m0022 from "./migrations/0022_hot_path_indexes.js";
import * as m0023 from "./migrations/0023_ended_chats_index.js";
import * as m0024 from "./migrations/0024_pending_deadlines_by_subject.js";
import * as m0025 from "./migrations/0025_history_lookups.js";

// Listed explicitly rather than read from a folder so that tsx, bundlers and tests agree.
const migrations = {
  "0001_users": m0001,
  "0002_helpers": m0002,
  "0003_outbox": m0003,
  "0004_requests": m0004,
  "0005_restrictions": m0005,
  "0006_alias_keys": m0006,
  "0007_inbox": m0007,
  "0010_request_drafts": m0010,
  "0011_nearby_lists": m0011,
  "0012_chats": m0012,
  "0013_relay": m0013,
  "0014_closing": m0014,
  "0015_boards": m0015,
  "0016_payments": m0016,
  "0017_ledger": m0017,
  "0018_reports": m0018,
  "0019_walks": m0019,
  "0020_vouchers": m0020,
  "0021_group_requests": m0021,
  "0022_hot_path_indexes": m0022,
  "0023_ended_chats_index": m0023,
  "0024_pending_deadlines_by_subject": m0024,
  "0025_history_lookups": m0025,
} satisfies Record<string, Migration>;

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

function unwrap(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed`, { cause: result.error });
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  unwrap(await migrator(db).migrateToLatest());
}

/** Migrates up to `name` and no further; the migration tests use it to give a later migration rows to convert. */
export async function migrateTo(db: Kysely<any>, name: keyof typeof migrations): Promise<void> {
  unwrap(await migrator(db).migrateTo(name));
}

/** Rolls every migration back; used by the migration tests. */
export async function migrateAllDown(db: Kysely<any>): Promise<void> {
  const m = migrator(db);
  for (;;) {
    const result = await m.migrateDown();
    unwrap(result);
    if (!result.results || result.results.length === 0) return;
  }
}
