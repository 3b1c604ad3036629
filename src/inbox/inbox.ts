import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Kysely } from "kysely";
import { countAttempt, forgetHandledBefore, markHandled, pendingUpdates, storeUpdates } from "../../db/repositories/inbox.js";
import type { Database, InboxRow } from "../../db/schema.js";
import { scopeUpdate } from "../../db/update-scope.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { chatKeyOf } from "./chat-key.js";

const POLL_TIMEOUT_SECONDS = 30;
const RETRY_POLL_MS = 2000;
/** Chats handled at the same time; one chat's updates always run one by one. */
const CONCURRENT_CHATS = 16;
/** An update that took the process down this often is given up rather than run forever. */
const MAX_ATTEMPTS = 3;
/** How long a handled update is remembered, to recognise it if it is delivered again. */
const REMEMBER_HANDLED_MS = 24 * 60 * 60_000;
const FORGET_EVERY_MS = 60_000;

export interface InboxDeps {
  db: Kysely<Database>;
  /** Without retries: a failed poll is simply polled again. */
  api: Api;
  clock: Clock;
  logger: Logger;
  allowedUpdates: readonly string[];
  /** Runs one update through the bot (its own error boundary catches what fails). */
  handle(update: Update): Promise<void>;
}

export interface Inbox {
  start(): void;
  /** Stops polling and waits for the updates in hand; the rest run at the next start. */
  stop(): Promise<void>;
  /** Resolves once every stored update has been handled (tests, before they look). */
  idle(): Promise<void>;
}

/**
 * The durable inbox: every update is written to the database before Telegram is told it
 * arrived (the next poll's offset), then run from the table. A crash loses nothing: what was not
 * handled runs again at the next start, and units of work that already committed for it return
 * their recorded results instead of acting twice.
 */
export function createInbox(deps: InboxDeps): Inbox {
  const { db, api, clock, logger } = deps;
  const busyChats = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let polling: Promise<void> | undefined;
  let abort = new AbortController();
  let dispatching = false;
  let dispatchAgain = false;

  async function poll(): Promise<void> {
    let offset = 0;
    let forgotAt = 0;
    while (running) {
      try {
        const updates = await api.getUpdates(
          { offset, timeout: POLL_TIMEOUT_SECONDS, allowed_updates: deps.allowedUpdates as never },
          abort.signal as Parameters<Api["getUpdates"]>[1],
        );
        if (clock.now() - forgotAt >= FORGET_EVERY_MS) {
          forgotAt = clock.now();
          await forgetHandledBefore(db, forgotAt - REMEMBER_HANDLED_MS);
        }
        if (updates.length === 0) continue;
        const rows = updates.map((u) => ({ updateId: u.update_id, chatKey: chatKeyOf(u), payload: JSON.stringify(u) }));
        await storeUpdates(db, rows, clock.now());
        offset = updates[updates.length - 1]!.update_id + 1;
        dispatch();
      } catch (error) {
        if (!running) return;
        logger.warn({ err: error }, "inbox: polling failed; trying again");
        await new Promise((resolve) => setTimeout(resolve, RETRY_POLL_MS));
      }
    }
  }

  async function run(row: InboxRow): Promise<void> {
    if (row.attempts >= MAX_ATTEMPTS) {
      logger.error({ updateId: row.update_id, attempts: row.attempts }, "inbox: update given up after repeated crashes");
      await markHandled(db, row.update_id, clock.now(), "failed");
      return;
    }
    await countAttempt(db, row.update_id);
    try {
      const update = JSON.parse(row.payload) as Update;
      scopeUpdate(update, row.update_id);
      await deps.handle(update);
      await markHandled(db, row.update_id, clock.now());
    } catch (error) {
      // Only a failure of the error boundary itself lands here.
      logger.error({ err: error, updateId: row.update_id }, "inbox: update failed");
      await markHandled(db, row.update_id, clock.now(), "failed");
    }
  }

  function launch(row: InboxRow): void {
    busyChats.add(row.chat_key);
    const task = run(row)
      .catch((error: unknown) => logger.error({ err: error, updateId: row.update_id }, "inbox: could not record an update's end"))
      .finally(() => {
        busyChats.delete(row.chat_key);
        inFlight.delete(task);
        dispatch();
      });
    inFlight.add(task);
  }

  /** Starts the oldest pending update of every chat that is not busy; passes never overlap. */
  function dispatch(): void {
    if (!running) return;
    if (dispatching) {
      dispatchAgain = true;
      return;
    }
    dispatching = true;
    void (async () => {
      try {
        do {
          dispatchAgain = false;
          const rows = await pendingUpdates(db, 200);
          const seen = new Set<string>();
          for (const row of rows) {
            if (!running || inFlight.size >= CONCURRENT_CHATS) break;
            // Later updates of a chat wait for its earlier ones, even within one pass.
            if (seen.has(row.chat_key) || busyChats.has(row.chat_key)) {
              seen.add(row.chat_key);
              continue;
            }
            seen.add(row.chat_key);
            launch(row);
          }
        } while (dispatchAgain && running);
      } catch (error) {
        logger.error({ err: error }, "inbox: dispatch failed");
      } finally {
        dispatching = false;
      }
    })();
  }

  return {
    start() {
      running = true;
      abort = new AbortController();
      // Updates stored but not handled before the last stop (or crash) go first.
      dispatch();
      polling = poll();
    },
    async stop() {
      running = false;
      abort.abort();
      await polling;
      await Promise.all(inFlight);
    },
    async idle() {
      while (inFlight.size > 0 || (await pendingUpdates(db, 1)).length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
