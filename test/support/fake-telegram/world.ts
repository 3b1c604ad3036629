// The shared state of the fake Telegram: bot identity, personas, messages,
// the update queue, pending callback queries and the records tests inspect.
import { FileRegistry } from "./files.js";
import { Checkouts, type InvoiceRecord } from "./payments.js";
import { Persona, type PersonaOptions } from "./persona.js";
import { DEFAULT_LIMITS, RateLimiter } from "./rate-limit.js";
import { MessageStore } from "./store.js";
import { UpdateQueue } from "./updates.js";
import {
  ApiError,
  type BotCommand,
  type FakeTelegramOptions,
  type Json,
  type RecordedCall,
  type TgUser,
  type Violation,
  type WorldError,
} from "./types.js";

export const DEFAULT_TOKEN = "6400000001:AAHfAkEdOuMtEsTtOkEn0123456789abcde";
export const DEFAULT_CALLBACK_TIMEOUT_MS = 10_000;

interface PendingCallback {
  id: string;
  persona: Persona;
  label: string;
  createdAt: number;
  answered: boolean;
  flagged: boolean;
  timer: NodeJS.Timeout;
}

export interface ResponseHold {
  /**
   * hold: the answer waits for `released`; drop: the connection is cut instead of answering;
   * cut: the connection is cut before the call is applied.
   */
  mode: "hold" | "drop" | "cut";
  method: string;
  match: (params: Json) => boolean;
  arrived: () => void;
  released: Promise<void>;
}

export class World {
  readonly token: string;
  readonly bot: TgUser;
  readonly store = new MessageStore();
  readonly files = new FileRegistry();
  readonly updates = new UpdateQueue();
  readonly personas = new Map<number, Persona>();
  readonly commands = new Map<string, BotCommand[]>();
  readonly menuButtons = new Map<string, Json>();
  readonly rate: RateLimiter | undefined;
  readonly callbackTimeoutMs: number;
  readonly calls: RecordedCall[] = [];
  readonly violations: Violation[] = [];
  readonly errors: WorldError[] = [];
  /** Requests other than getUpdates currently being answered. */
  inFlight = 0;
  /** Last time the bot did anything (a call, or received updates to work on). */
  lastBotActivity = Date.now();
  /** Responses to hold back: Telegram applied the call, but its answer is still on the way. */
  readonly holds: ResponseHold[] = [];
  /** Invoices the bot sent, by "chat:message", and the pre-checkout queries waiting for an answer. */
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly checkouts: Checkouts;
  /** The provider token the bot's owner connected in @BotFather; undefined accepts any. */
  providerToken: string | undefined;
  private readonly callbacks = new Map<string, PendingCallback>();
  private nextPersonaId = 100001;
  private nextQueryId = 4_210_000_000_000_000_001n;

  constructor(opts: FakeTelegramOptions) {
    this.token = opts.token ?? DEFAULT_TOKEN;
    const botId = Number(this.token.split(":")[0]);
    this.bot = {
      id: Number.isSafeInteger(botId) && botId > 0 ? botId : 6400000001,
      is_bot: true,
      first_name: opts.botFirstName ?? "doum",
      username: opts.botUsername ?? "doum_test_bot",
    };
    this.rate = opts.limits === false ? undefined : new RateLimiter({ ...DEFAULT_LIMITS, ...opts.limits });
    this.callbackTimeoutMs = opts.callbackAnswerTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
    this.checkouts = new Checkouts(this, opts.preCheckoutAnswerTimeoutMs);
  }

  unixNow(): number {
    return Math.floor(Date.now() / 1000);
  }

  addPersona(opts: PersonaOptions): Persona {
    const id = opts.id ?? this.nextPersonaId++;
    if (this.personas.has(id)) throw new Error(`a persona with id ${id} already exists`);
    if (id === this.bot.id) throw new Error(`persona id ${id} is the bot's own id`);
    const persona = new Persona(this, { ...opts, id });
    this.personas.set(id, persona);
    return persona;
  }

  /**
   * The private chat a method targets. Unknown users and users who never
   * wrote to the bot are "chat not found"; blocked users answer 403.
   */
  chatFor(chatId: unknown, opts: { allowBlocked?: boolean } = {}): Persona {
    const id = typeof chatId === "number" ? chatId : typeof chatId === "string" && /^-?\d+$/.test(chatId) ? Number(chatId) : NaN;
    const persona = this.personas.get(id);
    if (!persona || !persona.started) {
      throw new ApiError(400, "Bad Request: chat not found", "world", "chat not found");
    }
    if (persona.blocked && !opts.allowBlocked) {
      throw new ApiError(403, "Forbidden: bot was blocked by the user", "world", "blocked");
    }
    return persona;
  }

  newQueryId(): string {
    return String(this.nextQueryId++);
  }

  registerCallback(id: string, persona: Persona, label: string): void {
    const timer = setTimeout(() => this.flagCallback(id, "timeout"), this.callbackTimeoutMs);
    timer.unref();
    this.callbacks.set(id, { id, persona, label, createdAt: Date.now(), answered: false, flagged: false, timer });
  }

  private flagCallback(id: string, why: "timeout" | "end of test"): void {
    const cb = this.callbacks.get(id);
    if (!cb || cb.answered || cb.flagged) return;
    cb.flagged = true;
    this.violations.push({
      method: "answerCallbackQuery",
      rule: "callback query not answered",
      description:
        why === "timeout"
          ? `callback query ${id} (button "${cb.label}" pressed by ${cb.persona.firstName}) was not answered within ${this.callbackTimeoutMs} ms`
          : `callback query ${id} (button "${cb.label}" pressed by ${cb.persona.firstName}) was still unanswered at the end of the test`,
      params: { callback_query_id: id },
    });
  }

  flagUnansweredCallbacks(): void {
    for (const id of this.callbacks.keys()) this.flagCallback(id, "end of test");
  }

  get unansweredCallbacks(): string[] {
    return [...this.callbacks.values()].filter((c) => !c.answered && !c.flagged).map((c) => c.id);
  }

  /** Marks a query answered; throws the error Telegram gives for unknown, repeated or late answers. */
  answerCallback(id: string): Persona {
    const cb = this.callbacks.get(id);
    const invalid = (rule: string): ApiError =>
      new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", "bot", rule);
    if (!cb) throw invalid("unknown callback query");
    if (cb.answered) throw invalid("callback query answered twice");
    if (Date.now() - cb.createdAt > this.callbackTimeoutMs) throw invalid("callback query answered too late");
    cb.answered = true;
    clearTimeout(cb.timer);
    return cb.persona;
  }

  commandsKey(scopeKey: string, languageCode: string | undefined): string {
    return `${scopeKey}|${languageCode ?? ""}`;
  }

  /** Which commands a user's private chat shows, resolved the way Telegram does. */
  commandsFor(userId: number, languageCode: string | undefined): BotCommand[] {
    for (const scope of [`chat:${userId}`, "all_private_chats", "default"]) {
      for (const lang of languageCode ? [languageCode, ""] : [""]) {
        const list = this.commands.get(this.commandsKey(scope, lang));
        if (list && list.length > 0) return list.map((c) => ({ ...c }));
      }
    }
    return [];
  }

  dispose(): void {
    this.checkouts.dispose();
    for (const cb of this.callbacks.values()) clearTimeout(cb.timer);
  }
}
