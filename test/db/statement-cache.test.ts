import { sql } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { findUser } from "../../db/repositories/users.js";
import { onBothDatabases } from "../support/databases.js";
import { seedUser } from "../support/seed.js";

/**
 * Repositories keep building statements through Kysely; the driver underneath prepares each
 * distinct text once and reuses it, and a reused statement still sees every later write.
 */
onBothDatabases("statements prepared once", (open) => {
  it("the same query run again reuses its statement and reads the rows as they are now", async () => {
    const db = await open();
    await migrateToLatest(db.kysely);
    await seedUser(db.kysely, { id: 501, alias: "Pine", now: 1 });
    await seedUser(db.kysely, { id: 502, alias: "Cedar", now: 1 });

    const prepared: string[] = [];
    if (db.sqlite) {
      const prepare = db.sqlite.prepare.bind(db.sqlite);
      db.sqlite.prepare = ((source: string) => (prepared.push(source), prepare(source))) as typeof db.sqlite.prepare;
    }
    await db.kysely.connection().execute(async (connection) => {
      expect((await findUser(connection, 501))?.alias).toBe("Pine");
      expect((await findUser(connection, 502))?.alias).toBe("Cedar");
      await connection.updateTable("users").set({ alias: "Birch" }).where("id", "=", 501).execute();
      expect((await findUser(connection, 501))?.alias).toBe("Birch");
      if (db.dialect === "postgres") {
        // What the server holds for this connection: the user lookup, parsed once under one name.
        const { rows } = await sql<{ count: number }>`select count(*)::int as count from pg_prepared_statements
          where statement = ${'select * from "users" where "id" = $1'}`.execute(connection);
        expect(rows[0]!.count).toBe(1);
      }
    });
    if (db.sqlite) expect(prepared.filter((text) => text.startsWith('select * from "users"'))).toHaveLength(1);
  });
});
