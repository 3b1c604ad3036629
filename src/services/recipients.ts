import type { Kysely, Transaction } from "kysely";
import { findUser } from "../../db/repositories/users.js";
import type { OutgoingMessage } from "../../db/repositories/outbox.js";
import { OutboxPriority, type Database, type Language } from "../../db/schema.js";
import type { Translator } from "./deps.js";
import { languageOf } from "../bot/locale.js";

/** The language to write to someone who is not the one acting (admins may never have started the bot). */
export async function languageFor(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<Language> {
  return languageOf(await findUser(db, userId));
}

/** Languages of many recipients in one read (a fan-out wave writes to hundreds at once). */
export async function languagesFor(db: Kysely<Database>, userIds: readonly number[]): Promise<Map<number, Language>> {
  if (userIds.length === 0) return new Map();
  const users = await db.selectFrom("users").select(["id", "language", "client_language"]).where("id", "in", userIds).execute();
  return new Map(users.map((u) => [u.id, languageOf(u)]));
}

/** A text notice to someone other than the actor, written in their language (HTML; escape variables). */
export async function noticeTo(
  db: Kysely<Database> | Transaction<Database>,
  i18n: Translator,
  userId: number,
  key: string,
  variables: Record<string, string> = {},
): Promise<OutgoingMessage> {
  const language = await languageFor(db, userId);
  return {
    chatId: userId,
    priority: OutboxPriority.notice,
    method: "sendMessage",
    params: { text: i18n.t(language, key, variables), parse_mode: "HTML" },
  };
}
