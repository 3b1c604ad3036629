import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { releaseAlbums } from "../../db/repositories/relay.js";
import type { Database } from "../../db/schema.js";
import { tempSqliteUrl } from "../support/databases.js";

// Every relayed message first lets go of the sender's albums still gathering for the reader; its
// cost must not grow with the outbox's backlog (the story tests show what it releases).
it("finds the albums to let go from the sender's album items, not from every pending outbox row", async () => {
  const raw = new SQLite(tempSqliteUrl().slice("sqlite:".length));
  const statements: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void statements.push(event.query) });
  try {
    await migrateToLatest(db);
    statements.length = 0;
    await db.transaction().execute((trx) => releaseAlbums(trx, { fromUserId: 1, toUserId: 2 }));
    await db.transaction().execute((trx) => releaseAlbums(trx, { fromUserId: 1, toUserId: 2, exceptMediaGroupId: "g" }));
    const lookups = statements.filter((s) => s.sql.includes('"outbox"'));
    expect(lookups).toHaveLength(2);
    for (const lookup of lookups) {
      const plan = raw.prepare(`explain query plan ${lookup.sql}`).all(...lookup.parameters) as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail)).toEqual([
        "SEARCH relay_messages USING INDEX relay_messages_albums (from_user_id=? AND to_user_id=?)",
        "SEARCH outbox USING INTEGER PRIMARY KEY (rowid=?)",
      ]);
    }
  } finally {
    await db.destroy();
  }
});
