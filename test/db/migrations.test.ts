import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";
import { migrateAllDown, migrateTo, migrateToLatest } from "../../db/migrate.js";
import { ensureUser, findUser, isAliasTaken, setAlias, setLanguage, setReachable } from "../../db/repositories/users.js";
import { conversationStateStore } from "../../db/repositories/conversation-state.js";
import { nearbyListOf, rememberNearbyList } from "../../db/repositories/nearby-lists.js";
import { creditsOf } from "../../src/services/ledger.js";
import { postgresUrl, tempPostgresUrl, tempSqliteUrl } from "../support/databases.js";
import { accountBalances, ledgerProblems } from "../support/ledger.js";

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((n) => !n.startsWith("kysely_"))
    .sort();
}

const ALL_TABLES = [
  "admin_audit",
  "badge_entries",
  "board_donations",
  "boards",
  "chats",
  "conversation_state",
  "deadlines",
  "helper_drafts",
  "helper_proofs",
  "helper_status_history",
  "helpers",
  "inbox",
  "ledger_accounts",
  "ledger_entries",
  "nearby_lists",
  "offers",
  "outbox",
  "payments",
  "relay_focus",
  "relay_messages",
  "reports",
  "request_drafts",
  "request_notifications",
  "requests",
  "reviews",
  "safety_pins",
  "safety_prompts",
  "trusted_contacts",
  "update_effects",
  "users",
  "voucher_events",
  "voucher_kinds",
  "vouchers",
  "walks",
];

