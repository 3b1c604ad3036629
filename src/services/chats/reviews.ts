import { findChat } from "../../../db/repositories/chats.js";
import { reviewAskingComment, saveReview } from "../../../db/repositories/reviews.js";
import { aliasOf } from "../../../db/repositories/users.js";
import type { ColourMark } from "../../../db/schema.js";
import { COMMENT_MAX_CHARS, type MarkChoice, partnerOf, sideOf } from "../../domain/chats.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";

export type ReviewStep = { ok: false } | { ok: true; partnerAlias: string };

/** Only the two sides of a completed chat review each other. */
async function completedPartner(deps: ServiceDeps, userId: number, chatId: number) {
  const chat = await findChat(deps.db, chatId);
  if (!chat || chat.status !== "completed" || !sideOf(chat, userId)) return undefined;
  return { chat, partnerId: partnerOf(chat, userId) };
}

/** A rating, 1 to 5; pressing another number changes it. */
export async function rateChat(deps: ServiceDeps, userId: number, chatId: number, rating: number): Promise<ReviewStep> {
  const found = await completedPartner(deps, userId, chatId);
  if (!found) return { ok: false };
  await inUnitOfWork(deps, (uow) =>
    saveReview(uow.trx, { chatId, authorId: userId, subjectId: found.partnerId, now: uow.now }, { rating }),
  );
  return { ok: true, partnerAlias: await aliasOf(deps.db, found.partnerId) };
}

/** The private colour mark; then the author's next message is read as the optional comment. */
export async function markPartner(deps: ServiceDeps, userId: number, chatId: number, choice: MarkChoice): Promise<ReviewStep> {
  const found = await completedPartner(deps, userId, chatId);
  if (!found) return { ok: false };
  const mark: ColourMark | null = choice === "none" ? null : choice;
  await inUnitOfWork(deps, (uow) =>
    saveReview(uow.trx, { chatId, authorId: userId, subjectId: found.partnerId, now: uow.now }, { mark, comment_asked: 1 }),
  );
  return { ok: true, partnerAlias: await aliasOf(deps.db, found.partnerId) };
}

export async function skipComment(deps: ServiceDeps, userId: number, chatId: number): Promise<boolean> {
  const found = await completedPartner(deps, userId, chatId);
  const asking = await reviewAskingComment(deps.db, userId);
  if (!found || asking?.chatId !== chatId) return false;
  await inUnitOfWork(deps, (uow) =>
    saveReview(uow.trx, { chatId, authorId: userId, subjectId: found.partnerId, now: uow.now }, { comment: null, comment_asked: 0 }),
  );
  return true;
}

export type CommentResult = "not-asked" | "too-long" | "saved";

/** A message read as the comment the author was asked for, if one is asked. */
export async function leaveComment(deps: ServiceDeps, userId: number, text: string): Promise<CommentResult> {
  const asking = await reviewAskingComment(deps.db, userId);
  if (!asking) return "not-asked";
  const comment = text.trim();
  if ([...comment].length > COMMENT_MAX_CHARS) return "too-long";
  await inUnitOfWork(deps, (uow) =>
    saveReview(
      uow.trx,
      { chatId: asking.chatId, authorId: userId, subjectId: asking.subjectId, now: uow.now },
      { comment, comment_asked: 0 },
    ),
  );
  return "saved";
}
