import type { Kysely } from "kysely";
import type { HelperDraft } from "../../src/domain/helper-profile.js";
import type { Database } from "../schema.js";

export async function loadDraft(db: Kysely<Database>, userId: number): Promise<HelperDraft | undefined> {
  const row = await db.selectFrom("helper_drafts").select("data").where("user_id", "=", userId).executeTakeFirst();
  return row ? (JSON.parse(row.data) as HelperDraft) : undefined;
}

export async function saveDraft(db: Kysely<Database>, userId: number, draft: HelperDraft, now: number): Promise<void> {
  const data = JSON.stringify(draft);
  await db
    .insertInto("helper_drafts")
    .values({ user_id: userId, data, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ data, updated_at: now }))
    .execute();
}

export async function deleteDraft(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom("helper_drafts").where("user_id", "=", userId).execute();
}
