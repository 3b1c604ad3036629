import type { Kysely, Transaction } from "kysely";
import type { Database, Language, User } from "../schema.js";

export function findUser(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Returns the user, creating them on first contact. A new alias may collide with an existing
 * one (it is unique), so a few fresh ones are tried before giving up.
 */
/** The name others see; every user has one from first contact. */
export async function aliasOf(db: Kysely<Database>, id: number): Promise<string> {
  return (await db.selectFrom("users").select("alias").where("id", "=", id).executeTakeFirstOrThrow()).alias;
}

export async function ensureUser(
  db: Kysely<Database>,
  input: { id: number; clientLanguage: string | null; now: number; makeAlias: () => string },
): Promise<{ user: User; created: boolean }> {
  const existing = await findUser(db, input.id);
  if (existing) {
    if (existing.last_seen_at < input.now - 60_000 || existing.client_language !== input.clientLanguage) {
      await db
        .updateTable("users")
        .set({ last_seen_at: input.now, client_language: input.clientLanguage })
        .where("id", "=", input.id)
        .execute();
    }
    return { user: { ...existing, last_seen_at: input.now, client_language: input.clientLanguage }, created: false };
  }
  for (let attempt = 0; attempt < 8; attempt++) {
    const inserted = await db
      .insertInto("users")
      .values({
        id: input.id,
        alias: input.makeAlias(),
        language: null,
        client_language: input.clientLanguage,
        created_at: input.now,
        last_seen_at: input.now,
        reachable: 1,
        restricted_at: null,
        restricted_reason: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { user: inserted, created: true };
    // Either the alias was taken or a concurrent update created this user first.
    const raced = await findUser(db, input.id);
    if (raced) return { user: raced, created: false };
  }
  throw new Error(`Could not find a free alias for user ${input.id}`);
}

export async function setLanguage(db: Kysely<Database>, id: number, language: Language): Promise<void> {
  await db.updateTable("users").set({ language }).where("id", "=", id).execute();
}

/** Returns true when the flag actually changed. The helper's copy changes with it. */
export async function setReachable(db: Kysely<Database>, id: number, reachable: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("users")
      .set({ reachable: reachable ? 1 : 0 })
      .where("id", "=", id)
      .where("reachable", "=", reachable ? 0 : 1)
      .executeTakeFirst();
    await trx
      .updateTable("helpers")
      .set({ reachable: reachable ? 1 : 0 })
      .where("user_id", "=", id)
      .execute();
    return result.numUpdatedRows > 0n;
  });
}

/**
 * Returns false when the user did not exist or was already in that state. Call inside the
 * transaction of the change: the helper's copy of the flag changes in the same statement set.
 */
export async function setRestricted(
  trx: Transaction<Database>,
  id: number,
  restriction: { at: number; reason: string } | null,
): Promise<boolean> {
  const result = await trx
    .updateTable("users")
    .set({ restricted_at: restriction?.at ?? null, restricted_reason: restriction?.reason ?? null })
    .where("id", "=", id)
    .where("restricted_at", restriction ? "is" : "is not", null)
    .executeTakeFirst();
  await trx
    .updateTable("helpers")
    .set({ restricted: restriction ? 1 : 0 })
    .where("user_id", "=", id)
    .execute();
  return result.numUpdatedRows > 0n;
}
