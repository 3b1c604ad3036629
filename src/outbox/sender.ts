import { type Api, GrammyError, HttpError } from "grammy";
import type { Kysely } from "kysely";
import {
  claimMessage,
  pendingMessages,
  markFinal,
  markSent,
  releaseInFlight,
  retryLater,
  settleRef,
} from "../../db/repositories/outbox.js";
import { type Database, OutboxPriority, type OutboxTable } from "../../db/schema.js";
import type { Selectable } from "kysely";
import type { Logger } from "../logger.js";
import type { RateLimiter } from "./rate-limiter.js";
import { languageFor } from "../../db/repositories/users.js";
import { recordCopies } from "../../db/repositories/relay.js";
import { resolveRelayRefs, sentMessageIds } from "./relay-refs.js";

type OutboxRow = Selectable<OutboxTable>;

const MAX_ATTEMPTS = 8;
const IN_FLIGHT = 8;
/** Someone in a chat waits for a relayed copy: it may go out beside a full load of notices. */
const IN_FLIGHT_WITH_RELAYS = 12;
const IDLE_POLL_MS = 1000;

export interface OutboxSenderDeps {
  db: Kysely<Database>;
  /** An Api without retries: the sender schedules its own and must not stall. */
  api: Api;
  logger: Logger;
  /** Shared with the replies to acting users (budgeted-fetch.ts): the outbox sends what they leave. */
  limiter: RateLimiter;
  /** Called once a recipient turned out to have blocked the bot; winds up what depends on them. */
  onUnreachable(userId: number): Promise<void>;
  /** Called when Telegram refused a relayed copy for good, so that its sender is told. */
  onRelayRefused(outboxId: number): Promise<void>;
}

