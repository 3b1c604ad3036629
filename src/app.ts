import { reportRefusedCopy } from "./services/relay/undelivered.js";
import { walkAlarmDue, walkCheckInDue } from "./services/walks/alarms.js";
import { Api, BotError, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createDb } from "../db/create-db.js";
import { migrateToLatest } from "../db/migrate.js";
import type { Transaction } from "kysely";
import { findChat } from "../db/repositories/chats.js";
import { lockRequest } from "../db/repositories/requests.js";
import type { Database, Deadline, DeadlineKind } from "../db/schema.js";
import { completeOnOneSide, remindToComplete } from "./services/chats/completion.js";
import { askWhetherHelperCame } from "./services/chats/ending.js";
import { createBot } from "./bot/create-bot.js";
import { publishDefaultCommands, publishUserCommands } from "./bot/commands.js";
import type { BotContext, BotDeps, SceneContext } from "./bot/context.js";
import { createI18n } from "./bot/i18n.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createOutboxSender } from "./outbox/sender.js";
import { RateLimiter, TELEGRAM_LIMITS, type RateLimits } from "./outbox/rate-limiter.js";
import { windUpUnreachable } from "./services/reachability.js";
import { expireRequest } from "./services/requests/closing.js";
import { fanOutWave } from "./services/requests/fan-out.js";
import type { ServiceDeps } from "./services/deps.js";
import { joinUnitOfWork } from "./services/unit-of-work.js";
import { languageOf } from "./domain/language.js";
import { userById } from "./services/users.js";
import { menuRole, standingOf } from "./services/command-menus.js";
import { createDeadlineRunner, type DeadlineHandler } from "./jobs/deadlines.js";
import { expireVoucher } from "./services/vouchers/admin.js";
import { lockVoucher } from "../db/repositories/vouchers.js";
import { createInbox } from "./inbox/inbox.js";

export interface App {
  deps: BotDeps;
  /** Resolves once every message due in the outbox has been handed to Telegram. */
  outboxIdle(): Promise<void>;
  /** Resolves once every update received has been handled. */
  inboxIdle(): Promise<void>;
  /** Fires every deadline due by the (injected) clock now; tests call it after moving the clock. */
  runDueDeadlines(): Promise<number>;
  /** Stops taking updates, lets the ones in progress finish, then closes the database. */
  stop(): Promise<void>;
}

