import type { Kysely } from "kysely";
import { aliasKey } from "../../src/domain/alias-key.js";

// Frozen: never edit a migration that has shipped; add a new one.
// Keys are computed by the folding rules of the day this runs; a change to those rules ships
// with a migration of its own that computes them again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("alias_key", "text").execute();

  // Look-alike aliases that already exist stay as they are: the earliest holds the key and the
  // later ones get none. Nobody can take a third copy, because the key is still taken.
  const users: { id: number; alias: string }[] = await db
    .selectFrom("users")
    .select(["id", "alias"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const holders = new Set<string>();
  for (const user of users) {
    const key = aliasKey(user.alias);
    if (holders.has(key)) continue;
    holders.add(key);
    await db.updateTable("users").set({ alias_key: key }).where("id", "=", user.id).execute();
  }
  // Not "users_alias_key": PostgreSQL already named the alias column's unique constraint so.
  await db.schema.createIndex("users_alias_key_unique").on("users").column("alias_key").unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("users_alias_key_unique").execute();
  await db.schema.alterTable("users").dropColumn("alias_key").execute();
}
