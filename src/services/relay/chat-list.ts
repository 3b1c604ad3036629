import { lockChat, openChatsOf } from "../../../db/repositories/chats.js";
import { focusOf, setFocus } from "../../../db/repositories/relay.js";
import { findRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { type Chat, partnerOf } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";

/** One side of one open chat, and whom it pairs the user with. */
export interface ChatMember {
  chat: Chat;
  partnerAlias: string;
}

/**
 * What the user writes in: one open chat, or a requester's chats with the helpers of one request,
 * which are one group chat (a message reaches them all).
 */
export interface OpenChat {
  members: ChatMember[];
  request: HelpRequest;
  /** The one this user's messages go to. */
  writingHere: boolean;
}

/** Whom an open chat's messages reach: the partner, or every helper of the group. */
export const membersLabel = (open: OpenChat): string => open.members.map((m) => m.partnerAlias).join(", ");

/** The user's open chats, a group counted once, with what the list shows of each; the one they write in is marked. */
export async function openChatsFor(deps: ServiceDeps, userId: number): Promise<OpenChat[]> {
  const chats = await openChatsOf(deps.db, userId);
  const requestIds = [...new Set(chats.map((c) => c.requestId))];
  const focus = requestIds.length === 1 ? chats[0]!.id : await focusOf(deps.db, userId);
  const focusRequest = chats.find((c) => c.id === focus)?.requestId;
  return Promise.all(
    requestIds.map(async (requestId) => ({
      members: await Promise.all(
        chats
          .filter((c) => c.requestId === requestId)
          .map(async (chat) => ({ chat, partnerAlias: await aliasOf(deps.db, partnerOf(chat, userId)) })),
      ),
      request: (await findRequest(deps.db, requestId))!,
      writingHere: requestId === focusRequest,
    })),
  );
}

/** The user writes in this chat (with a group, in all of it) from now on; false when it is not an open chat of theirs. */
export function writeIn(deps: ServiceDeps, userId: number, chatId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const chat = await lockChat(uow.trx, chatId);
    if (chat?.status !== "open" || (chat.requesterId !== userId && chat.helperId !== userId)) return false;
    await setFocus(uow.trx, userId, chatId);
    return true;
  });
}
