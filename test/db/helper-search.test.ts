import { computeDestinationPoint, earthRadius } from "geolib";
import { mulberry32 } from "../support/random.js";
import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { type NearbyHelper, findNearbyHelpers, helperPositionColumns } from "../../db/repositories/helper-search.js";
import type { Database } from "../../db/schema.js";
import type { HelperStatus } from "../../src/domain/helpers.js";
import { distanceMeters, isInQuietHours } from "../../src/domain/geo.js";
import { postgresUrl, tempPostgresUrl, tempSqliteUrl } from "../support/databases.js";

const CENTRE = { latitude: 37.5663, longitude: 126.9779 };

interface Placement {
  id: number;
  meters: number;
  bearing?: number;
  radiusM: number;
  status?: HelperStatus;
  available?: number;
  reachable?: number;
  quiet?: [number, number];
  from?: { latitude: number; longitude: number };
}

function place(p: Placement) {
  // On the sphere distanceMeters uses, so a helper placed 500 m away is exactly 500 m away.
  const at = computeDestinationPoint(p.from ?? CENTRE, p.meters, p.bearing ?? 0, earthRadius);
  return { ...p, latitude: at.latitude, longitude: at.longitude };
}

async function insertHelpers(db: Kysely<Database>, placements: Array<Placement & { latitude: number; longitude: number }>) {
  for (let from = 0; from < placements.length; from += 200) {
    const chunk = placements.slice(from, from + 200);
    await db
      .insertInto("users")
      .values(
        chunk.map((p) => ({
          id: p.id,
          alias: `Helper ${p.id}`,
          language: null,
          client_language: null,
          created_at: 0,
          last_seen_at: 0,
          reachable: p.reachable ?? 1,
        })),
      )
      .execute();
    await db
      .insertInto("helpers")
      .values(
        chunk.map((p) => ({
          user_id: p.id,
          status: p.status ?? "approved",
          categories: "[]",
          categories_note: null,
          profile: "test",
          photo_file_id: null,
          career_note: null,
          ...helperPositionColumns(p.latitude, p.longitude),
          position_updated_at: 0,
          live_until: null,
          radius_m: p.radiusM,
          available: p.available ?? 1,
          // The mirror that setReachable keeps in step with users.reachable.
          reachable: p.reachable ?? 1,
          quiet_start_minute: p.quiet?.[0] ?? null,
          quiet_end_minute: p.quiet?.[1] ?? null,
          submitted_at: 0,
          decided_at: null,
          decided_by: null,
          decision_reason: null,
        })),
      )
      .execute();
  }
}

/** The answer by definition: every helper row, filtered and sorted in plain code. */
async function bruteForce(db: Kysely<Database>, query: Parameters<typeof findNearbyHelpers>[1]): Promise<NearbyHelper[]> {
  const rows = await db
    .selectFrom("helpers")
    .innerJoin("users", "users.id", "helpers.user_id")
    .select([
      "user_id",
      "latitude",
      "longitude",
      "radius_m",
      "status",
      "available",
      "users.reachable",
      "users.restricted_at",
      "quiet_start_minute",
      "quiet_end_minute",
    ])
    .execute();
  return rows
    .filter(
      (r) =>
        r.status === "approved" &&
        r.available === 1 &&
        r.reachable === 1 &&
        r.restricted_at === null &&
        !query.excludeUserIds?.has(r.user_id) &&
        (query.awakeAtMinute === undefined || !isInQuietHours(query.awakeAtMinute, r.quiet_start_minute, r.quiet_end_minute)),
    )
    .map((r) => ({
      userId: r.user_id,
      distanceM: distanceMeters(query, r),
      radiusM: r.radius_m,
      quietStartMinute: r.quiet_start_minute,
      quietEndMinute: r.quiet_end_minute,
    }))
    .filter((h) => h.distanceM <= query.radiusM && h.distanceM <= h.radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || a.userId - b.userId)
    .slice(0, query.limit);
}

