import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { HELPER_STATUSES } from "../../src/domain/helpers.js";
import { REQUEST_STATUSES } from "../../src/domain/requests.js";
import { statisticsFor } from "../../src/services/statistics.js";
import { onBothDatabases } from "../support/databases.js";
import { serviceDeps } from "../support/services.js";
import { DAY, expectedFigures, MIDNIGHT, NOW, scriptDay } from "../e2e/statistics-support.js";

/** The console's queries return numbers, not PostgreSQL's bigint strings, and count what the rows hold. */
onBothDatabases("admin statistics", (open) => {
  it("for each period, every figure equals the count taken from the rows", async () => {
    const { kysely } = await open();
    await migrateToLatest(kysely);
    const deps = serviceDeps(kysely);
    expect(deps.clock.now()).toBe(NOW);
    await scriptDay(kysely);
    for (const [period, from] of [
      ["today", MIDNIGHT],
      ["7d", NOW - 7 * DAY],
      ["30d", NOW - 30 * DAY],
    ] as const) {
      const s = await statisticsFor(deps, period);
      const e = await expectedFigures(kysely, from);
      expect(s.from).toBe(from);
      expect({
        users: s.users.total,
        joined: s.users.joined,
        helpers: HELPER_STATUSES.map((status) => s.helpers[status]),
        requests: REQUEST_STATUSES.map((status) => s.requests[status]),
        rate: s.completionPercent,
        firstOffer: s.medianMinutesToFirstOffer,
        match: s.medianMinutesToMatch,
        badges: s.helpBadgesIssued,
        credits: s.creditsMoved,
        donated: s.badgesDonated,
      }).toStrictEqual({
        users: e.users,
        joined: e.joined,
        helpers: e.helpers,
        requests: e.requests,
        rate: e.rate,
        firstOffer: e.firstOffer,
        match: e.match,
        badges: e.badges,
        credits: e.credits,
        donated: e.donated,
      });
    }
  });
});
