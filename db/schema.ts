import type { BadgeKind } from "../src/domain/badges.js";
import type { ChatStatus } from "../src/domain/chats.js";
import type { Generated, Selectable } from "kysely";
import type { HelperStatus } from "../src/domain/helpers.js";
import type { Language } from "../src/domain/language.js";
import type { WalkStatus } from "../src/domain/walks.js";
import type { VoucherEvent, VoucherOrigin, VoucherState } from "../src/domain/vouchers.js";
import type { OfferStatus, RequestStatus } from "../src/domain/requests.js";
import type { ReportReason } from "../src/domain/chats.js";
import type { ReportState } from "../src/domain/reports.js";

/**
 * Typed tables. Times are epoch milliseconds and flags are 0/1 integers so that one SQL text
 * runs on SQLite and PostgreSQL alike (DESIGN decision 8).
 */
export interface Database {
  users: UsersTable;
  conversation_state: ConversationStateTable;
  helpers: HelpersTable;
  helper_proofs: HelperProofsTable;
  helper_status_history: HelperStatusHistoryTable;
  helper_drafts: HelperDraftsTable;
  request_drafts: RequestDraftsTable;
  admin_audit: AdminAuditTable;
  outbox: OutboxTable;
  requests: RequestsTable;
  request_notifications: RequestNotificationsTable;
  offers: OffersTable;
  deadlines: DeadlinesTable;
  ledger_entries: LedgerEntriesTable;
  ledger_accounts: LedgerAccountsTable;
  inbox: InboxTable;
  update_effects: UpdateEffectsTable;
  nearby_lists: NearbyListsTable;
  chats: ChatsTable;
  relay_messages: RelayMessagesTable;
  relay_focus: RelayFocusTable;
  badge_entries: BadgeEntriesTable;
  reviews: ReviewsTable;
  payments: PaymentsTable;
  boards: BoardsTable;
  board_donations: BoardDonationsTable;
  reports: ReportsTable;
  safety_pins: SafetyPinsTable;
  safety_prompts: SafetyPromptsTable;
  walks: WalksTable;
  trusted_contacts: TrustedContactsTable;
  voucher_kinds: VoucherKindsTable;
  vouchers: VouchersTable;
  voucher_events: VoucherEventsTable;
}

export interface UsersTable {
  /** Telegram user id; private chat id is the same number. */
  id: number;
  /** The only name other users ever see. */
  alias: string;
  /**
   * The alias folded for comparison (src/domain/alias-key.ts); unique, so look-alikes cannot
   * coexist. Null only for look-alikes that already existed when keys were introduced.
   */
  alias_key: string | null;
  /** Chosen with /language; null means "follow the Telegram client". */
  language: Language | null;
  client_language: string | null;
  created_at: number;
  last_seen_at: number;
  /** 0 once the user blocked the bot; sending to them is pointless until they come back. */
  reachable: Generated<number>;
  /** Set while the user may not post or accept requests. */
  restricted_at: number | null;
  restricted_reason: string | null;
}
export type UserRow = Selectable<UsersTable>;

export interface ConversationStateTable {
  key: string;
  /** JSON of the conversations plugin's versioned state. */
  state: string;
  updated_at: number;
}

export interface HelpersTable {
  user_id: number;
  status: HelperStatus;
  /** JSON array of category codes from config. */
  categories: string;
  categories_note: string | null;
  profile: string;
  photo_file_id: string | null;
  career_note: string | null;
  latitude: number;
  longitude: number;
  /** Grid cell of (latitude, longitude), see src/domain/geo.ts. */
  cell: number;
  position_updated_at: number;
  /** While a live location is being shared, its end; edits after it are ignored. */
  live_until: number | null;
  radius_m: number;
  available: Generated<number>;
  /** Copy of users.reachable, kept by setReachable, so the nearby index can filter on it. */
  reachable: Generated<number>;
  /** 1 while users.restricted_at is set, kept by setRestricted, for the same reason. */
  restricted: Generated<number>;
  /** Minutes after midnight in the configured time zone; both null = no quiet hours. */
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  /** 1 when the helper wants to hear of walk-home requests (migration 0019). */
  urgent: Generated<number>;
  submitted_at: number;
  decided_at: number | null;
  decided_by: number | null;
  decision_reason: string | null;
}
export type HelperRow = Selectable<HelpersTable>;

export interface HelperProofsTable {
  id: Generated<number>;
  user_id: number;
  kind: "photo" | "document";
  file_id: string;
  created_at: number;
}

export interface HelperStatusHistoryTable {
  id: Generated<number>;
  user_id: number;
  from_status: HelperStatus | null;
  to_status: HelperStatus;
  actor_id: number;
  reason: string | null;
  at: number;
}

export interface HelperDraftsTable {
  user_id: number;
  /** JSON of the scene's draft (see src/domain/helper-profile.ts). */
  data: string;
  updated_at: number;
}