function searchSuite(open: () => Promise<{ db: Db; cleanup(): Promise<void> }>) {
  const opened: Array<{ db: Db; cleanup(): Promise<void> }> = [];
  const fresh = async () => {
    const current = await open();
    opened.push(current);
    await migrateToLatest(current.db.kysely);
    return current.db.kysely;
  };
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = await fresh();
  });
  afterAll(async () => {
    for (const current of opened) await current.db.destroy();
    for (const current of opened) await current.cleanup();
  });

  it("returns exactly the eligible helpers, nearest first", async () => {
    const twin = computeDestinationPoint(CENTRE, 2200, 200, earthRadius);
    const edge = place({ id: 110, meters: 1500, bearing: 300, radiusM: 0 });
    const edgeDistance = distanceMeters(CENTRE, edge);
    await insertHelpers(db, [
      place({ id: 101, meters: 500, bearing: 10, radiusM: 3000 }),
      place({ id: 102, meters: 2000, bearing: 100, radiusM: 5000 }),
      place({ id: 103, meters: 8000, bearing: 190, radiusM: 10_000 }),
      place({ id: 104, meters: 1000, bearing: 40, radiusM: 5000, available: 0 }),
      place({ id: 105, meters: 1200, bearing: 70, radiusM: 5000, status: "pending" }),
      place({ id: 106, meters: 1500, bearing: 130, radiusM: 5000, reachable: 0 }),
      place({ id: 107, meters: 2500, bearing: 160, radiusM: 1000 }),
      place({ id: 108, meters: 3000, bearing: 220, radiusM: 5000 }),
      place({ id: 109, meters: 4000, bearing: 250, radiusM: 5000, quiet: [23 * 60, 7 * 60] }),
      // Exactly at their own radius: in; one metre short of it: out.
      { ...edge, radiusM: edgeDistance },
      { ...place({ id: 111, meters: 1500, bearing: 300, radiusM: 0 }), radiusM: edgeDistance - 1 },
      // Two at the same spot: the tie goes to the lower user id, whatever the insert order.
      { id: 113, meters: 0, radiusM: 5000, ...twin },
      { id: 112, meters: 0, radiusM: 5000, ...twin },
      place({ id: 114, meters: 300, bearing: 0, radiusM: 3000, status: "suspended" }),
    ]);

    const found = await findNearbyHelpers(db, { ...CENTRE, radiusM: 5000, limit: 10, excludeUserIds: new Set([108]) });
    expect(found.map((h) => h.userId)).toEqual([101, 110, 102, 112, 113, 109]);
    expect(found.map((h) => h.distanceM)).toEqual([500, edgeDistance, 2000, 2200, 2200, 4000]);
    expect(found[5]).toEqual({ userId: 109, distanceM: 4000, radiusM: 5000, quietStartMinute: 1380, quietEndMinute: 420 });
    expect(found[0]).toMatchObject({ quietStartMinute: null, quietEndMinute: null, radiusM: 3000 });

    expect((await findNearbyHelpers(db, { ...CENTRE, radiusM: 5000, limit: 2 })).map((h) => h.userId)).toEqual([101, 110]);
    // The query radius is inclusive too; without the exclusion 108 is back.
    expect((await findNearbyHelpers(db, { ...CENTRE, radiusM: 3000, limit: 10 })).map((h) => h.userId)).toEqual([
      101, 110, 102, 112, 113, 108,
    ]);
    expect((await findNearbyHelpers(db, { ...CENTRE, radiusM: 10_000, limit: 10 })).map((h) => h.userId)).toEqual([
      101, 110, 102, 112, 113, 108, 109, 103,
    ]);
    // 109 sleeps 23:00–07:00: left out at 23:00 and 06:59, back at 07:00 and 22:59.
    const awakeAt = async (minute: number) =>
      (await findNearbyHelpers(db, { ...CENTRE, radiusM: 5000, limit: 10, awakeAtMinute: minute })).map((h) => h.userId);
    expect(await awakeAt(23 * 60)).toEqual([101, 110, 102, 112, 113, 108]);
    expect(await awakeAt(7 * 60 - 1)).toEqual([101, 110, 102, 112, 113, 108]);
    expect(await awakeAt(7 * 60)).toEqual([101, 110, 102, 112, 113, 108, 109]);
    expect(await awakeAt(23 * 60 - 1)).toEqual([101, 110, 102, 112, 113, 108, 109]);
    expect(await findNearbyHelpers(db, { ...CENTRE, radiusM: 400, limit: 10 })).toEqual([]);
    expect(await findNearbyHelpers(db, { ...CENTRE, radiusM: 5000, limit: 0 })).toEqual([]);
  });

  it("finds helpers on both sides of the antimeridian", async () => {
    const east = { latitude: -16.5, longitude: 179.998 };
    const across = place({ id: 201, meters: 300, bearing: 90, radiusM: 3000, from: east });
    expect(across.longitude).toBeLessThan(-179.99);
    await insertHelpers(db, [across, place({ id: 202, meters: 100, bearing: 270, radiusM: 3000, from: east })]);
    const found = await findNearbyHelpers(db, { ...east, radiusM: 2000, limit: 5 });
    expect(found.map((h) => [h.userId, h.distanceM])).toEqual([
      [202, 100],
      [201, 300],
    ]);
  });

  it("agrees with a brute-force scan for a few hundred random queries", async () => {
    const random = mulberry32(42);
    const base = 1_000_000;
    const statuses: HelperStatus[] = ["approved", "approved", "approved", "approved", "pending", "suspended"];
    const radii = [500, 1000, 3000, 5000, 10_000];
    // Over midnight, within a day, empty (no quiet hours), and none at all, most often.
    const quietWindows: Array<[number, number] | undefined> = [
      [22 * 60, 6 * 60],
      [9 * 60, 17 * 60],
      [600, 600],
      undefined,
      undefined,
      undefined,
    ];
    const origin = { latitude: 35.1, longitude: 129.04 };
    // A dense core, a town around it and a thin countryside, so every widening path is taken.
    const spread = (i: number) => (i < 900 ? 400 : i < 1600 ? 2500 : 15_000);
    const placements = Array.from({ length: 2000 }, (_, i) => {
      const meters = spread(i) * Math.sqrt(random());
      return place({
        id: base + Math.floor(random() * 1000) * 10_000 + i,
        meters,
        bearing: random() * 360,
        from: origin,
        radiusM: radii[Math.floor(random() * radii.length)]!,
        status: statuses[Math.floor(random() * statuses.length)]!,
        available: random() < 0.9 ? 1 : 0,
        reachable: random() < 0.95 ? 1 : 0,
        quiet: quietWindows[Math.floor(random() * quietWindows.length)],
      });
    });
    // The search sizes its first box by the helpers per cell, read at a database's first search:
    // `db` read them before these helpers came (so each search reads its whole radius at once),
    // `counted` after (so it starts small and widens). The answers must be the same.
    const counted = await fresh();
    await insertHelpers(db, placements);
    await insertHelpers(counted, placements);
    const ids = placements.map((p) => p.id);

    let compared = 0;
    for (let q = 0; q < 300; q++) {
      const at = computeDestinationPoint(origin, spread(Math.floor(random() * 2000)) * Math.sqrt(random()), random() * 360);
      const excludeUserIds = new Set(Array.from({ length: Math.floor(random() * 4) * 10 }, () => ids[Math.floor(random() * ids.length)]!));
      // Every other query counts quiet hours, at any minute of the day (ends included).
      const awakeAtMinute = q % 2 === 0 ? undefined : [0, 6 * 60, 9 * 60, 17 * 60 - 1, 22 * 60][q % 5]! + (q % 3);
      const query = {
        ...at,
        radiusM: [300, 1000, 3000, 5000, 20_000][q % 5]!,
        limit: 1 + Math.floor(random() * 60),
        excludeUserIds,
        awakeAtMinute,
      };
      const expected = await bruteForce(db, query);
      expect(await findNearbyHelpers(db, query)).toEqual(expected);
      expect(await findNearbyHelpers(counted, query)).toEqual(expected);
      compared += expected.length;
    }
    // The comparison means something only if many queries had answers.
    expect(compared).toBeGreaterThan(3000);
    // ~1,200 statements on PostgreSQL: ~8 s on an idle 2-core machine, three times that under load.
  }, 120_000);

  it("sizes its first box by the helpers in the query's cell: one statement in a dense core and in an empty cell", async () => {
    const counted = await fresh();
    // In the middle of a grid cell, so the core lies in one cell.
    const origin = { latitude: 35.905, longitude: 128.60625 };
    const random = mulberry32(7);
    // 600 helpers within 300 m, and 60 on a half ring 4–6 km to the east.
    const placements = Array.from({ length: 660 }, (_, i) =>
      i < 600
        ? place({ id: 3_000_000 + i, meters: 300 * Math.sqrt(random()), bearing: random() * 360, from: origin, radiusM: 20_000 })
        : place({ id: 3_000_000 + i, meters: 4000 + 2000 * random(), bearing: random() * 180, from: origin, radiusM: 20_000 }),
    );
    await insertHelpers(counted, placements);
    let statements = 0;
    const watched = counted.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements++;
        return args.result;
      },
    });
    const statementsFor = async (query: Parameters<typeof findNearbyHelpers>[1]) => {
      statements = 0;
      const found = await findNearbyHelpers(watched, query);
      expect(found).toEqual(await bruteForce(counted, query));
      expect(found).toHaveLength(query.limit);
      return statements;
    };
    // The first search reads the counts.
    await findNearbyHelpers(counted, { ...origin, radiusM: 1000, limit: 1 });
    // The core's cell holds 600: a box of about 230 m, of which the nearest 50 are within ~90 m.
    expect(await statementsFor({ ...origin, radiusM: 8000, limit: 50 })).toBe(1);
    // 2 km west of the core, in a cell nobody is in: the whole radius at once, which reaches the core.
    const west = computeDestinationPoint(origin, 2000, 270, earthRadius);
    expect(await statementsFor({ ...west, radiusM: 3000, limit: 50 })).toBe(1);
  });
}

