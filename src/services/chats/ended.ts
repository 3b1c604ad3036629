import { lastEndedChatOf, openChatsOf } from "../../../db/repositories/chats.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { partnerOf } from "../../domain/chats.js";
import type { ServiceDeps } from "../deps.js";

/** How long after a chat ended a stray message is still taken as meant for it. */
export const RECENTLY_ENDED_MS = 24 * 60 * 60 * 1000;

/**
 * The partner of the chat a user was talking in until lately, when they have no open chat now:
 * a message sent after the end is answered with why it went nowhere, not "I did not understand".
 */
export async function recentlyEndedPartner(deps: ServiceDeps, userId: number): Promise<string | undefined> {
  if ((await openChatsOf(deps.db, userId)).length > 0) return undefined;
  const chat = await lastEndedChatOf(deps.db, userId, deps.clock.now() - RECENTLY_ENDED_MS);
  return chat && aliasOf(deps.db, partnerOf(chat, userId));
}