export interface RequestDraftsTable {
  user_id: number;
  /** JSON of the "ask for help" scene's draft (see src/services/requests/drafts.ts). */
  data: string;
  updated_at: number;
}

export interface AdminAuditTable {
  id: Generated<number>;
  admin_id: number;
  action: string;
  subject_id: number | null;
  reason: string | null;
  at: number;
}

/** Lower sends first: walk-home alerts > relay > match/selection notices > fan-out > broadcasts. */
export const OutboxPriority = { urgent: -1, relay: 0, notice: 1, fanout: 2, broadcast: 3 } as const;
export type OutboxPriorityValue = (typeof OutboxPriority)[keyof typeof OutboxPriority];

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dropped";

export interface OutboxTable {
  id: Generated<number>;
  chat_id: number;
  priority: number;
  /** A Bot API method, or "editByRef" to edit every sent message carrying `ref`. */
  method: string;
  /** JSON of the method's parameters without chat_id. */
  payload: string;
  /** Names a message so it can be edited later (e.g. every admin's copy of one application). */
  ref: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
  message_id: number | null;
  error: string | null;
}

export interface RequestsTable {
  id: Generated<number>;
  requester_id: number;
  category: string;
  description: string;
  latitude: number;
  longitude: number;
  fuzzed_latitude: number;
  fuzzed_longitude: number;
  /** How far from the place helpers are searched. */
  radius_m: number;
  /** Credits offered; 0 for none. */
  fee: number;
  status: RequestStatus;
  created_at: number;
  expires_at: number;
  helper_id: number | null;
  /** Set by the scene that posted it, so posting the same draft twice finds the first. */
  post_key: string | null;
  matched_at: number | null;
  closed_at: number | null;
  /** How many helpers it asks for, 1–5 (migration 0021). */
  helpers_wanted: Generated<number>;
}
export type RequestRow = Selectable<RequestsTable>;

/** A /nearby message and the requests it listed, so its pages keep their entries. */
export interface NearbyListsTable {
  helper_id: number;
  message_id: number;
  /** JSON array of request ids, in the order listed. */
  request_ids: string;
  created_at: number;
}

export interface RequestNotificationsTable {
  request_id: number;
  helper_id: number;
  wave: number;
  distance_m: number;
  notified_at: number;
}

export interface OffersTable {
  id: Generated<number>;
  request_id: number;
  helper_id: number;
  eta_minutes: number;
  distance_m: number;
  status: OfferStatus;
  created_at: number;
}
export type OfferRow = Selectable<OffersTable>;

export type DeadlineKind =
  | "request-expiry"
  | "request-wave"
  // A chat one side completed: remind the other, then close it on the first side's word.
  | "completion-reminder"
  | "completion-timeout"
  // A chat nobody completed by the later of the request's end and the helper's ETA (plus grace).
  | "no-show-check"
  // A walk home (subject: its request): the check-in time, then the grace after which others are alerted.
  | "walk-check-in"
  | "walk-alarm"
  // A voucher (subject: the voucher) reaching its expiry date while still held or offered.
  | "voucher-expiry";

export interface DeadlinesTable {
  id: Generated<number>;
  kind: DeadlineKind;
  subject_id: number;
  due_at: number;
  state: "pending" | "done" | "cancelled";
  created_at: number;
  fired_at: number | null;
}
export type Deadline = Selectable<DeadlinesTable>;

/** One side of a movement of credits; the rows of a movement sum to zero (see domain/ledger.ts). */
export interface LedgerEntriesTable {
  id: Generated<number>;
  /** "user:<id>", "board:<id>", or a system account ("escrow", "donation-pool", "payments", "grants"). */
  account: string;
  /** Positive adds to the account, negative takes from it. */
  amount: number;
  reason: string;
  /** What the movement is about: "request:<id>", "payment:<charge id>", "adjust:<audit id>", "gift:<donation id>". */
  subject: string;
  actor_id: number | null;
  note: string | null;
  created_at: number;
}

/** A system account's row, locked by movements that draw on it. */
export interface LedgerAccountsTable {
  name: string;
  created_at: number;
}

/** A top-up paid through Telegram Payments; the charge id makes it count once. */
export interface PaymentsTable {
  charge_id: string;
  provider_charge_id: string;
  user_id: number;
  credits: number;
  currency: string;
  total_amount: number;
  created_at: number;
}

export type InboxStatus = "pending" | "handled" | "failed";

export interface InboxTable {
  update_id: number;
  /** The chat (or, without one, the sender) whose updates must run in order. */
  chat_key: string;
  /** JSON of the update; emptied once handled, since it holds what users wrote. */
  payload: string;
  status: InboxStatus;
  attempts: Generated<number>;
  received_at: number;
  handled_at: number | null;
}
export type InboxRow = Selectable<InboxTable>;

export interface UpdateEffectsTable {
  update_id: number;
  /** The n-th unit of work of that update, counted from 1. */
  seq: number;
  /** JSON of what the unit of work returned. */
  result: string;
}

