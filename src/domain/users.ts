import type { Language } from "./language.js";

/** Someone who wrote to the bot. Others only ever see the alias. */
export interface User {
  /** Telegram user id; the private chat id is the same number. */
  id: number;
  alias: string;
  /** Chosen with /language; null means "follow the Telegram client". */
  language: Language | null;
  clientLanguage: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** False once the user blocked the bot. */
  reachable: boolean;
  /** Set while the user may not post or accept requests. */
  restrictedAt: number | null;
  restrictedReason: string | null;
}
