// The test-facing object: starts the server, creates personas, and offers
// the end-of-test checks (settle, assertNoViolations).
import { editHandlers } from "./methods/edit.js";
import { miscHandlers } from "./methods/misc.js";
import { paymentHandlers } from "./methods/payments.js";
import type { PaymentOutcome } from "./payments.js";
import { sendHandlers } from "./methods/send.js";
import type { Handler } from "./methods/common.js";
import { LongPoller } from "./long-poll.js";
import type { Persona, PersonaOptions } from "./persona.js";
import { startHttpServer, type HttpServer } from "./server.js";
import type { BotCommand, FakeTelegramOptions, Json, TgMessage, RecordedCall, TgUser, Violation, WorldError } from "./types.js";
import { pollUntil, sleep } from "./waiting.js";
import { World } from "./world.js";

const handlers: Record<string, Handler> = { ...miscHandlers, ...sendHandlers, ...editHandlers, ...paymentHandlers };

export interface SettleOptions {
  timeoutMs?: number;
  /** How long the bot must have made no call. */
  quietMs?: number;
}

export class FakeTelegram {
  private closed = false;

  private constructor(
    private readonly world: World,
    private readonly server: HttpServer,
    private readonly poller: LongPoller,
  ) {}

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const world = new World(opts);
    const poller = new LongPoller(world, opts.pollTakeoverGraceMs ?? 250);
    const server = await startHttpServer(world, handlers, poller);
    return new FakeTelegram(world, server, poller);
  }

  /** e.g. http://127.0.0.1:PORT — pass as grammY's client.apiRoot. */
  get apiRoot(): string {
    return this.server.apiRoot;
  }

  get token(): string {
    return this.world.token;
  }

  get botInfo(): TgUser {
    return { ...this.world.bot };
  }

  /**
   * The next `method` call matching `match` is applied, but its answer is held back until
   * `release` (or forever, if the bot is killed meanwhile): the window in which a crash leaves
   * Telegram ahead of the bot.
   */
  holdResponse(method: string, match: (params: Json) => boolean = () => true): { arrived: Promise<void>; release(): void } {
    let arrived!: () => void;
    let release!: () => void;
    const arrivedPromise = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.world.holds.push({ mode: "hold", method, match, arrived, released });
    return { arrived: arrivedPromise, release };
  }

  /**
   * The next `method` call matching `match` is applied, then the connection drops before the
   * answer: the bot cannot know it worked. Resolves once that happened.
   */
  dropResponse(method: string, match: (params: Json) => boolean = () => true): Promise<void> {
    return new Promise<void>((arrived) => this.world.holds.push({ mode: "drop", method, match, arrived, released: Promise.resolve() }));
  }

  /**
   * The next `method` call matching `match` is not applied: the connection drops first, as a
   * reset connection does, and the bot has to send it again. Resolves once that happened.
   */
  cutRequest(method: string, match: (params: Json) => boolean = () => true): Promise<void> {
    return new Promise<void>((arrived) => this.world.holds.push({ mode: "cut", method, match, arrived, released: Promise.resolve() }));
  }

  /**
   * `persona` pays the invoice in message `messageId`: a pre_checkout_query goes to the bot, and
   * only on its ok:true (within 10 s, or it is a violation) the successful_payment message.
   * `tamper` makes the query claim another payload, currency or total than the invoice.
   */
  pay(
    persona: Persona,
    messageId: number,
    tamper?: Partial<{ payload: string; currency: string; total: number }>,
  ): Promise<PaymentOutcome> {
    return this.world.checkouts.pay(persona, messageId, tamper);
  }

  /** The same successful_payment once more, as a new update with its own id. */
  repeatPayment(message: TgMessage): number {
    return this.world.checkouts.repeat(message).update_id;
  }

  /** Only this provider token is accepted by sendInvoice from now on. */
  set providerToken(token: string) {
    this.world.providerToken = token;
  }

  /** Hands the bot's newest update out once more, as Telegram does when a confirmation is lost. */
  redeliverLast(): number {
    const id = this.world.updates.lastHandedOut;
    if (id === undefined) throw new Error("no update was handed out yet");
    this.world.updates.redeliver(id);
    return id;
  }

  /**
   * A user's chat as they would scroll through it, in Markdown: what they sent, what the bot
   * showed (as it reads now, after edits) and the buttons under it.
   */
  transcript(userId: number, name: string): string {
    const lines: string[] = [];
    for (const stored of this.world.store.chat(userId)) {
      const m = stored.message;
      const body =
        m.text ??
        m.caption ??
        (m.location ? `📍 ${m.location.latitude.toFixed(4)}, ${m.location.longitude.toFixed(4)}` : undefined) ??
        (m.sticker
          ? `[sticker ${m.sticker.emoji ?? ""}]`
          : `[${Object.keys(m).find((k) => !["message_id", "from", "chat", "date"].includes(k))}]`);
      const who = stored.fromBot ? "**doum**" : `**${name}**`;
      const flags = `${stored.deleted ? " _(deleted)_" : ""}${stored.edits > 0 ? " _(edited)_" : ""}`;
      lines.push(`${who}${flags}: ${body.replace(/\n/g, "  \n")}`);
      const markup = stored.markup as { inline_keyboard?: { text: string }[][]; keyboard?: { text: string }[][] } | undefined;
      const current = stored.fromBot ? ((m.reply_markup as typeof markup) ?? (markup?.keyboard ? markup : undefined)) : undefined;
      const rows = current?.inline_keyboard ?? current?.keyboard;
      if (rows) lines.push(`> ${rows.map((row) => row.map((b) => `[${b.text}]`).join(" ")).join(" / ")}`);
      lines.push("");
    }
    return lines.join("\n");
  }

  /** Every request the bot made, in arrival order. */
  get calls(): readonly RecordedCall[] {
    return this.world.calls;
  }

  /** Rules the bot broke. */
  get violations(): readonly Violation[] {
    return this.world.violations;
  }

  /** Failures caused by the world (blocked users, unknown chats) that the bot should handle. */
  get errors(): readonly WorldError[] {
    return this.world.errors;
  }

  /** Updates the bot has not confirmed yet. */
  get pendingUpdates(): number {
    return this.world.updates.unconfirmed;
  }

  /** True while a getUpdates long poll is waiting, i.e. the bot is up and listening. */
  get polling(): boolean {
    return this.poller.waiting;
  }

  /** Resolves once the bot has a long poll waiting (useful right after starting it). */
  async waitForPolling(opts: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    await pollUntil(
      () => (this.poller.waiting ? true : undefined),
      timeoutMs,
      () =>
        `the bot did not start long polling within ${timeoutMs} ms (calls so far: ${this.world.calls.map((c) => c.method).join(", ") || "none"})`,
    );
  }

  callsTo(method: string): RecordedCall[] {
    return this.world.calls.filter((c) => c.method === method);
  }

  persona(opts: PersonaOptions): Persona {
    return this.world.addPersona(opts);
  }

  personaById(id: number): Persona | undefined {
    return this.world.personas.get(id);
  }

  /** Commands a user's private chat would show: chat scope, then all_private_chats, then default. */
  commandsFor(userId: number, languageCode?: string): BotCommand[] {
    return this.world.commandsFor(userId, languageCode);
  }

  /**
   * Waits until every update is confirmed, every callback query answered, no
   * call is in flight and the bot has been quiet for quietMs.
   */
  async settle(opts: SettleOptions = {}): Promise<void> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const quietMs = opts.quietMs ?? 100;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const unanswered = this.world.unansweredCallbacks;
      const pending = this.world.updates.unconfirmed + this.world.checkouts.unanswered;
      const quietFor = Date.now() - this.world.lastBotActivity;
      if (pending === 0 && unanswered.length === 0 && this.world.inFlight === 0 && quietFor >= quietMs) return;
      if (Date.now() >= deadline) {
        this.world.flagUnansweredCallbacks();
        throw new Error(
          `fake Telegram did not settle within ${timeoutMs} ms: ${pending} unconfirmed update(s), ` +
            `${unanswered.length} unanswered callback query(ies), ${this.world.inFlight} call(s) in flight, ` +
            `last bot activity ${quietFor} ms ago`,
        );
      }
      await sleep(10);
    }
  }

  /** Flags still-unanswered callback queries, then throws if any rule was broken. */
  assertNoViolations(): void {
    this.world.flagUnansweredCallbacks();
    const v = this.world.violations;
    if (v.length === 0) return;
    const lines = v.map((x) => `  - [${x.rule}] ${x.method}: ${x.description}\n      params: ${JSON.stringify(x.params).slice(0, 300)}`);
    throw new Error(`the bot broke ${v.length} Telegram rule(s):\n${lines.join("\n")}`);
  }

  /** Returns the violations so far and forgets them (for tests that provoke some on purpose). */
  takeViolations(): Violation[] {
    return this.world.violations.splice(0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.world.dispose();
    await this.server.close();
  }
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  return FakeTelegram.start(opts);
}
