import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Typed tables. Times are epoch milliseconds and flags are 0/1 integers so that one SQL text
 * runs on SQLite and PostgreSQL alike (DESIGN decision 8).
 */
export interface Database {
  users: UsersTable;
  conversation_state: ConversationStateTable;
}

export type Language = "en" | "ko";

export interface UsersTable {
  /** Telegram user id; private chat id is the same number. */
  id: number;
  /** The only name other users ever see. */
  alias: string;
  /** Chosen with /language; null means "follow the Telegram client". */
  language: Language | null;
  client_language: string | null;
  created_at: number;
  last_seen_at: number;
  /** 0 once the user blocked the bot; sending to them is pointless until they come back. */
  reachable: Generated<number>;
}
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export interface ConversationStateTable {
  key: string;
  /** JSON of the conversations plugin's versioned state. */
  state: string;
  updated_at: number;
}