export interface OutboxSender {
  start(): Promise<void>;
  /** Lets the messages being sent finish; the rest stay in the table for the next start. */
  stop(): Promise<void>;
  /** Call after a commit that enqueued messages, so they go out without waiting for the poll. */
  wake(): void;
  /** Resolves when nothing is due or in flight (tests and graceful shutdown). */
  idle(): Promise<void>;
}

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { db, api, logger } = deps;
  const { limiter } = deps;
  const inFlight = new Set<Promise<void>>();
  // One message at a time per chat: Telegram shows messages in the order they arrive, and a card,
  // its map pin and its photos sent side by side would reach the reader shuffled.
  const busyChats = new Set<number>();
  let running = false;
  let loop: Promise<void> | undefined;
  let idleWaiters: (() => void)[] = [];
  // One signal per sleep; a wake that arrives while a pass runs resolves the next sleep at once.
  let signalled = false;
  let resolveSignal: () => void = () => {};
  let signal = new Promise<void>((resolve) => (resolveSignal = resolve));

  const wake = () => {
    signalled = true;
    resolveSignal();
  };
  async function sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([signal, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }
  function consumeSignal(): void {
    if (!signalled) return;
    signalled = false;
    signal = new Promise<void>((resolve) => (resolveSignal = resolve));
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const params = JSON.parse(row.payload) as Record<string, unknown>;
    try {
      if (row.method === "editByRef") {
        await editByRef(row, params);
        return;
      }
      const resolved = await resolveRelayRefs(db, row.chat_id, params);
      if (resolved === "wait") {
        // The relayed message it names is still on its way; act once it has a message id.
        await retryLater(db, row.id, Date.now() + 200, row.attempts, "waiting for the relayed copy");
        return;
      }
      if (resolved === "gone") {
        await markFinal(db, row.id, "dropped", "the relayed message it names is gone");
        return;
      }
      // A command menu is addressed by its scope; everything else goes to the row's chat.
      const target = row.method === "setMyCommands" ? {} : { chat_id: row.chat_id };
      const result: unknown = await (api.raw as unknown as Record<string, (p: unknown) => Promise<unknown>>)[row.method]!({
        ...target,
        ...resolved.params,
      });
      const messageIds = sentMessageIds(result);
      // The copies enter the chat's message map with the delivery, so a crash cannot part them.
      await db.transaction().execute(async (trx) => {
        await markSent(trx, row.id, Date.now(), messageIds[0] ?? null);
        if (resolved.records) await recordCopies(trx, row.id, messageIds);
      });
    } catch (error) {
      await handleFailure(row, error);
    }
  }

  async function editByRef(row: OutboxRow, params: Record<string, unknown>): Promise<void> {
    const { ref, textByLanguage, keyboardByLanguage, exceptChatIds, ...edit } = params as {
      ref: string;
      textByLanguage: Record<string, string>;
      keyboardByLanguage?: Record<string, object>;
      exceptChatIds?: number[];
    } & Record<string, unknown>;
    // A row with a chat id edits that chat's copies only.
    const targets = await settleRef(db, ref, row.id, { ...(row.chat_id !== 0 ? { onlyChatId: row.chat_id } : {}), exceptChatIds });
    if (targets.some((t) => t.status === "sending")) {
      // An original is on its way; edit once it has a message id.
      await retryLater(db, row.id, Date.now() + 200, row.attempts, "waiting for originals");
      return;
    }
    for (const target of targets) {
      if (target.message_id === null) continue;
      // Each copy is edited in its reader's language.
      const language = await languageFor(db, target.chat_id);
      const text = textByLanguage[language] ?? Object.values(textByLanguage)[0]!;
      // Without a keyboard the message's buttons go; with one, its labels are in the reader's language too.
      const keyboard = keyboardByLanguage && (keyboardByLanguage[language] ?? Object.values(keyboardByLanguage)[0]);
      try {
        const withKeyboard = { ...edit, ...(keyboard ? { reply_markup: keyboard } : {}) };
        // A photo's words are its caption.
        if (target.method === "sendPhoto")
          await api.editMessageCaption(target.chat_id, target.message_id, { caption: text, ...withKeyboard } as never);
        else await api.editMessageText(target.chat_id, target.message_id, text, withKeyboard as never);
      } catch (error) {
        // Blocked, deleted or already showing this text: the edit has nothing left to do there.
        if (!(error instanceof GrammyError) || error.error_code >= 500 || error.error_code === 429) throw error;
        logger.debug({ err: error, outboxId: target.id }, "edit skipped");
      }
    }
    await markSent(db, row.id, Date.now(), null);
  }

  async function handleFailure(row: OutboxRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const description = error instanceof Error ? error.message : String(error);
    if (error instanceof GrammyError) {
      if (error.error_code === 429) {
        const seconds = error.parameters.retry_after ?? 1;
        await retryLater(db, row.id, Date.now() + seconds * 1000, row.attempts, description);
        return;
      }
      if (error.error_code === 403) {
        await markFinal(db, row.id, "dropped", description);
        await deps.onUnreachable(row.chat_id);
        return;
      }
      if (error.error_code === 400 && /chat not found/i.test(error.description)) {
        await markFinal(db, row.id, "dropped", description);
        logger.warn({ chatId: row.chat_id }, "outbox: chat not found; the user never started the bot");
        return;
      }
      if (error.error_code < 500) {
        await markFinal(db, row.id, "failed", description);
        if ("relay" in (JSON.parse(row.payload) as object)) {
          // The reader's own settings refuse it (e.g. no voice messages): the sender hears so.
          logger.info({ outboxId: row.id, method: row.method, description }, "outbox: Telegram refused a relayed copy");
          await deps.onRelayRefused(row.id);
          return;
        }
        logger.error({ err: error, outboxId: row.id, method: row.method }, "outbox: Telegram refused a message");
        return;
      }
    } else if (!(error instanceof HttpError)) {
      logger.error({ err: error, outboxId: row.id }, "outbox: unexpected error");
    }
    if (attempts >= MAX_ATTEMPTS) {
      await markFinal(db, row.id, "failed", description);
      return;
    }
    await retryLater(db, row.id, Date.now() + Math.min(60_000, 500 * 2 ** attempts), attempts, description);
  }

  function launch(row: OutboxRow): void {
    busyChats.add(row.chat_id);
    const task = deliver(row)
      .catch((error: unknown) => logger.error({ err: error, outboxId: row.id }, "outbox: could not record a result"))
      .finally(() => {
        inFlight.delete(task);
        busyChats.delete(row.chat_id);
        wake();
      });
    inFlight.add(task);
  }

  async function pass(): Promise<number> {
    const rows = await pendingMessages(db, 200);
    const now = Date.now();
    // Chats with a row that stays behind in this pass (not due yet, its chat busy, over a limit):
    // their later rows stay behind it, or the chat would see them first.
    const leftBehind = new Set<number>();
    let launched = 0;
    let due = 0;
    let soonest = IDLE_POLL_MS;
    for (const row of rows) {
      if (!running) return 0;
      // Chat 0 is an edit of every copy of a ref, in many chats: nothing to keep in order.
      const ordered = row.chat_id !== 0;
      // Rows come in (priority, id) order. One behind a row not due yet counts as not due either.
      if (ordered && leftBehind.has(row.chat_id)) continue;
      const stayBehind = () => ordered && leftBehind.add(row.chat_id);
      if (row.next_attempt_at > now) {
        soonest = Math.min(soonest, row.next_attempt_at - now);
        stayBehind();
        continue;
      }
      due++;
      // Full: a finishing send wakes the loop.
      if (inFlight.size >= (row.priority === OutboxPriority.relay ? IN_FLIGHT_WITH_RELAYS : IN_FLIGHT)) return IDLE_POLL_MS;
      if (ordered && busyChats.has(row.chat_id)) {
        stayBehind();
        continue;
      }
      const isEdit = row.method.startsWith("edit");
      const wait = isEdit ? 0 : limiter.waitFor(row.chat_id);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
        if (limiter.globalWait() > 0) break;
        stayBehind();
        continue;
      }
      if (!(await claimMessage(db, row.id))) {
        stayBehind();
        continue;
      }
      if (!isEdit) limiter.take(row.chat_id);
      launch(row);
      launched++;
    }
    if (launched === 0 && inFlight.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      if (due === 0) for (const resolve of waiters) resolve();
      else idleWaiters = waiters;
    }
    return launched > 0 ? 0 : soonest;
  }

  async function run(): Promise<void> {
    while (running) {
      consumeSignal();
      let wait: number;
      try {
        wait = await pass();
      } catch (error) {
        logger.error({ err: error }, "outbox: pass failed");
        wait = IDLE_POLL_MS;
      }
      if (wait > 0 && running) await sleep(wait);
    }
  }

  return {
    async start() {
      await releaseInFlight(db);
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.all(inFlight);
    },
    wake,
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      });
    },
  };
}
