import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

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
