import type { User } from "../domain/users.js";

/**
 * The users whose updates are being handled, for code the outer context does not reach: a scene
 * rebuilds a context for every update it replays, and reading the user for each of them would
 * cost a query per earlier answer on every step. One user's updates run one at a time (the inbox
 * runs a chat's updates in order), so the user id finds the user read for the update at hand.
 */
const handling = new Map<number, { user: User; updates: number }>();

export async function whileHandling(user: User, handle: () => Promise<void>): Promise<void> {
  const entry = handling.get(user.id);
  if (entry) {
    entry.user = user;
    entry.updates++;
  } else handling.set(user.id, { user, updates: 1 });
  try {
    await handle();
  } finally {
    const left = handling.get(user.id);
    if (left && --left.updates === 0) handling.delete(user.id);
  }
}

export function userBeingHandled(id: number): User | undefined {
  return handling.get(id)?.user;
}
