import type { Transaction } from "kysely";
import { cancelDeadlines, scheduleDeadline } from "../../db/repositories/deadlines.js";
import { enqueueMessages, type OutgoingMessage } from "../../db/repositories/outbox.js";
import { findEffect, recordEffect } from "../../db/repositories/update-effects.js";
import { updateScopeOf } from "../../db/update-scope.js";
import { languageFor, languagesFor } from "../../db/repositories/users.js";
import { type Database, type DeadlineKind, OutboxPriority, type OutboxPriorityValue } from "../../db/schema.js";
import { LANGUAGES, type Language } from "../domain/language.js";
import { type Translate, translateIn } from "../ui/translator.js";
import type { ServiceDeps } from "./deps.js";

/** A card as the ui renders it: HTML text, and buttons if any. */
export type Rendered = string | { text: string; keyboard?: object };

interface TellOptions {
  priority?: OutboxPriorityValue;
  /** Names the message so a later `editEverywhere` can change it. */
  ref?: string;
}

/**
 * One state change and everything it tells other people, in one transaction: either both
 * happen or neither. Messages and timers are rows written here; the sender and the deadline
 * runner are woken only after the commit, so they never look before the rows are visible.
 */
export interface UnitOfWork {
  readonly trx: Transaction<Database>;
  readonly now: number;
  /** A message to someone other than the actor, rendered in their language. */
  tell(userId: number, render: (t: Translate) => Rendered, options?: TellOptions): Promise<void>;
  /** The same kind of message to many, with their languages read at once. */
  tellEach(userIds: readonly number[], render: (t: Translate, userId: number) => OutgoingMessage[]): Promise<void>;
  /** Raw outbox messages (locations, photos) whose text, if any, is already rendered; returns their outbox ids. */
  send(...messages: OutgoingMessage[]): Promise<number[]>;
  /**
   * Edits every delivered message carrying `ref` (and drops undelivered ones), each in its reader's
   * language, with the buttons rendered (none: the old ones go); `scope` narrows it to one chat's
   * copies or leaves some chats' copies alone.
   */
  editEverywhere(ref: string, render: (t: Translate) => Rendered, scope?: { onlyChatId?: number; exceptChatIds?: number[] }): Promise<void>;
  schedule(kind: DeadlineKind, subjectId: number, dueAt: number): Promise<void>;
  cancelTimers(kind: DeadlineKind, subjectId: number): Promise<void>;
}

interface Effects {
  sent: boolean;
  scheduled: boolean;
}

const asCard = (rendered: Rendered): { text: string; keyboard?: object } => (typeof rendered === "string" ? { text: rendered } : rendered);

function textMessage(chatId: number, rendered: Rendered, options: TellOptions = {}): OutgoingMessage {
  const { text, keyboard } = asCard(rendered);
  return {
    chatId,
    priority: options.priority ?? OutboxPriority.notice,
    method: "sendMessage",
    ...(options.ref ? { ref: options.ref } : {}),
    params: { text, parse_mode: "HTML", ...(keyboard ? { reply_markup: keyboard } : {}) },
  };
}

function open(deps: ServiceDeps, trx: Transaction<Database>, now: number, effects: Effects): UnitOfWork {
  const t = (language: Language) => translateIn(deps.i18n, language);
  const send = async (...messages: OutgoingMessage[]) => {
    if (messages.length === 0) return [];
    const ids = await enqueueMessages(trx, now, messages);
    effects.sent = true;
    return ids;
  };
  return {
    trx,
    now,
    send,
    async tell(userId, render, options) {
      await send(textMessage(userId, render(t(await languageFor(trx, userId))), options));
    },
    async tellEach(userIds, render) {
      const languages = await languagesFor(trx, userIds);
      await send(...userIds.flatMap((id) => render(t(languages.get(id) ?? "en"), id)));
    },
    async editEverywhere(ref, render, scope = {}) {
      const cards = LANGUAGES.map((language) => ({ language, ...asCard(render(t(language))) }));
      const textByLanguage = Object.fromEntries(cards.map((c) => [c.language, c.text]));
      const withButtons = cards.filter((c) => c.keyboard !== undefined);
      const keyboardByLanguage =
        withButtons.length > 0 ? { keyboardByLanguage: Object.fromEntries(withButtons.map((c) => [c.language, c.keyboard])) } : {};
      const except = scope.exceptChatIds?.length ? { exceptChatIds: scope.exceptChatIds } : {};
      await send({
        chatId: scope.onlyChatId ?? 0,
        priority: OutboxPriority.notice,
        method: "editByRef",
        params: { ref, textByLanguage, ...keyboardByLanguage, parse_mode: "HTML", ...except },
      });
    },
    async schedule(kind, subjectId, dueAt) {
      await scheduleDeadline(trx, { kind, subjectId, dueAt, now });
      effects.scheduled = true;
    },
    cancelTimers: (kind, subjectId) => cancelDeadlines(trx, kind, subjectId),
  };
}

/**
 * Runs `work` in a transaction of its own and wakes the sender and the timers after the commit.
 * While an update is handled, the n-th unit of work records what it returned under (update, n):
 * when the update runs again after a crash, that unit returns the recorded result instead of
 * acting twice (the durable inbox's "exactly once in effect").
 */
export async function inUnitOfWork<T>(deps: ServiceDeps, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const effects: Effects = { sent: false, scheduled: false };
  const now = deps.clock.now();
  const update = deps.update;
  const key = update && { updateId: update.updateId, seq: ++update.effects };
  const result = await deps.db.transaction().execute(async (trx) => {
    if (key) {
      const recorded = await findEffect(trx, key);
      if (recorded !== undefined) return (JSON.parse(recorded) as { value: T }).value;
    }
    const value = await work(open(deps, trx, now, effects));
    if (key) await recordEffect(trx, key, JSON.stringify({ value }));
    return value;
  });
  if (effects.sent) deps.outbox.wake();
  if (effects.scheduled) deps.deadlines.wake();
  return result;
}

/** The deps for handling one update: its units of work record under it when the inbox scoped it. */
export function depsForUpdate<D extends ServiceDeps>(deps: D, update: object): D {
  const scope = updateScopeOf(update);
  return scope ? { ...deps, update: scope } : deps;
}

/**
 * Joins a transaction its owner commits (the deadline runner, which wakes the sender and
 * re-plans its timers after every pass).
 */
export function joinUnitOfWork(deps: ServiceDeps, trx: Transaction<Database>): UnitOfWork {
  return open(deps, trx, deps.clock.now(), { sent: false, scheduled: false });
}
