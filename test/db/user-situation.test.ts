import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { situationOf } from "../../db/repositories/user-situation.js";
import type { Db } from "../../db/create-db.js";
import type { Database } from "../../db/schema.js";
import { onBothDatabases, tempSqliteUrl } from "../support/databases.js";

const VETERAN = 1;
const NEIGHBOUR = 2;
const NOW = 10_000_000;
const RECENTLY = NOW - 60_000;
const PAST_CHATS = 1_000;

/** A helper with a thousand chats that ended long ago, as a busy neighbourhood would give one. */
async function veteran(db: Pick<Db, "kysely">): Promise<void> {
  await migrateToLatest(db.kysely);
  await db.kysely
    .insertInto("users")
    .values([VETERAN, NEIGHBOUR].map((id) => ({ id, alias: `User ${id}`, created_at: 0, last_seen_at: 0 })))
    .execute();
  const past = Array.from({ length: PAST_CHATS }, (_, i) => ({
    request_id: i + 1,
    requester_id: NEIGHBOUR,
    helper_id: VETERAN,
    status: "completed" as const,
    meeting_code: "0000",
    opened_at: i,
    closed_at: 1_000 + i,
  }));
  for (let i = 0; i < past.length; i += 200)
    await db.kysely
      .insertInto("chats")
      .values(past.slice(i, i + 200))
      .execute();
}

const situation = (db: Db, userId: number) => situationOf(db.kysely, { userId, endedSince: RECENTLY, sceneKey: String(userId) });

onBothDatabases("the situation read with every message", (open) => {
  it("tells a chat that ended lately and an open chat apart from a thousand old ones, on either side", async () => {
    const db = await open();
    await veteran(db);
    expect(await situation(db, VETERAN)).toMatchObject({ inOpenChat: false, chatEndedSince: false });
    expect(await situation(db, NEIGHBOUR)).toMatchObject({ inOpenChat: false, chatEndedSince: false });

    await db.kysely
      .insertInto("chats")
      .values({ request_id: 5_000, requester_id: NEIGHBOUR, helper_id: VETERAN, status: "open", meeting_code: "1", opened_at: NOW })
      .execute();
    expect(await situation(db, VETERAN)).toMatchObject({ inOpenChat: true, chatEndedSince: false });

    await db.kysely.updateTable("chats").set({ status: "completed", closed_at: NOW }).where("request_id", "=", 5_000).execute();
    expect(await situation(db, VETERAN)).toMatchObject({ inOpenChat: false, chatEndedSince: true });
    expect(await situation(db, NEIGHBOUR)).toMatchObject({ inOpenChat: false, chatEndedSince: true });
  });
});

// The same statement on SQLite, as the bot runs it: its plan reaches the ended chats by closing time.
it("reads only the chats that ended since, not every chat the sender ever had", async () => {
  const raw = new SQLite(tempSqliteUrl().slice("sqlite:".length));
  const statements: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void statements.push(event.query) });
  try {
    await veteran({ kysely });
    statements.length = 0;
    await situationOf(kysely, { userId: VETERAN, endedSince: RECENTLY, sceneKey: String(VETERAN) });
    expect(statements).toHaveLength(1);
    const plan = raw.prepare(`explain query plan ${statements[0]!.sql}`).all(...statements[0]!.parameters) as Array<{ detail: string }>;
    const chats = plan.map((p) => p.detail).filter((detail) => detail.includes("chats"));
    expect(chats).toEqual([
      "SEARCH chats USING INDEX chats_requester (requester_id=? AND status=?)",
      "SEARCH chats USING INDEX chats_helper (helper_id=? AND status=?)",
      "SEARCH chats USING INDEX chats_requester_closed (requester_id=? AND closed_at>?)",
      "SEARCH chats USING INDEX chats_helper_closed (helper_id=? AND closed_at>?)",
    ]);
  } finally {
    await kysely.destroy();
  }
});
