import { ensureUser, findUser, seenAgain, setLanguage } from "../../db/repositories/users.js";
import { situationOf, type UserSituation } from "../../db/repositories/user-situation.js";
import { generateAlias } from "../domain/alias.js";
import { type Language, languageOf } from "../domain/language.js";
import type { User } from "../domain/users.js";
import type { ServiceDeps } from "./deps.js";
import { RECENTLY_ENDED_MS } from "./chats/ended.js";
import { sceneKeyOf } from "./scene-state.js";

export type { UserSituation };

/**
 * The user behind an update with what the message features ask of every message, in one read
 * (`chatId`: the scene state of that chat comes along); a new user is created and meets none.
 */
export async function situationOnContact(
  deps: ServiceDeps,
  contact: { id: number; clientLanguage: string | null },
  chatId: number | undefined,
): Promise<UserSituation> {
  const now = deps.clock.now();
  const known = await situationOf(deps.db, {
    userId: contact.id,
    endedSince: now - RECENTLY_ENDED_MS,
    sceneKey: chatId === undefined ? "" : sceneKeyOf(chatId),
  });
  if (!known) {
    const user = await userOnContact(deps, contact);
    return { user, inOpenChat: false, askedForPin: false, askedForComment: false, chatEndedSince: false };
  }
  const user = await seenAgain(deps.db, known.user, { now, clientLanguage: contact.clientLanguage });
  return { ...known, user, ...(chatId === undefined ? { sceneState: undefined } : {}) };
}

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
