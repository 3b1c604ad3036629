// A simulated Telegram user. Everything a persona does becomes an Update
// shaped like Telegram's; everything the bot shows it lands in its inbox.
import { detectUserEntities } from "./formatting.js";
import { refreshInbox, summarize, type StoredMessage } from "./store.js";
import type {
  CallbackAnswer,
  InboxMessage,
  InlineKeyboardButton,
  Json,
  KeyboardButton,
  ReplyKeyboardMarkup,
  ReplyMarkup,
  TgChat,
  TgMessage,
  TgUser,
} from "./types.js";
import { pollUntil } from "./waiting.js";
import type { World } from "./world.js";

export interface PersonaOptions {
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode: string;
  /** Shared when the persona presses a request_contact button. */
  phone?: string;
}

export type MessageMatcher = string | RegExp | ((m: InboxMessage) => boolean);

export interface WaitOptions {
  timeoutMs?: number;
}

export interface PressOptions {
  /** Required for request_location buttons: where the persona is. */
  location?: { latitude: number; longitude: number };
}

const DEFAULT_WAIT_MS = 5000;

function toPredicate(matcher: MessageMatcher): (m: InboxMessage) => boolean {
  if (typeof matcher === "string") return (m) => m.text.includes(matcher);
  if (matcher instanceof RegExp) return (m) => matcher.test(m.text);
  return matcher;
}

function describeMatcher(matcher: MessageMatcher): string {
  if (typeof matcher === "string") return JSON.stringify(matcher);
  if (matcher instanceof RegExp) return String(matcher);
  return "the predicate";
}

function labelMatches(label: string | RegExp, text: string): boolean {
  return typeof label === "string" ? text === label : label.test(text);
}

const clone = <T>(v: T): T => structuredClone(v);

export class Persona {
  readonly id: number;
  readonly firstName: string;
  readonly lastName: string | undefined;
  readonly username: string | undefined;
  readonly languageCode: string;
  readonly phone: string;
  /** Every message the bot has shown this user, oldest first. */
  readonly inbox: InboxMessage[] = [];
  /** Answers the bot gave to this persona's inline button presses. */
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** sendChatAction actions the bot showed in this chat. */
  readonly chatActions: string[] = [];
  /** Reactions the bot set on this persona's messages. */
  readonly reactions: { message_id: number; reaction: Json[] }[] = [];
  /** Messages this persona sent, oldest first. */
  readonly sent: TgMessage[] = [];
  /** Has the persona ever produced an update? Until then the bot cannot reach it. */
  started = false;
  blocked = false;
  /** The privacy setting that refuses voice and video messages from others (Telegram Premium). */
  refusesVoice = false;
  private replyKeyboard: ReplyKeyboardMarkup | null = null;
  private readonly ownReactions = new Map<number, Json[]>();
  private cursor = 0;

  constructor(
    private readonly world: World,
    opts: PersonaOptions & { id: number },
  ) {
    this.id = opts.id;
    this.firstName = opts.firstName;
    this.lastName = opts.lastName;
    this.username = opts.username;
    this.languageCode = opts.languageCode;
    this.phone = opts.phone ?? `+8210${String(opts.id).padStart(8, "0").slice(-8)}`;
  }

  get user(): TgUser {
    const u: TgUser = { id: this.id, is_bot: false, first_name: this.firstName };
    if (this.lastName) u.last_name = this.lastName;
    if (this.username) u.username = this.username;
    u.language_code = this.languageCode;
    return u;
  }

  get chat(): TgChat {
    const c: TgChat = { id: this.id, type: "private", first_name: this.firstName };
    if (this.lastName) c.last_name = this.lastName;
    if (this.username) c.username = this.username;
    return c;
  }

  /** Labels of the reply keyboard currently shown, or null when there is none. */
  get keyboard(): string[][] | null {
    return this.replyKeyboard ? this.replyKeyboard.keyboard.map((row) => row.map((b) => b.text)) : null;
  }

  /** Called by the fake when the bot shows this persona a message. */
  receive(stored: StoredMessage): void {
    this.inbox.push(refreshInbox(stored));
    this.applyMarkup(stored.markup);
  }

