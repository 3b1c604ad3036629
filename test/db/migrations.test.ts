import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";
import { migrateAllDown, migrateToLatest } from "../../db/migrate.js";
import { ensureUser, findUser, setLanguage, setReachable } from "../../db/repositories/users.js";
import { conversationStateStore } from "../../db/repositories/conversation-state.js";
import { postgresUrl, tempPostgresUrl, tempSqliteUrl } from "../support/databases.js";

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((n) => !n.startsWith("kysely_"))
    .sort();
}

const ALL_TABLES = [
  "admin_audit",
  "conversation_state",
  "credit_entries",
  "deadlines",
  "helper_drafts",
  "helper_proofs",
  "helper_status_history",
  "helpers",
  "inbox",
  "offers",
  "outbox",
  "request_notifications",
  "requests",
  "update_effects",
  "users",
];

function migrationSuite(open: () => Promise<{ db: Db; cleanup(): Promise<void> }>) {
  let current: { db: Db; cleanup(): Promise<void> } | undefined;
  afterAll(async () => {
    await current?.db.destroy();
    await current?.cleanup();
  });

  it("migrates up, stores users and scene state, and migrates all the way down", async () => {
    current = await open();
    const { db } = current;
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

    const store = conversationStateStore<{ step: number }>(db.kysely, () => now);
    await store.write("scene:1", { step: 1 });
    await store.write("scene:1", { step: 2 });
    expect(await store.read("scene:1")).toEqual({ step: 2 });
    await store.delete("scene:1");
    expect(await store.read("scene:1")).toBeUndefined();

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
