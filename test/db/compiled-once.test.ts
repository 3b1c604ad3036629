import { expect, it } from "vitest";
import { compiledOnce } from "../../db/compiled-once.js";
import { migrateToLatest } from "../../db/migrate.js";
import { onBothDatabases } from "../support/databases.js";
import { seedUser } from "../support/seed.js";

const aliasOf = compiledOnce<{ id: number }, { alias: string }>((db, slot) =>
  db.selectFrom("users").select("alias").where("id", "=", slot("id")),
);

/**
 * A statement built once runs with each call's values; on SQLite it runs on the connection itself
 * (db/sqlite-fast-path.ts), which must read exactly what Kysely would: inside a transaction its
 * writes, outside one only what is committed, after an open transaction has finished.
 */
onBothDatabases("statements compiled once", (open) => {
  it("read with each call's values, they see a transaction's writes inside it and only committed ones outside", async () => {
    const db = await open();
    await migrateToLatest(db.kysely);
    await seedUser(db.kysely, { id: 601, alias: "Pine", now: 1 });
    await seedUser(db.kysely, { id: 602, alias: "Cedar", now: 1 });
    expect(await aliasOf(db.kysely, { id: 601 })).toEqual([{ alias: "Pine" }]);
    expect(await aliasOf(db.kysely, { id: 602 })).toEqual([{ alias: "Cedar" }]);
    expect(await aliasOf(db.kysely, { id: 603 })).toEqual([]);

    let outside: Promise<Array<{ alias: string }>> | undefined;
    await db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable("users").set({ alias: "Birch" }).where("id", "=", 601).execute();
      expect(await aliasOf(trx, { id: 601 })).toEqual([{ alias: "Birch" }]);
      // Asked outside while the transaction is open: PostgreSQL reads the committed row on another
      // connection; SQLite's one connection is the transaction's, so the read waits for its end.
      outside = aliasOf(db.kysely, { id: 601 });
      if (db.dialect === "postgres") expect(await outside).toEqual([{ alias: "Pine" }]);
      await trx.updateTable("users").set({ alias: "Oak" }).where("id", "=", 601).execute();
    });
    if (db.dialect === "sqlite") expect(await outside).toEqual([{ alias: "Oak" }]);
    expect(await aliasOf(db.kysely, { id: 601 })).toEqual([{ alias: "Oak" }]);
  });
});
