import type { Kysely, Transaction } from "kysely";
import type { Database, SafetyPromptPurpose } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

export interface StoredPins {
  pinHash: string;
  pinSalt: string;
  duressHash: string | null;
  duressSalt: string | null;
}

export async function findPins(db: Executor, userId: number): Promise<StoredPins | undefined> {
  const row = await db.selectFrom("safety_pins").selectAll().where("user_id", "=", userId).executeTakeFirst();
  return row && { pinHash: row.pin_hash, pinSalt: row.pin_salt, duressHash: row.duress_hash, duressSalt: row.duress_salt };
}

/** A new safety PIN; a duress PIN set for the old one goes with it (it was chosen to differ from that one). */
export async function savePin(db: Executor, userId: number, pin: { hash: string; salt: string }, now: number): Promise<void> {
  const values = { pin_hash: pin.hash, pin_salt: pin.salt, duress_hash: null, duress_salt: null, updated_at: now };
  await db
    .insertInto("safety_pins")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

export async function saveDuressPin(db: Executor, userId: number, pin: { hash: string; salt: string } | null, now: number): Promise<void> {
  await db
    .updateTable("safety_pins")
    .set({ duress_hash: pin?.hash ?? null, duress_salt: pin?.salt ?? null, updated_at: now })
    .where("user_id", "=", userId)
    .execute();
}

export interface SafetyPrompt {
  purpose: SafetyPromptPurpose;
  subjectId: number;
}

export async function findPrompt(db: Executor, userId: number): Promise<SafetyPrompt | undefined> {
  const row = await db.selectFrom("safety_prompts").select(["purpose", "subject_id"]).where("user_id", "=", userId).executeTakeFirst();
  return row && { purpose: row.purpose, subjectId: Number(row.subject_id) };
}

/** The one PIN the bot waits for from this user now; a newer question replaces an older one. */
export async function setPrompt(db: Executor, userId: number, prompt: SafetyPrompt, now: number): Promise<void> {
  const values = { purpose: prompt.purpose, subject_id: prompt.subjectId, created_at: now };
  await db
    .insertInto("safety_prompts")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

export async function clearPrompt(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom("safety_prompts").where("user_id", "=", userId).execute();
}
