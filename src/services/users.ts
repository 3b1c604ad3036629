import { ensureUser, findUser, setLanguage } from "../../db/repositories/users.js";
import { generateAlias } from "../domain/alias.js";
import { type Language, languageOf } from "../domain/language.js";
import type { User } from "../domain/users.js";
import type { ServiceDeps } from "./deps.js";

/** The user behind an update, created on first contact with a generated alias in the client's language. */
export async function userOnContact(deps: ServiceDeps, contact: { id: number; clientLanguage: string | null }): Promise<User> {
  const { user } = await ensureUser(deps.db, {
    id: contact.id,
    clientLanguage: contact.clientLanguage,
    now: deps.clock.now(),
    makeAlias: () => generateAlias(deps.random, languageOf({ language: null, clientLanguage: contact.clientLanguage })),
  });
  return user;
}

export function userById(deps: Pick<ServiceDeps, "db">, id: number): Promise<User | undefined> {
  return findUser(deps.db, id);
}

/** Stores the choice; returns the language chosen before (null: none, the client's was used). */
export async function chooseLanguage(deps: ServiceDeps, userId: number, language: Language): Promise<Language | null> {
  const previous = (await findUser(deps.db, userId))?.language ?? null;
  await setLanguage(deps.db, userId, language);
  return previous;
}