  private applyMarkup(markup: ReplyMarkup | undefined): void {
    if (!markup) return;
    if ("keyboard" in markup) this.replyKeyboard = clone(markup as ReplyKeyboardMarkup);
    else if ("remove_keyboard" in markup) this.replyKeyboard = null;
  }

  // --- acting -------------------------------------------------------------

  private ensureCanWrite(): void {
    if (this.blocked) throw new Error(`${this.firstName} has blocked the bot; call unblock() before writing to it`);
  }

  private post(content: Partial<TgMessage>): TgMessage {
    this.ensureCanWrite();
    const message_id = this.world.store.allocateId(this.id);
    const message = { message_id, from: this.user, chat: this.chat, date: this.world.unixNow(), ...content } as TgMessage;
    this.world.store.add({ chatId: this.id, message, fromBot: false, deleted: false, edits: 0 });
    this.started = true;
    this.sent.push(message);
    this.world.updates.push({ message: clone(message) });
    return clone(message);
  }

  private editOwn(messageId: number, change: (m: TgMessage) => void): TgMessage {
    this.ensureCanWrite();
    const stored = this.world.store.live(this.id, messageId);
    if (!stored || stored.fromBot) throw new Error(`${this.firstName} has no message #${messageId} to edit`);
    change(stored.message);
    stored.message.edit_date = this.world.unixNow();
    stored.edits++;
    this.world.updates.push({ edited_message: clone(stored.message) });
    return clone(stored.message);
  }

  private replyTarget(messageId: number): TgMessage {
    const target = this.world.store.live(this.id, messageId);
    if (!target) throw new Error(`${this.firstName} cannot reply to #${messageId}: no such message in the chat`);
    const copy = clone(target.message);
    delete copy.reply_to_message;
    return copy;
  }

  /** The service message Telegram posts in the user's name once a payment went through. */
  receivePayment(successful_payment: Json): TgMessage {
    return this.post({ successful_payment });
  }

  async send(text: string, opts: { replyTo?: number } = {}): Promise<TgMessage> {
    const content: Partial<TgMessage> = { text };
    const entities = detectUserEntities(text);
    if (entities.length > 0) content.entities = entities;
    if (opts.replyTo !== undefined) content.reply_to_message = this.replyTarget(opts.replyTo);
    return this.post(content);
  }

  /** `/name payload`, e.g. command('start', 'ref_42') for a deep link. */
  async command(name: string, payload?: string): Promise<TgMessage> {
    return this.send(payload ? `/${name} ${payload}` : `/${name}`);
  }

  async sendLocation(
    latitude: number,
    longitude: number,
    opts: { livePeriod?: number; horizontalAccuracy?: number } = {},
  ): Promise<TgMessage> {
    const location: TgMessage["location"] = { latitude, longitude };
    if (opts.horizontalAccuracy !== undefined) location.horizontal_accuracy = opts.horizontalAccuracy;
    if (opts.livePeriod !== undefined) location.live_period = opts.livePeriod;
    return this.post({ location });
  }

  async editLiveLocation(messageId: number, latitude: number, longitude: number): Promise<TgMessage> {
    return this.editOwn(messageId, (m) => {
      if (!m.location?.live_period) throw new Error(`#${messageId} is not a live location`);
      m.location = { ...m.location, latitude, longitude };
    });
  }

  /** Telegram signals the end of live sharing with a final edit whose location has no live_period. */
  async stopLiveLocation(messageId: number): Promise<TgMessage> {
    return this.editOwn(messageId, (m) => {
      if (!m.location?.live_period) throw new Error(`#${messageId} is not a live location`);
      m.location = { ...m.location };
      delete m.location.live_period;
    });
  }

  async sendVenue(latitude: number, longitude: number, title: string, address: string): Promise<TgMessage> {
    const location = { latitude, longitude };
    return this.post({ venue: { location, title, address }, location });
  }

  async sendPhoto(caption?: string): Promise<TgMessage> {
    return this.post({ photo: this.world.files.createPhoto(), ...this.captionFields(caption) });
  }

  async sendVoice(): Promise<TgMessage> {
    return this.post({ voice: this.world.files.create("voice") });
  }