/** One anonymous chat per match (src/domain/chats.ts). */
export interface ChatsTable {
  id: Generated<number>;
  request_id: number;
  requester_id: number;
  helper_id: number;
  status: ChatStatus;
  meeting_code: string;
  opened_at: number;
  closed_at: number | null;
  close_reason: string | null;
  requester_completed_at: number | null;
  helper_completed_at: number | null;
}

export type RelayMessageStatus = "held" | "relayed" | "dropped";

/** The relay chat's message map: an original and its copy on the other side (migration 0013). */
export interface RelayMessagesTable {
  id: Generated<number>;
  chat_id: number;
  from_user_id: number;
  original_message_id: number;
  to_user_id: number;
  status: RelayMessageStatus;
  outbox_id: number | null;
  position: Generated<number>;
  copy_message_id: number | null;
  media_group_id: string | null;
  created_at: number;
}

/** The open chat a user with several writes in. */
export interface RelayFocusTable {
  user_id: number;
  chat_id: number;
}

/** Help and penalty badges as a ledger (migration 0014): one row per (user, kind, reason, subject). */
export interface BadgeEntriesTable {
  id: Generated<number>;
  user_id: number;
  kind: BadgeKind;
  amount: number;
  reason: string;
  subject_id: number;
  created_at: number;
}

export type ColourMark = "green" | "yellow" | "red";

/** One side's word on the other after a completed chat; the mark is seen by its author only. */
export interface ReviewsTable {
  id: Generated<number>;
  chat_id: number;
  author_id: number;
  subject_id: number;
  rating: number | null;
  comment: string | null;
  mark: ColourMark | null;
  /** 1 while the author's next message is read as the comment. */
  comment_asked: number;
  created_at: number;
  updated_at: number;
}

/** A badge donation board (migration 0015). */
export interface BoardsTable {
  id: Generated<number>;
  organisation: string;
  title: string;
  needed: string;
  goal: number;
  raised: Generated<number>;
  photo_file_id: string | null;
  status: "open" | "closed";
  close_reason: "goal" | "admin" | null;
  created_by: number;
  created_at: number;
  updated_at: number;
}

/** One donation of help badges to a board; its donor is a supporter of the board's organisation. */
export interface BoardDonationsTable {
  id: Generated<number>;
  board_id: number;
  user_id: number;
  amount: number;
  created_at: number;
}

/** A report on a relay chat and how an admin decided it (migration 0018). */
export interface ReportsTable {
  id: Generated<number>;
  chat_id: number;
  reporter_id: number;
  reported_id: number;
  reason: ReportReason;
  state: ReportState;
  handled_by: number | null;
  handled_at: number | null;
  created_at: number;
}
/** A safety PIN and the optional duress PIN, hashed with scrypt (migration 0019). */
export interface SafetyPinsTable {
  user_id: number;
  pin_hash: string;
  pin_salt: string;
  duress_hash: string | null;
  duress_salt: string | null;
  updated_at: number;
}

export type SafetyPromptPurpose = "pin" | "duress" | "safe";

/** The PIN the bot waits for a user to type next. */
export interface SafetyPromptsTable {
  user_id: number;
  purpose: SafetyPromptPurpose;
  subject_id: number;
  created_at: number;
}

/** A walk home beside its request (migration 0019). */
export interface WalksTable {
  request_id: number;
  requester_id: number;
  destination: string | null;
  live_message_id: number;
  live_until: number;
  last_latitude: number;
  last_longitude: number;
  last_seen_at: number;
  check_in_at: number;
  status: WalkStatus;
  wrong_pins: Generated<number>;
  duress: Generated<number>;
  created_at: number;
  closed_at: number | null;
}

/** A user's trusted contact: invited by a link token, set once a user who started the bot accepts. */
export interface TrustedContactsTable {
  requester_id: number;
  token: string;
  contact_id: number | null;
  created_at: number;
  accepted_at: number | null;
}

/** What a voucher is for, as admins name it (migration 0020). */
export interface VoucherKindsTable {
  id: Generated<number>;
  name: string;
  is_default: Generated<number>;
  created_by: number;
  created_at: number;
  retired_at: number | null;
}

/** A voucher as it stands now; its history is in voucher_events (migration 0020). */
export interface VouchersTable {
  id: Generated<number>;
  kind_id: number | null;
  holder_id: number;
  origin: VoucherOrigin;
  state: VoucherState;
  code_hash: string | null;
  offers: Generated<number>;
  expires_at: number;
  created_at: number;
}

/** One voucher event, once per (voucher, event, subject) (migration 0020). */
export interface VoucherEventsTable {
  id: Generated<number>;
  voucher_id: number;
  event: VoucherEvent;
  subject_id: number;
  user_id: number;
  actor_id: number | null;
  code_hash: string | null;
  at: number;
}
