import { AsyncLocalStorage } from "node:async_hooks";
import type { User } from "../domain/users.js";

/**
 * The user behind the update being handled, for code the outer context does not reach: a scene
 * rebuilds a context for every update it replays, and reading the user for each of them would
 * cost a query per earlier answer on every step.
 */
const updateUser = new AsyncLocalStorage<User>();

export function runWithUpdateUser<T>(user: User, handle: () => Promise<T>): Promise<T> {
  return updateUser.run(user, handle);
}

export function updateUserOf(): User | undefined {
  return updateUser.getStore();
}
