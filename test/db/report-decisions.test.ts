import { expect, it } from "vitest";
import type { Db } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import type { ReportDecision } from "../../src/domain/reports.js";
import { adjustBadges } from "../../src/services/badge-adjustments.js";
import { decideReport, reportChat } from "../../src/services/chats/reports.js";
import { chooseOffer } from "../../src/services/requests/choosing.js";
import { acceptRequest } from "../../src/services/requests/offers.js";
import { postRequest } from "../../src/services/requests/posting.js";
import { onBothDatabases } from "../support/databases.js";
import { seedHelperRow, seedUser } from "../support/seed.js";
import { serviceDeps } from "../support/services.js";

/**
 * Two admins deciding one report at once, and two badge adjustments against one count: on
 * PostgreSQL they run on separate connections and interleave. A report is decided once, with
 * the one decision's effects and audit row; a count never goes below zero.
 */
const ADMINS = [900_001, 900_002] as const;
const PLACE = { latitude: 35, longitude: 129 };

async function openWorld(db: Db) {
  const { kysely } = db;
  await migrateToLatest(kysely);
  const deps = serviceDeps(kysely, { ADMIN_IDS: ADMINS.join(","), MAX_OPEN_REQUESTS_PER_USER: "10" });

  /** A requester and a helper in an open chat, and the requester's report on it. */
  async function reported(round: number) {
    const requesterId = 30_000 + round;
    const helperId = 40_000 + round;
    const now = deps.clock.now();
    await seedUser(kysely, { id: requesterId, alias: `Requester ${round}`, now });
    await seedUser(kysely, { id: helperId, alias: `Helper ${round}`, now });
    const at = { latitude: PLACE.latitude + round * 0.2, longitude: PLACE.longitude };
    await seedHelperRow(kysely, { userId: helperId, at, radiusKm: 5, now });
    const posted = await postRequest(deps, requesterId, {
      category: "repairs",
      description: "Lift.",
      place: at,
      validityMinutes: 30,
      fee: 0,
    });
    if (!posted.ok) throw new Error(`posting failed: ${posted.reason}`);
    const offer = await acceptRequest(deps, helperId, posted.requestId, 10);
    if (!offer.ok) throw new Error(`offer failed: ${offer.reason}`);
    await chooseOffer(deps, requesterId, offer.offerId);
    const chat = await kysely.selectFrom("chats").select("id").where("request_id", "=", posted.requestId).executeTakeFirstOrThrow();
    await reportChat(deps, requesterId, Number(chat.id), "abuse");
    const report = await kysely.selectFrom("reports").select("id").where("chat_id", "=", chat.id).executeTakeFirstOrThrow();
    return { helperId, chatId: Number(chat.id), reportId: Number(report.id) };
  }
  return { deps, kysely, reported };
}

const STATE = { warn: "warned", restrict: "restricted", close: "closed", dismiss: "dismissed" } as const;
const AUDIT = { warn: "report.warn", restrict: "user.restrict", close: "chat.close", dismiss: "report.dismiss" } as const;
const PAIRS: [ReportDecision, ReportDecision][] = [
  ["restrict", "close"],
  ["warn", "dismiss"],
  ["close", "close"],
  ["close", "restrict"],
  ["dismiss", "warn"],
];

function decisionSuite(open: () => Promise<Db>) {
  it("two admins deciding one report at once: one decision, its effects and one audit row", async () => {
    const w = await openWorld(await open());
    const found: string[] = [];
    for (const [round, [first, second]] of PAIRS.entries()) {
      const r = await w.reported(round + 1);
      const results = await Promise.all([
        decideReport(w.deps, ADMINS[0], r.reportId, first),
        decideReport(w.deps, ADMINS[1], r.reportId, second),
      ]);
      const won = results.findIndex((x) => x.ok);
      const lost = results.filter((x) => !x.ok && x.reason === "decided");
      if (won === -1 || lost.length !== 1) {
        found.push(`round ${round}: ${JSON.stringify(results)}`);
        continue;
      }
      const decision = [first, second][won]!;
      const report = await w.kysely.selectFrom("reports").selectAll().where("id", "=", r.reportId).executeTakeFirstOrThrow();
      if (report.state !== STATE[decision] || Number(report.handled_by) !== ADMINS[won])
        found.push(`round ${round}: report ${report.state}`);
      const audit = await w.kysely
        .selectFrom("admin_audit")
        .select(["action", "admin_id"])
        .where("subject_id", "in", [r.helperId, r.chatId])
        .execute();
      if (audit.length !== 1 || audit[0]!.action !== AUDIT[decision]) found.push(`round ${round}: audit ${JSON.stringify(audit)}`);
      const chat = await w.kysely.selectFrom("chats").select("status").where("id", "=", r.chatId).executeTakeFirstOrThrow();
      if ((chat.status === "closed") !== (decision === "close")) found.push(`round ${round}: chat ${chat.status}`);
      const user = await w.kysely.selectFrom("users").select("restricted_at").where("id", "=", r.helperId).executeTakeFirstOrThrow();
      if ((user.restricted_at !== null) !== (decision === "restrict")) found.push(`round ${round}: restricted ${user.restricted_at}`);
    }
    expect(found).toEqual([]);
  });

  it("Close chat on a chat that has ended decides nothing: the report stays open for another decision", async () => {
    const w = await openWorld(await open());
    const r = await w.reported(50);
    await w.kysely.updateTable("chats").set({ status: "completed", closed_at: w.deps.clock.now() }).where("id", "=", r.chatId).execute();
    expect(await decideReport(w.deps, ADMINS[0], r.reportId, "close")).toEqual({ ok: false, reason: "chat-ended" });
    const report = await w.kysely
      .selectFrom("reports")
      .select(["state", "handled_by"])
      .where("id", "=", r.reportId)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ state: "open", handled_by: null });
    expect(await w.kysely.selectFrom("admin_audit").selectAll().execute()).toEqual([]);
    expect(await decideReport(w.deps, ADMINS[1], r.reportId, "warn")).toEqual({ ok: true, restrictedBefore: false });
  });

  it("two admins taking the last penalty away at once: one takes it, the count stays at zero", async () => {
    const w = await openWorld(await open());
    const userId = 50_000;
    await seedUser(w.kysely, { id: userId, alias: "Someone", now: w.deps.clock.now() });
    await adjustBadges(w.deps, { adminId: ADMINS[0], userId, kind: "penalty", amount: 1, reason: "late" });
    const results = await Promise.all(
      ADMINS.map((adminId) => adjustBadges(w.deps, { adminId, userId, kind: "penalty", amount: -1, reason: "forgiven" })),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.reason)).sort()).toEqual(["below-zero", "ok"]);
    const rows = await w.kysely.selectFrom("badge_entries").select("amount").where("user_id", "=", userId).execute();
    expect(rows.map((r) => Number(r.amount)).sort()).toEqual([-1, 1]);
    const audit = await w.kysely.selectFrom("admin_audit").select("action").where("subject_id", "=", userId).execute();
    expect(audit).toHaveLength(2);
  });
}

onBothDatabases("report decisions and badge adjustments", decisionSuite);
