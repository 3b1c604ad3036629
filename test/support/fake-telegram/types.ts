// Shapes shared by the fake's modules. Telegram objects are typed only as far
// as the fake reads them; everything else travels as plain JSON.

export type Json = Record<string, unknown>;

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  [extra: string]: unknown;
}

export interface TgChat {
  id: number;
  type: "private";
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: TgUser;
}

export interface TgLocation {
  latitude: number;
  longitude: number;
  horizontal_accuracy?: number;
  live_period?: number;
  heading?: number;
  proximity_alert_radius?: number;
}

export interface TgVenue {
  location: TgLocation;
  title: string;
  address: string;
  foursquare_id?: string;
  foursquare_type?: string;
  google_place_id?: string;
  google_place_type?: string;
}

export interface TgContact {
  phone_number: string;
  first_name: string;
  last_name?: string;
  user_id?: number;
  vcard?: string;
}

export interface TgFileObject {
  file_id: string;
  file_unique_id: string;
  [extra: string]: unknown;
}

export interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  photo?: TgFileObject[];
  document?: TgFileObject;
  voice?: TgFileObject;
  video?: TgFileObject;
  sticker?: TgFileObject;
  audio?: TgFileObject;
  animation?: TgFileObject;
  video_note?: TgFileObject;
  location?: TgLocation;
  venue?: TgVenue;
  contact?: TgContact;
  reply_to_message?: TgMessage;
  forward_origin?: Json;
  media_group_id?: string;
  reply_markup?: InlineKeyboardMarkup;
  [extra: string]: unknown;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [extra: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface KeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
  [extra: string]: unknown;
}

export interface ReplyKeyboardMarkup {
  keyboard: KeyboardButton[][];
  one_time_keyboard?: boolean;
  [extra: string]: unknown;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | Json;

export interface BotCommand {
  command: string;
  description: string;
}

export interface Update {
  update_id: number;
  [kind: string]: unknown;
}

export type MessageKind =
  | "text"
  | "photo"
  | "location"
  | "venue"
  | "document"
  | "voice"
  | "sticker"
  | "video"
  | "contact"
  | "audio"
  | "animation"
  | "video_note"
  | "other";

/** What a persona sees of one bot message. Mutated in place on edits/deletes. */
export interface InboxMessage {
  message_id: number;
  kind: MessageKind;
  /** Plain text (entities parsed out); the caption for media; '' otherwise. */
  text: string;
  entities: MessageEntity[];
  /** The markup as currently attached (inline keyboards change with edits). */
  reply_markup: ReplyMarkup | undefined;
  location?: TgLocation;
  venue?: TgVenue;
  contact?: TgContact;
  /** Primary file id (largest photo size for photos). */
  file_id?: string;
  deleted: boolean;
  edits: number;
  copiedFrom?: { chat_id: number; message_id: number };
  forwardedFrom?: { chat_id: number; message_id: number };
  /** The message as Telegram would currently return it. */
  raw: TgMessage;
}

export interface CallbackAnswer {
  queryId: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
}

export interface TgResponse {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface RecordedCall {
  method: string;
  params: Json;
  /** null when the client went away before an answer was sent (aborted long poll). */
  response: TgResponse | null;
  /** ms since epoch when the request arrived. */
  at: number;
}

export interface Violation {
  method: string;
  rule: string;
  description: string;
  params: Json;
}

export interface WorldError {
  method: string;
  error_code: number;
  description: string;
  params: Json;
}

export interface RateLimits {
  /** Sustained messages per second over all chats. */
  globalPerSecond: number;
  globalBurst: number;
  /** Sustained messages per second into one chat. */
  perChatPerSecond: number;
  perChatBurst: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  /** Partial overrides of the defaults, or false to switch rate limiting off. */
  limits?: Partial<RateLimits> | false;
  callbackAnswerTimeoutMs?: number;
  /** Telegram waits 10 s for answerPreCheckoutQuery; tests of that rule shorten it. */
  preCheckoutAnswerTimeoutMs?: number;
  /** How long a second getUpdates waits for the first one's socket to die before answering 409. */
  pollTakeoverGraceMs?: number;
}

/**
 * Thrown by method handlers. `blame` decides where the failure is recorded:
 * 'bot' failures are violations (the bot broke a rule), 'world' failures are
 * plain errors the bot is expected to cope with (blocked user, unknown chat).
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly blame: "bot" | "world",
    readonly rule: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

export function badRequest(description: string, rule: string): ApiError {
  return new ApiError(400, `Bad Request: ${description}`, "bot", rule);
}