  async sendVideo(caption?: string): Promise<TgMessage> {
    return this.post({ video: this.world.files.create("video"), ...this.captionFields(caption) });
  }

  async sendSticker(emoji = "👍"): Promise<TgMessage> {
    return this.post({ sticker: this.world.files.create("sticker", { emoji }) });
  }

  async sendDocument(fileName = "notes.pdf", caption?: string): Promise<TgMessage> {
    const mimeType = fileName.endsWith(".pdf") ? "application/pdf" : fileName.endsWith(".txt") ? "text/plain" : "application/octet-stream";
    return this.post({ document: this.world.files.create("document", { fileName, mimeType }), ...this.captionFields(caption) });
  }

  async sendAnimation(caption?: string): Promise<TgMessage> {
    const animation = this.world.files.create("animation");
    // Telegram sets `document` alongside `animation` for old clients.
    return this.post({ animation, document: { ...animation }, ...this.captionFields(caption) });
  }

  async sendVideoNote(): Promise<TgMessage> {
    return this.post({ video_note: this.world.files.create("video_note") });
  }

  async sendAudio(caption?: string): Promise<TgMessage> {
    return this.post({ audio: this.world.files.create("audio"), ...this.captionFields(caption) });
  }

  async sendDice(emoji = "🎲", value = 4): Promise<TgMessage> {
    return this.post({ dice: { emoji, value } });
  }

