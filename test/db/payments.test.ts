import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { creditTopup } from "../../src/services/payments.js";
import { onBothDatabases } from "../support/databases.js";
import { seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * The same successful payment handled twice at once (two updates carrying one charge): the
 * charge id lets exactly one of them add the credits. On PostgreSQL the two run on separate
 * connections and interleave.
 */
onBothDatabases("payments credited once", (open) => {
  it("one charge, credited twice at once: one credit entry and one payment row", async () => {
    const { kysely } = await open();
    await migrateToLatest(kysely);
    const deps = serviceDeps(kysely, { PAYMENT_PROVIDER_TOKEN: "provider", TOPUP_AMOUNTS: "30", CREDIT_PRICE: "1000" });
    const problems: string[] = [];
    for (let round = 1; round <= 10; round++) {
      const userId = 30_000 + round;
      await seedUser(kysely, { id: userId, alias: `Payer ${round}`, now: deps.clock.now() });
      const payment = {
        userId,
        chargeId: `charge-${round}`,
        providerChargeId: `provider-${round}`,
        payload: `topup:${userId}:30`,
        currency: "KRW",
        totalAmount: 30_000,
      };
      const results = await Promise.all([creditTopup(deps, payment), creditTopup(deps, payment)]);
      const outcomes = results.map((r) => r.outcome).sort();
      if (outcomes.join() !== "already,credited") problems.push(`round ${round}: ${outcomes.join(", ")}`);
      const entries = await kysely
        .selectFrom("ledger_entries")
        .select(["account", "amount"])
        .where("subject", "=", `payment:charge-${round}`)
        .orderBy("account")
        .execute();
      const expected = [
        { account: "payments", amount: -30 },
        { account: `user:${userId}`, amount: 30 },
      ];
      if (JSON.stringify(entries) !== JSON.stringify(expected)) problems.push(`round ${round}: entries ${JSON.stringify(entries)}`);
    }
    expect(problems).toEqual([]);
    expect(await kysely.selectFrom("payments").select("charge_id").execute()).toHaveLength(10);
  });
});