function migrationSuite(openDb: () => Promise<{ db: Db; cleanup(): Promise<void> }>) {
  const opened: { db: Db; cleanup(): Promise<void> }[] = [];
  const open = async () => {
    opened.push(await openDb());
    return opened.at(-1)!;
  };
  afterAll(async () => {
    for (const { db, cleanup } of opened) {
      await db.destroy();
      await cleanup();
    }
  });

  it("gives existing users alias keys; of look-alikes that already exist the earliest holds the key", async () => {
    const { db } = await open();
    await migrateTo(db.kysely, "0005_restrictions");
    const user = (id: number, alias: string, createdAt: number) => ({
      id,
      alias,
      language: null,
      client_language: null,
      created_at: createdAt,
      last_seen_at: createdAt,
    });
    // Inserted through a table type that has no alias_key yet, as the rows of a live database are.
    await (db.kysely as unknown as Kysely<any>)
      .insertInto("users")
      .values([user(1, "Victim Helper", 10), user(2, "V\u0456ctim Helper", 20), user(3, "민지 이웃", 30), user(4, "Calm Fox 12", 5)])
      .execute();
    await migrateToLatest(db.kysely);

    const keys = await db.kysely.selectFrom("users").select(["id", "alias", "alias_key"]).orderBy("id").execute();
    expect(keys).toEqual([
      { id: 1, alias: "Victim Helper", alias_key: "vlctlm helper" },
      { id: 2, alias: "V\u0456ctim Helper", alias_key: null },
      { id: 3, alias: "민지 이웃", alias_key: "민지 이웃" },
      { id: 4, alias: "Calm Fox 12", alias_key: "calm fox l2" },
    ]);
    // A third copy is refused, including to the user whose look-alike predates the keys.
    expect(await isAliasTaken(db.kysely, "Victim Helper\u200B", 99)).toBe(true);
    expect(await isAliasTaken(db.kysely, "VICTIM HELPER", 2)).toBe(true);
    expect(await isAliasTaken(db.kysely, "Victim Helper", 1)).toBe(false);
    // The index is unique: even a write that skipped the check cannot store a second holder.
    await expect(setAlias(db.kysely, 3, "Calm F0x 12")).rejects.toThrow();
    await setAlias(db.kysely, 2, "Careful Helper");
    expect(await findUser(db.kysely, 2)).toMatchObject({ alias: "Careful Helper" });
    expect(await isAliasTaken(db.kysely, "careful helper", 1)).toBe(true);
  });

  it("turns credit entries into a double-entry ledger that sums to zero, holding the fees of open and matched requests", async () => {
    const { db } = await open();
    await migrateTo(db.kysely, "0016_payments");
    const old = db.kysely as unknown as Kysely<any>;
    const at = 1_700_000_000_000;
    const user = (id: number, alias: string) => ({
      id,
      alias,
      alias_key: alias.toLowerCase(),
      language: null,
      client_language: null,
      created_at: at,
      last_seen_at: at,
    });
    await old
      .insertInto("users")
      .values([user(1, "Rita"), user(2, "Hana"), user(3, "Admin")])
      .execute();
    const request = (id: number, status: string, fee: number) => ({
      id,
      requester_id: 1,
      category: "repairs",
      description: "Lift.",
      latitude: 35,
      longitude: 129,
      fuzzed_latitude: 35,
      fuzzed_longitude: 129,
      radius_m: 3000,
      fee,
      status,
      created_at: at,
      expires_at: at + 3_600_000,
      helper_id: status === "open" ? null : 2,
    });
    await old
      .insertInto("requests")
      .values([request(1, "completed", 5), request(2, "open", 7), request(3, "matched", 4), request(4, "cancelled", 9)])
      .execute();
    const entry = (user_id: number, amount: number, reason: string, request_id: number | null, note: string | null) => ({
      user_id,
      amount,
      reason,
      request_id,
      actor_id: reason === "admin" ? 3 : null,
      note,
      created_at: at,
    });
    await old
      .insertInto("credit_entries")
      .values([
        entry(1, 30, "topup", null, "charge-1"),
        entry(1, 5, "admin", null, "welcome"),
        entry(1, -5, "fee-paid", 1, null),
        entry(2, 5, "fee-received", 1, null),
        entry(2, 3, "admin", null, "bonus"),
        entry(2, -1, "admin", null, "correction"),
      ])
      .execute();
    // What the derived rule (decision 41) showed before: balance 30, with 7 + 4 reserved.
    await migrateToLatest(db.kysely);

    expect(await ledgerProblems(db.kysely)).toEqual([]);
    expect(await creditsOf(db.kysely, 1)).toEqual({ balance: 30, reserved: 11, available: 19 });
    expect(await creditsOf(db.kysely, 2)).toEqual({ balance: 7, reserved: 0, available: 7 });
    expect(Object.fromEntries(await accountBalances(db.kysely))).toEqual({
      "user:1": 19,
      "user:2": 7,
      escrow: 11,
      payments: -30,
      grants: -7,
    });
    const rows = await db.kysely.selectFrom("ledger_entries").select(["account", "reason", "subject", "amount"]).orderBy("id").execute();
    expect(rows.filter((r) => r.subject === "payment:charge-1")).toEqual([
      { account: "user:1", reason: "topup", subject: "payment:charge-1", amount: 30 },
      { account: "payments", reason: "topup", subject: "payment:charge-1", amount: -30 },
    ]);
    expect(rows.filter((r) => r.subject === "request:3")).toEqual([
      { account: "user:1", reason: "fee-held", subject: "request:3", amount: -4 },
      { account: "escrow", reason: "fee-held", subject: "request:3", amount: 4 },
    ]);
    expect(rows.filter((r) => r.subject === "request:4")).toEqual([]);

    // Down gives the users' rows back to the old table, without the holds it derives from requests.
    await migrateTo(db.kysely, "0016_payments");
    const back = await old.selectFrom("credit_entries").select(["user_id", "amount"]).execute();
    expect(back.map((r) => [Number(r.user_id), Number(r.amount)]).sort()).toEqual(
      [
        [1, 30],
        [1, 5],
        [1, -5],
        [2, 5],
        [2, 3],
        [2, -1],
      ].sort(),
    );
  });

  it("migrates up, stores users and scene state, and migrates all the way down", async () => {
    const { db } = await open();
    await migrateToLatest(db.kysely);
    expect(await tableNames(db)).toEqual(ALL_TABLES);

    const now = 1_700_000_000_000;
    let n = 0;
    const aliases = ["Kind Otter 11", "Kind Otter 11", "Calm Fox 12"];
    const makeAlias = () => aliases[n++]!;
    const first = await ensureUser(db.kysely, { id: 7_000_000_001, clientLanguage: "ko", now, makeAlias });
    // The second user draws a colliding alias first and must get the next one.
    const second = await ensureUser(db.kysely, { id: 7_000_000_002, clientLanguage: "en", now, makeAlias });
    expect(first).toMatchObject({ created: true, user: { alias: "Kind Otter 11", reachable: true, createdAt: now } });
    expect(second).toMatchObject({ created: true, user: { alias: "Calm Fox 12" } });
    expect(typeof first.user.id).toBe("number");

    await setLanguage(db.kysely, 7_000_000_001, "en");
    expect(await setReachable(db.kysely, 7_000_000_001, false)).toBe(true);
    expect(await setReachable(db.kysely, 7_000_000_001, false)).toBe(false);
    expect(await findUser(db.kysely, 7_000_000_001)).toMatchObject({ language: "en", reachable: false });

    const store = conversationStateStore(db.kysely, () => now);
    await store.write("scene:1", '{"step":1}');
    await store.write("scene:1", '{"step":2}');
    expect(await store.read("scene:1")).toEqual('{"step":2}');
    await store.delete("scene:1");
    expect(await store.read("scene:1")).toBeUndefined();

    // A /nearby list, with Telegram-sized ids; lists of long ago are forgotten when a new one is kept.
    await rememberNearbyList(db.kysely, { helperId: 7_000_000_001, messageId: 2_000_000_123, requestIds: [3, 1, 2], now });
    const day = 24 * 60 * 60 * 1000;
    await rememberNearbyList(db.kysely, { helperId: 7_000_000_001, messageId: 2_000_000_124, requestIds: [], now: now + day + 1 });
    expect(await nearbyListOf(db.kysely, 7_000_000_001, 2_000_000_123)).toBeUndefined();
    expect(await nearbyListOf(db.kysely, 7_000_000_001, 2_000_000_124)).toEqual([]);

    await migrateAllDown(db.kysely);
    expect(await tableNames(db)).toEqual([]);
    // And up again: down must leave nothing behind that blocks a fresh install.
    await migrateToLatest(db.kysely);
    expect(await tableNames(db)).toEqual(ALL_TABLES);
    const count = await sql<{ n: number }>`select count(*) as n from users`.execute(db.kysely);
    expect(Number(count.rows[0]?.n)).toBe(0);
  });
}

describe("migrations on SQLite", () => {
  migrationSuite(async () => ({ db: createDb(tempSqliteUrl()), cleanup: async () => {} }));
});

describe.skipIf(!postgresUrl)("migrations on PostgreSQL", () => {
  migrationSuite(async () => {
    const temp = await tempPostgresUrl(postgresUrl!);
    return { db: createDb(temp.url), cleanup: temp.drop };
  });
});
