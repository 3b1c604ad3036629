import type { Kysely, Transaction } from "kysely";
import { aliasKey } from "../../src/domain/alias-key.js";
import { type Language, languageOf } from "../../src/domain/language.js";
import type { User } from "../../src/domain/users.js";
import type { Database, UserRow } from "../schema.js";
import { takesRowLocks } from "./row-locks.js";

type Executor = Kysely<Database> | Transaction<Database>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    alias: row.alias,
    language: row.language,
    clientLanguage: row.client_language,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    reachable: row.reachable === 1,
    restrictedAt: row.restricted_at,
    restrictedReason: row.restricted_reason,
  };
}

export async function findUser(db: Executor, id: number): Promise<User | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toUser(row);
}

/** The user whose alias folds to the same key as `alias`, as /admin looks them up. */
export async function findUserByAlias(db: Executor, alias: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").selectAll().where("alias_key", "=", aliasKey(alias)).executeTakeFirst();
  return row && toUser(row);
}

/**
 * Reads the user and holds the row until the transaction ends (PostgreSQL), so use cases that
 * decide on one user's whole state (the open-request limit, the credits not yet promised) take
 * turns. SQLite runs one transaction at a time and needs no lock.
 */
export async function lockUser(trx: Transaction<Database>, id: number): Promise<User | undefined> {
  const row = await trx
    .selectFrom("users")
    .selectAll()
    .where("id", "=", id)
    .$if(takesRowLocks(trx), (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row && toUser(row);
}

/** The name others see; every user has one from first contact. */
export async function aliasOf(db: Executor, id: number): Promise<string> {
  return (await db.selectFrom("users").select("alias").where("id", "=", id).executeTakeFirstOrThrow()).alias;
}

/** The language to write to someone who is not the one acting (admins may never have started the bot). */
export async function languageFor(db: Executor, userId: number): Promise<Language> {
  const row = await db.selectFrom("users").select(["language", "client_language"]).where("id", "=", userId).executeTakeFirst();
  return languageOf(row && { language: row.language, clientLanguage: row.client_language });
}

/** Languages of many recipients in one read (a fan-out wave writes to hundreds at once). */
export async function languagesFor(db: Executor, userIds: readonly number[]): Promise<Map<number, Language>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "language", "client_language"]).where("id", "in", userIds).execute();
  return new Map(rows.map((r) => [r.id, languageOf({ language: r.language, clientLanguage: r.client_language })]));
}

/** A known user wrote again: the moment (at most once a minute) and their client's language are kept. */
export async function seenAgain(db: Executor, user: User, input: { now: number; clientLanguage: string | null }): Promise<User> {
  if (user.lastSeenAt < input.now - 60_000 || user.clientLanguage !== input.clientLanguage) {
    await db
      .updateTable("users")
      .set({ last_seen_at: input.now, client_language: input.clientLanguage })
      .where("id", "=", user.id)
      .execute();
  }
  return { ...user, lastSeenAt: input.now, clientLanguage: input.clientLanguage };
}

/**
 * Returns the user, creating them on first contact. A new alias may collide with an existing
 * one (it and its key are unique), so a few fresh ones are tried before giving up.
 */
export async function ensureUser(
  db: Kysely<Database>,
  input: { id: number; clientLanguage: string | null; now: number; makeAlias: () => string },
): Promise<{ user: User; created: boolean }> {
  const existing = await findUser(db, input.id);
  if (existing) return { user: await seenAgain(db, existing, input), created: false };
  for (let attempt = 0; attempt < 8; attempt++) {
    const alias = input.makeAlias();
    const inserted = await db
      .insertInto("users")
      .values({
        id: input.id,
        alias,
        alias_key: aliasKey(alias),
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
    if (inserted) return { user: toUser(inserted), created: true };
    // Either the alias was taken or a concurrent update created this user first.
    const raced = await findUser(db, input.id);
    if (raced) return { user: raced, created: false };
  }
  throw new Error(`Could not find a free alias for user ${input.id}`);
}

export async function setLanguage(db: Executor, id: number, language: Language): Promise<void> {
  await db.updateTable("users").set({ language }).where("id", "=", id).execute();
}

export async function setAlias(db: Executor, id: number, alias: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ alias, alias_key: aliasKey(alias) })
    .where("id", "=", id)
    .execute();
}

/** By folded key, so "kind otter", "Kind Otter\u200B" or a Cyrillic "Kіnd Otter" cannot pose as "Kind Otter". */
export async function isAliasTaken(db: Executor, alias: string, exceptUserId: number): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("alias_key", "=", aliasKey(alias))
    .where("id", "!=", exceptUserId)
    .executeTakeFirst();
  return row !== undefined;
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

/** The reachable/restricted flags a new helper row starts with, copied from the user. */
export async function userFlags(db: Executor, id: number): Promise<{ reachable: number; restricted: number }> {
  const row = await db.selectFrom("users").select(["reachable", "restricted_at"]).where("id", "=", id).executeTakeFirstOrThrow();
  return { reachable: row.reachable, restricted: row.restricted_at === null ? 0 : 1 };
}
