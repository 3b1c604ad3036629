import type { Kysely, Transaction } from "kysely";
import { findUser } from "../../db/repositories/users.js";
import type { Database, Language } from "../../db/schema.js";
import { languageOf } from "../bot/locale.js";

/** The language to write to someone who is not the one acting (admins may never have started the bot). */
export async function languageFor(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<Language> {
  return languageOf(await findUser(db, userId));
}