/** The bot's own account, or an error an operator can act on: a refused token or an unreachable API. */
async function whoAmI(api: Api, apiRoot: string): Promise<UserFromGetMe> {
  try {
    return await api.getMe();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) {
      throw new Error("Telegram refused BOT_TOKEN (401 Unauthorized). Copy the token from @BotFather again.", { cause: error });
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the Telegram Bot API at ${apiRoot} (${why}). Check BOT_API_ROOT and the network.`, { cause: error });
  }
}

/** What each kind of deadline does when it fires, inside the runner's transaction. */
export function deadlineHandlers(deps: ServiceDeps): Record<DeadlineKind, DeadlineHandler> {
  const uow = (trx: Transaction<Database>) => joinUnitOfWork(deps, trx);
  return {
    "request-expiry": (trx, deadline) => expireRequest(deps, uow(trx), deadline.subject_id),
    "request-wave": async (trx, deadline) => void (await fanOutWave(deps, uow(trx), deadline.subject_id)),
    "completion-reminder": (trx, deadline) => remindToComplete(deps, uow(trx), deadline.subject_id),
    "completion-timeout": (trx, deadline) => completeOnOneSide(deps, uow(trx), deadline.subject_id),
    "no-show-check": (trx, deadline) => askWhetherHelperCame(uow(trx), deadline.subject_id),
    "walk-check-in": (trx, deadline) => walkCheckInDue(deps, uow(trx), deadline.subject_id),
    "walk-alarm": (trx, deadline) => walkAlarmDue(deps, uow(trx), deadline.subject_id),
    "voucher-expiry": (trx, deadline) => expireVoucher(deps, uow(trx), deadline.subject_id),
  };
}

const REQUEST_DEADLINES: ReadonlySet<DeadlineKind> = new Set(["request-expiry", "request-wave", "walk-check-in", "walk-alarm"]);

/**
 * Locks the request a deadline is about before its row is claimed, as use cases do: a request
 * deadline names the request, a chat deadline its chat (whose request is locked); a voucher's
 * expiry names the voucher, which claims and fulfilment change by guarded updates.
 */
export async function lockDeadlineSubject(trx: Transaction<Database>, deadline: Deadline): Promise<unknown> {
  if (deadline.kind === "voucher-expiry") return lockVoucher(trx, deadline.subject_id);
  if (REQUEST_DEADLINES.has(deadline.kind)) return lockRequest(trx, deadline.subject_id);
  const chat = await findChat(trx, deadline.subject_id);
  return chat && lockRequest(trx, chat.requestId);
}

/** Everything `npm start` does after reading the config; tests call it in-process too. */
export async function startApp(opts: {
  config: Config;
  token: string;
  logger: Logger;
  clock: Clock;
  random?: () => number;
  /**
   * Telegram's limits by default, for the outbox and the replies together; tests whose personas
   * type faster than humans raise the per-chat part.
   */
  outboxLimits?: RateLimits;
}): Promise<App> {
  const { config, token, logger, clock } = opts;
  const database = createDb(config.databaseUrl, (error) =>
    logger.warn({ err: error }, "database: an idle connection was closed by the server; a new one is opened on next use"),
  );
  await migrateToLatest(database.kysely);

  const i18n = createI18n<BotContext>({ db: database.kysely });
  const sceneI18n = createI18n<SceneContext>({ db: database.kysely });
  const senderApi = new Api(token, { apiRoot: config.botApiRoot });
  const limiter = new RateLimiter(opts.outboxLimits ?? TELEGRAM_LIMITS);
  let wake = () => {};
  const deps: BotDeps = {
    config,
    db: database.kysely,
    logger,
    clock,
    i18n,
    random: opts.random ?? Math.random,
    outbox: { wake: () => wake() },
    deadlines: { wake: () => deadlines.wake() },
  };
  const sender = createOutboxSender({
    db: database.kysely,
    api: senderApi,
    logger,
    limiter,
    onUnreachable: (userId) => windUpUnreachable(deps, userId),
    onRelayRefused: (outboxId) => reportRefusedCopy(deps, outboxId),
  });
  wake = () => sender.wake();
  const deadlines = createDeadlineRunner({
    db: database.kysely,
    clock,
    logger,
    handlers: deadlineHandlers(deps),
    lockSubject: lockDeadlineSubject,
    afterFire: () => sender.wake(),
  });

  const bot = createBot(token, deps, i18n, sceneI18n, { budget: limiter });
  // grammY's own init retries forever in silence; one plain call says at once what is wrong.
  bot.botInfo = await whoAmI(senderApi, config.botApiRoot);
  await publishDefaultCommands(bot.api, i18n);
  for (const adminId of config.adminIds) {
    // Telegram refuses a chat-scoped menu for someone who never opened the bot; /start retries.
    const role = menuRole(await standingOf(deps, adminId));
    await publishUserCommands(bot.api, i18n, adminId, languageOf(await userById(deps, adminId)), role).catch((error: unknown) =>
      logger.info({ adminId, err: error }, "admin menu not set yet; the admin has not started the bot"),
    );
  }
  await sender.start();
  // Overdue deadlines (the bot was down) fire now, before new updates are taken.
  await deadlines.start();

  const inbox = createInbox({
    db: database.kysely,
    api: senderApi,
    clock,
    logger,
    // message_reaction: reactions in a relay chat follow to the other side.
    allowedUpdates: ["message", "edited_message", "callback_query", "my_chat_member", "message_reaction", "pre_checkout_query"],
    // What the runner did for us: a failed update goes to the bot's error boundary.
    handle: (update) =>
      bot.handleUpdate(update).catch(async (error: unknown) => {
        if (!(error instanceof BotError)) throw error;
        await bot.errorHandler(error);
      }),
  });
  inbox.start();
  logger.info({ bot: bot.botInfo.username, database: database.dialect }, "doum is ready");

  let stopping: Promise<void> | undefined;
  return {
    deps,
    outboxIdle: () => sender.idle(),
    inboxIdle: () => inbox.idle(),
    runDueDeadlines: () => deadlines.runDue(),
    stop() {
      stopping ??= (async () => {
        await inbox.stop();
        await deadlines.stop();
        await sender.stop();
        await database.destroy();
        logger.info("doum stopped");
      })();
      return stopping;
    },
  };
}
