/**
 * The update being handled, for the code deep inside that must know it: a unit of work records
 * its result under (update, n) so that running the update again after a crash changes nothing,
 * and the scene state is written together with the update's "handled" mark. The inbox marks the
 * update object it hands to the bot; the bot puts the scope into the deps of that update's
 * handlers. (Passed along, not kept in an AsyncLocalStorage: on Node 20 one of those puts hooks on
 * every promise of the process, a fifth of the time an update took.)
 */
export interface UpdateScope {
  readonly updateId: number;
  /** Units of work run so far while handling this update. */
  effects: number;
}

const scopes = new WeakMap<object, UpdateScope>();

export function scopeUpdate(update: object, updateId: number): void {
  scopes.set(update, { updateId, effects: 0 });
}

export function updateScopeOf(update: object): UpdateScope | undefined {
  return scopes.get(update);
}
