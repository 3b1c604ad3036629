import { lockChat, openChatsOf } from "../../../db/repositories/chats.js";
import { focusOf, setFocus } from "../../../db/repositories/relay.js";
import { findRequest } from "../../../db/repositories/requests.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { type Chat, partnerOf } from "../../domain/chats.js";
import type { HelpRequest } from "../../domain/requests.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";

export interface OpenChat {
  chat: Chat;
  partnerAlias: string;
  request: HelpRequest;
  /** The chat this user's messages go to. */
  writingHere: boolean;
}

/** The user's open chats with what the list shows of each; the one they write in is marked. */
export async function openChatsFor(deps: ServiceDeps, userId: number): Promise<OpenChat[]> {
  const chats = await openChatsOf(deps.db, userId);
  const focus = chats.length === 1 ? chats[0]!.id : await focusOf(deps.db, userId);
  return Promise.all(
    chats.map(async (chat) => ({
      chat,
      partnerAlias: await aliasOf(deps.db, partnerOf(chat, userId)),
      request: (await findRequest(deps.db, chat.requestId))!,
      writingHere: chat.id === focus,
    })),
  );
}

/** The user writes in this chat from now on; undefined when it is not an open chat of theirs. */
export function writeIn(deps: ServiceDeps, userId: number, chatId: number): Promise<{ partnerAlias: string } | undefined> {
  return inUnitOfWork(deps, async (uow) => {
    const chat = await lockChat(uow.trx, chatId);
    if (chat?.status !== "open" || (chat.requesterId !== userId && chat.helperId !== userId)) return undefined;
    await setFocus(uow.trx, userId, chatId);
    return { partnerAlias: await aliasOf(uow.trx, partnerOf(chat, userId)) };
  });
}
