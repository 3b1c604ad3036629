import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

export interface TrustedContact {
  requesterId: number;
  token: string;
  contactId: number | null;
}

const toContact = (row: { requester_id: number; token: string; contact_id: number | null }): TrustedContact => ({
  requesterId: Number(row.requester_id),
  token: row.token,
  contactId: row.contact_id === null ? null : Number(row.contact_id),
});

export async function trustedContactOf(db: Executor, requesterId: number): Promise<TrustedContact | undefined> {
  const row = await db.selectFrom("trusted_contacts").selectAll().where("requester_id", "=", requesterId).executeTakeFirst();
  return row && toContact(row);
}

export async function invitationByToken(db: Executor, token: string): Promise<TrustedContact | undefined> {
  const row = await db.selectFrom("trusted_contacts").selectAll().where("token", "=", token).executeTakeFirst();
  return row && toContact(row);
}

/** Whom this user is the trusted contact of. */
export async function trustingUsers(db: Executor, contactId: number): Promise<number[]> {
  const rows = await db.selectFrom("trusted_contacts").select("requester_id").where("contact_id", "=", contactId).execute();
  return rows.map((r) => Number(r.requester_id));
}

/** A fresh invitation replaces the user's contact, accepted or not: only one link works at a time. */
export async function inviteContact(db: Executor, requesterId: number, token: string, now: number): Promise<void> {
  const values = { token, contact_id: null, created_at: now, accepted_at: null };
  await db
    .insertInto("trusted_contacts")
    .values({ requester_id: requesterId, ...values })
    .onConflict((oc) => oc.column("requester_id").doUpdateSet(values))
    .execute();
}

/** Accepted once, by the first who opens the link. */
export async function acceptInvitation(db: Executor, token: string, contactId: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable("trusted_contacts")
    .set({ contact_id: contactId, accepted_at: now })
    .where("token", "=", token)
    .where("contact_id", "is", null)
    .where("requester_id", "!=", contactId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function removeContact(db: Executor, requesterId: number): Promise<void> {
  await db.deleteFrom("trusted_contacts").where("requester_id", "=", requesterId).execute();
}

/** The contact steps back from being trusted by `requesterId`. */
export async function withdrawContact(db: Executor, requesterId: number, contactId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("trusted_contacts")
    .where("requester_id", "=", requesterId)
    .where("contact_id", "=", contactId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
