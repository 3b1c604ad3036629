import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe } from "vitest";
import { createDb, type Db } from "../../db/create-db.js";

/** Set by .ci/run; without it the PostgreSQL tests are reported as skipped. */
export const postgresUrl = process.env.TEST_POSTGRES_URL;

export function tempSqliteUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), "doum-")), "doum.sqlite")}`;
}

/**
 * A fresh, empty PostgreSQL database per test file, so files can run in parallel. (Schemas are
 * not enough: Kysely's migrator looks for its own tables across schemas.)
 */
export async function tempPostgresUrl(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `doum_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Declares `suite` twice: on SQLite, and on PostgreSQL when `TEST_POSTGRES_URL` is set (otherwise
 * reported as skipped). `open` gives the suite a fresh, empty database; every one it opened is
 * closed, and then dropped, after the suite — pools first, so no connection is cut mid-query.
 */
export function onBothDatabases(title: string, suite: (open: () => Promise<Db>) => void): void {
  const backends: { name: string; skip: boolean; open: () => Promise<{ db: Db; drop(): Promise<void> }> }[] = [
    { name: "SQLite", skip: false, open: async () => ({ db: createDb(tempSqliteUrl()), drop: async () => {} }) },
    {
      name: "PostgreSQL",
      skip: !postgresUrl,
      open: async () => {
        const temp = await tempPostgresUrl(postgresUrl!);
        return { db: createDb(temp.url), drop: temp.drop };
      },
    },
  ];
  for (const backend of backends) {
    describe.skipIf(backend.skip)(`${title} on ${backend.name}`, () => {
      const opened: { db: Db; drop(): Promise<void> }[] = [];
      afterAll(async () => {
        for (const o of opened) await o.db.destroy();
        for (const o of opened) await o.drop();
      });
      suite(async () => {
        const o = await backend.open();
        opened.push(o);
        return o.db;
      });
    });
  }
}
