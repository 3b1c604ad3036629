import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** The draft as stored: JSON the "ask for help" scene wrote; its shape is the scene's business. */
export async function loadRequestDraftData(db: Kysely<Database>, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom("request_drafts").select("data").where("user_id", "=", userId).executeTakeFirst();
  return row?.data;
}

export async function saveRequestDraftData(db: Kysely<Database>, userId: number, data: string, now: number): Promise<void> {
  await db
    .insertInto("request_drafts")
    .values({ user_id: userId, data, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ data, updated_at: now }))
    .execute();
}

export async function deleteRequestDraft(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom("request_drafts").where("user_id", "=", userId).execute();
}