  /** A regular poll the persona created (anonymous, no votes yet). */
  async sendPoll(question: string, options: string[]): Promise<TgMessage> {
    const poll = {
      id: String(this.world.store.allocateId(this.id) * 1000 + this.id),
      question,
      options: options.map((text) => ({ text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: "regular",
      allows_multiple_answers: false,
    };
    return this.post({ poll });
  }

  /** An album of photos: one message per photo, sharing a media_group_id, as Telegram delivers it. */
  async sendAlbum(captions: (string | undefined)[]): Promise<TgMessage[]> {
    const media_group_id = `1${String(Date.now()).slice(-8)}${this.id}${this.sent.length}`;
    const sent: TgMessage[] = [];
    for (const caption of captions)
      sent.push(this.post({ photo: this.world.files.createPhoto(), media_group_id, ...this.captionFields(caption) }));
    return sent;
  }

  async editCaption(messageId: number, caption: string): Promise<TgMessage> {
    return this.editOwn(messageId, (m) => {
      if (m.text !== undefined || m.location) throw new Error(`#${messageId} has no caption to edit`);
      Object.assign(m, this.captionFields(caption));
      if (!detectUserEntities(caption).length) delete m.caption_entities;
    });
  }

  /** Sets the persona's reaction on a message of its chat (theirs or the bot's); [] takes it away. */
  async react(messageId: number, emoji: string[]): Promise<void> {
    this.ensureCanWrite();
    const stored = this.world.store.live(this.id, messageId);
    if (!stored) throw new Error(`${this.firstName} has no message #${messageId} to react to`);
    const previous = this.ownReactions.get(messageId) ?? [];
    const next = emoji.map((e) => ({ type: "emoji", emoji: e }));
    this.ownReactions.set(messageId, next);
    this.world.updates.push({
      message_reaction: {
        chat: this.chat,
        message_id: messageId,
        user: this.user,
        date: this.world.unixNow(),
        old_reaction: previous,
        new_reaction: next,
      },
    });
  }

  /** Shares someone's contact card (not necessarily the persona's own). */
  async sendContact(phone: string, firstName: string): Promise<TgMessage> {
    return this.post({ contact: { phone_number: phone, first_name: firstName } });
  }

  private captionFields(caption: string | undefined): Partial<TgMessage> {
    if (caption === undefined) return {};
    const entities = detectUserEntities(caption);
    return entities.length > 0 ? { caption, caption_entities: entities } : { caption };
  }

  async editText(messageId: number, newText: string): Promise<TgMessage> {
    return this.editOwn(messageId, (m) => {
      if (m.text === undefined) throw new Error(`#${messageId} is not a text message`);
      m.text = newText;
      const entities = detectUserEntities(newText);
      if (entities.length > 0) m.entities = entities;
      else delete m.entities;
    });
  }

  /**
   * Presses a button: inline keyboards first (newest message first), then the
   * reply keyboard. Returns the callback query id for inline presses and ''
   * for reply-keyboard presses, which simply send a message.
   */
  async press(label: string | RegExp, opts: PressOptions = {}): Promise<string> {
    for (let i = this.inbox.length - 1; i >= 0; i--) {
      const view = this.inbox[i];
      if (!view || view.deleted) continue;
      const button = this.inlineButton(view, label);
      if (button) return this.pressInline(view, button);
    }
    const keyButton = this.replyKeyboard?.keyboard.flat().find((b) => labelMatches(label, b.text));
    if (keyButton && this.replyKeyboard) return this.pressKeyboard(keyButton, this.replyKeyboard, opts);
    throw new Error(`${this.firstName} sees no button matching ${describeMatcher(label)}.\n${this.visibleButtons()}`);
  }

  /** Presses an inline button of one specific message. */
  async pressIn(messageId: number, label: string | RegExp): Promise<string> {
    const view = this.inbox.find((m) => m.message_id === messageId);
    if (!view || view.deleted) throw new Error(`${this.firstName} has no visible bot message #${messageId}`);
    const button = this.inlineButton(view, label);
    if (!button) {
      throw new Error(`message #${messageId} has no inline button matching ${describeMatcher(label)}.\n${this.visibleButtons()}`);
    }
    return this.pressInline(view, button);
  }

  /**
   * A tampered client: presses `data` on one of the bot's messages although no button there
   * carries it. Telegram delivers whatever data a client sends, so the bot must refuse it.
   */
  pressForged(messageId: number, data: string): string {
    const view = this.inbox.find((m) => m.message_id === messageId);
    if (!view || view.deleted) throw new Error(`${this.firstName} has no visible bot message #${messageId}`);
    return this.pressInline(view, { text: "(forged)", callback_data: data });
  }

  private inlineButton(view: InboxMessage, label: string | RegExp): InlineKeyboardButton | undefined {
    return view.raw.reply_markup?.inline_keyboard.flat().find((b) => labelMatches(label, b.text));
  }

  private pressInline(view: InboxMessage, button: InlineKeyboardButton): string {
    this.ensureCanWrite();
    if (button.callback_data === undefined) {
      const kind =
        Object.keys(button)
          .filter((k) => k !== "text")
          .join(", ") || "plain";
      throw new Error(`inline button "${button.text}" is a ${kind} button; pressing it sends nothing to the bot`);
    }
    const id = this.world.newQueryId();
    this.world.registerCallback(id, this, button.text);
    this.started = true;
    this.world.updates.push({
      callback_query: {
        id,
        from: this.user,
        message: clone(view.raw),
        chat_instance: String(-(BigInt(this.id) * 1_000_003n + 17n)),
        data: button.callback_data,
      },
    });
    return id;
  }

  private pressKeyboard(button: KeyboardButton, keyboard: ReplyKeyboardMarkup, opts: PressOptions): string {
    if (button.request_location) {
      if (!opts.location) {
        throw new Error(`"${button.text}" asks for the location; pass press(label, { location: { latitude, longitude } })`);
      }
      this.post({ location: { ...opts.location } });
    } else if (button.request_contact) {
      const contact: TgMessage["contact"] = { phone_number: this.phone, first_name: this.firstName, user_id: this.id };
      if (this.lastName) contact.last_name = this.lastName;
      this.post({ contact });
    } else {
      const special = Object.keys(button).filter((k) => k.startsWith("request_") || k === "web_app");
      if (special.length > 0) throw new Error(`the fake cannot press "${button.text}" (${special.join(", ")})`);
      const entities = detectUserEntities(button.text);
      this.post(entities.length > 0 ? { text: button.text, entities } : { text: button.text });
    }
    if (keyboard.one_time_keyboard) this.replyKeyboard = null;
    return "";
  }

  private visibleButtons(): string {
    const lines: string[] = [];
    for (let i = this.inbox.length - 1; i >= 0 && lines.length < 5; i--) {
      const view = this.inbox[i];
      const rows = view && !view.deleted ? view.raw.reply_markup?.inline_keyboard : undefined;
      if (view && rows)
        lines.push(
          `  inline on #${view.message_id}: ${rows
            .flat()
            .map((b) => JSON.stringify(b.text))
            .join(", ")}`,
        );
    }
    const kb = this.keyboard;
    lines.push(
      kb
        ? `  reply keyboard: ${kb
            .flat()
            .map((t) => JSON.stringify(t))
            .join(", ")}`
        : "  no reply keyboard",
    );
    return `Visible buttons:\n${lines.join("\n")}`;
  }

  async block(): Promise<void> {
    if (this.blocked) throw new Error(`${this.firstName} has already blocked the bot`);
    this.blocked = true;
    this.pushMembership("member", "kicked");
  }

  async unblock(): Promise<void> {
    if (!this.blocked) throw new Error(`${this.firstName} has not blocked the bot`);
    this.blocked = false;
    this.pushMembership("kicked", "member");
  }

  private pushMembership(from: "member" | "kicked", to: "member" | "kicked"): void {
    const member = (status: "member" | "kicked"): Json =>
      status === "kicked" ? { status, user: this.world.bot, until_date: 0 } : { status, user: this.world.bot };
    this.started = true;
    this.world.updates.push({
      my_chat_member: {
        chat: this.chat,
        from: this.user,
        date: this.world.unixNow(),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    });
  }

  // --- observing ----------------------------------------------------------

  lastMessage(): InboxMessage | undefined {
    return this.inbox[this.inbox.length - 1];
  }

  /** Resolves with the first unread message matching; marks it and everything before it read. */
  async waitFor(matcher: MessageMatcher, opts: WaitOptions = {}): Promise<InboxMessage> {
    const match = toPredicate(matcher);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    return pollUntil(
      () => {
        for (let i = this.cursor; i < this.inbox.length; i++) {
          const m = this.inbox[i];
          if (m && match(m)) {
            this.cursor = i + 1;
            return m;
          }
        }
        return undefined;
      },
      timeoutMs,
      () => `${this.firstName} got no message matching ${describeMatcher(matcher)} within ${timeoutMs} ms.\n${this.recentReport()}`,
    );
  }

  /** The next unread message, whatever it is. */
  async next(opts: WaitOptions = {}): Promise<InboxMessage> {
    return this.waitFor(() => true, opts);
  }

  /** Waits until a bot message's current state (after edits) matches. */
  async waitForEdit(messageId: number, matcher: MessageMatcher, opts: WaitOptions = {}): Promise<InboxMessage> {
    const match = toPredicate(matcher);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    return pollUntil(
      () => {
        const m = this.inbox.find((x) => x.message_id === messageId);
        return m && match(m) ? m : undefined;
      },
      timeoutMs,
      () => {
        const m = this.inbox.find((x) => x.message_id === messageId);
        const state = m ? summarize(m) : "not in the inbox";
        return `message #${messageId} of ${this.firstName} did not come to match ${describeMatcher(matcher)} within ${timeoutMs} ms; it is now: ${state}.\n${this.recentReport()}`;
      },
    );
  }

  async waitForCallbackAnswer(queryId: string, opts: WaitOptions = {}): Promise<CallbackAnswer> {
    if (queryId === "") throw new Error("that press went to a reply keyboard; there is no callback query to wait for");
    const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_MS;
    return pollUntil(
      () => this.callbackAnswers.find((a) => a.queryId === queryId),
      timeoutMs,
      () => `callback query ${queryId} of ${this.firstName} was not answered within ${timeoutMs} ms.\n${this.recentReport()}`,
    );
  }

  private recentReport(): string {
    const last = this.inbox.slice(-6).map((m, i, arr) => {
      const index = this.inbox.length - arr.length + i;
      return `  ${index < this.cursor ? " " : "*"} ${summarize(m)}`;
    });
    const violations = this.world.violations.slice(-3).map((v) => `  ${v.method}: ${v.description}`);
    return [
      `Last messages (* = unread):`,
      ...(last.length ? last : ["  (inbox empty)"]),
      ...(violations.length ? ["Recent violations:", ...violations] : []),
    ].join("\n");
  }
}
