import SQLite from "better-sqlite3";
import pg from "pg";
import { cellOf } from "../../src/domain/geo.js";
import { populationSampler } from "./korea.js";
import { mulberry32 } from "../support/random.js";

/** The benchmark's helpers, column-wise so a million of them stay small in memory. */
export interface HelperSet {
  count: number;
  userIds: Float64Array;
  latitudes: Float64Array;
  longitudes: Float64Array;
  radii: Int32Array;
  /** Approved and available: what the nearby index holds. */
  searchable: Uint8Array;
  reachable: Uint8Array;
}

const RADIUS_PRESETS_M = [1000, 3000, 5000, 10_000];
const FIRST_USER_ID = 5_000_000_000;

/** A few helpers of each kind the search must skip, so the filters cost what they cost. */
export function generateHelpers(count: number, seed: number): HelperSet {
  const random = mulberry32(seed);
  const sample = populationSampler(random);
  const set: HelperSet = {
    count,
    userIds: new Float64Array(count),
    latitudes: new Float64Array(count),
    longitudes: new Float64Array(count),
    radii: new Int32Array(count),
    searchable: new Uint8Array(count),
    reachable: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const [lat, lon] = sample();
    set.userIds[i] = FIRST_USER_ID + i;
    set.latitudes[i] = lat;
    set.longitudes[i] = lon;
    set.radii[i] = RADIUS_PRESETS_M[Math.floor(random() * RADIUS_PRESETS_M.length)]!;
    set.searchable[i] = random() < 0.92 ? 1 : 0;
    set.reachable[i] = random() < 0.99 ? 1 : 0;
  }
  return set;
}

/**
 * Loads users and helpers into an already migrated SQLite file through one raw connection,
 * with prepared statements in large transactions: going through Kysely row by row would make
 * the setup, not the search, the slow part of the benchmark.
 */
export function loadIntoSqlite(file: string, set: HelperSet): void {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const insertUser = db.prepare(
    "insert into users (id, alias, language, client_language, created_at, last_seen_at, reachable) values (?, ?, null, null, ?, ?, ?)",
  );
  const insertHelper = db.prepare(
    `insert into helpers (user_id, status, categories, profile, latitude, longitude, cell, position_updated_at,
       radius_m, available, reachable, quiet_start_minute, quiet_end_minute, submitted_at)
     values (?, ?, '[]', 'bench', ?, ?, ?, 0, ?, ?, ?, ?, ?, 0)`,
  );
  const random = mulberry32(7);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = set.userIds[i]!;
      insertUser.run(id, `bench-${i}`, 0, 0, set.reachable[i]);
      const searchable = set.searchable[i] === 1;
      // Half of the helpers outside the index are pending, half approved but unavailable.
      const pending = !searchable && random() < 0.5;
      const quiet = random() < 0.2;
      insertHelper.run(
        id,
        pending ? "pending" : "approved",
        set.latitudes[i],
        set.longitudes[i],
        cellOf(set.latitudes[i]!, set.longitudes[i]!),
        set.radii[i],
        searchable ? 1 : 0,
        set.reachable[i],
        quiet ? 23 * 60 : null,
        quiet ? 7 * 60 : null,
      );
    }
  });
  for (let from = 0; from < set.count; from += 50_000) batch(from, Math.min(set.count, from + 50_000));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/**
 * The same helpers, with the same pending/unavailable/quiet draw as loadIntoSqlite, into an
 * already migrated PostgreSQL database: arrays unnested server-side in batches, then VACUUM
 * ANALYZE, which a database in service has had from autovacuum (the visibility map is what lets
 * PostgreSQL answer from the index alone).
 */
export async function loadIntoPostgres(url: string, set: HelperSet): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const random = mulberry32(7);
    for (let from = 0; from < set.count; from += 50_000) {
      const to = Math.min(set.count, from + 50_000);
      const c = {
        id: [] as number[],
        alias: [] as string[],
        reachable: [] as number[],
        status: [] as string[],
        lat: [] as number[],
        lon: [] as number[],
        cell: [] as number[],
        radius: [] as number[],
        available: [] as number[],
        quietStart: [] as (number | null)[],
        quietEnd: [] as (number | null)[],
      };
      for (let i = from; i < to; i++) {
        const searchable = set.searchable[i] === 1;
        const pending = !searchable && random() < 0.5;
        const quiet = random() < 0.2;
        c.id.push(set.userIds[i]!);
        c.alias.push(`bench-${i}`);
        c.reachable.push(set.reachable[i]!);
        c.status.push(pending ? "pending" : "approved");
        c.lat.push(set.latitudes[i]!);
        c.lon.push(set.longitudes[i]!);
        c.cell.push(cellOf(set.latitudes[i]!, set.longitudes[i]!));
        c.radius.push(set.radii[i]!);
        c.available.push(searchable ? 1 : 0);
        c.quietStart.push(quiet ? 23 * 60 : null);
        c.quietEnd.push(quiet ? 7 * 60 : null);
      }
      await client.query(
        `insert into users (id, alias, language, client_language, created_at, last_seen_at, reachable)
         select id, alias, null, null, 0, 0, reachable from unnest($1::bigint[], $2::text[], $3::int[]) as t(id, alias, reachable)`,
        [c.id, c.alias, c.reachable],
      );
      await client.query(
        `insert into helpers (user_id, status, categories, profile, latitude, longitude, cell, position_updated_at,
           radius_m, available, reachable, quiet_start_minute, quiet_end_minute, submitted_at)
         select id, status, '[]', 'bench', lat, lon, cell, 0, radius, available, reachable, qs, qe, 0
         from unnest($1::bigint[], $2::text[], $3::float8[], $4::float8[], $5::bigint[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[])
           as t(id, status, lat, lon, cell, radius, available, reachable, qs, qe)`,
        [c.id, c.status, c.lat, c.lon, c.cell, c.radius, c.available, c.reachable, c.quietStart, c.quietEnd],
      );
    }
    await client.query("vacuum analyze users");
    await client.query("vacuum analyze helpers");
    // Loading wrote a few hundred MB; without a checkpoint now, the server flushes them in the
    // background for minutes (checkpoint_completion_target), into the searches being timed.
    await client.query("checkpoint");
  } finally {
    await client.end();
  }
}