describe("findNearbyHelpers on SQLite", () => {
  searchSuite(async () => ({ db: createDb(tempSqliteUrl()), cleanup: async () => {} }));

  it("reads helpers only through the helpers_nearby covering index, whatever the box size", async () => {
    const raw = new SQLite(tempSqliteUrl().slice("sqlite:".length));
    const statements: CompiledQuery[] = [];
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => void statements.push(event.query),
    });
    try {
      await migrateToLatest(db);
      // In an empty table every search reads its whole radius at once: boxes from one cell to
      // hundreds, where a planner without statistics is most tempted by another index.
      for (const radiusM of [100, 1000, 5000, 20_000]) await findNearbyHelpers(db, { ...CENTRE, radiusM, limit: 50 });
      // Quiet hours are read from the same index.
      await findNearbyHelpers(db, { ...CENTRE, radiusM: 20_000, limit: 50, awakeAtMinute: 600 });
      const searches = statements.filter((s) => s.sql.includes('"box_cells"'));
      const cellCounts = searches.map((s) => s.sql.split("(values ")[1]!.split("), (").length);
      expect(Math.min(...cellCounts)).toBe(1);
      expect(Math.max(...cellCounts)).toBeGreaterThan(300);
      expect(searches.some((s) => s.sql.includes("quiet_start_minute <"))).toBe(true);
      for (const search of searches) {
        const plan = raw.prepare(`explain query plan ${search.sql}`).all(...search.parameters) as Array<{ detail: string }>;
        const helperSteps = plan.map((p) => p.detail).filter((d) => d.includes("helpers"));
        expect(helperSteps).toEqual(["SEARCH helpers USING COVERING INDEX helpers_nearby (cell=? AND latitude>? AND latitude<?)"]);
      }
    } finally {
      await db.destroy();
    }
  });
});

describe.skipIf(!postgresUrl)("findNearbyHelpers on PostgreSQL", () => {
  searchSuite(async () => {
    const temp = await tempPostgresUrl(postgresUrl!);
    return { db: createDb(temp.url), cleanup: temp.drop };
  });
});
