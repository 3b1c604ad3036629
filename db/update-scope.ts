import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The update being handled, for the code deep inside that must know it: a unit of work records
 * its result under (update, n) so that running the update again after a crash changes nothing,
 * and the scene state is written together with the update's "handled" mark.
 */
export interface UpdateScope {
  readonly updateId: number;
  /** Units of work run so far while handling this update. */
  effects: number;
}

const scope = new AsyncLocalStorage<UpdateScope>();

export function inUpdateScope<T>(updateId: number, work: () => Promise<T>): Promise<T> {
  return scope.run({ updateId, effects: 0 }, work);
}

export function currentUpdate(): UpdateScope | undefined {
  return scope.getStore();
}

/** Timers and loops started from here must not carry the update along. */
export function outsideUpdateScope<T>(work: () => T): T {
  return scope.exit(work);
}
