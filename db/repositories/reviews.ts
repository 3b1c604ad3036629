import { type Kysely, type Transaction, sql } from "kysely";
import type { ColourMark, Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

export interface ReviewSummary {
  count: number;
  /** Average of the ratings given, or null when there is none. */
  average: number | null;
  /** The newest comments, newest first. */
  comments: string[];
}

/** Sets part of one side's review of a completed chat; the row is made on the first part. */
export async function saveReview(
  trx: Transaction<Database>,
  review: { chatId: number; authorId: number; subjectId: number; now: number },
  part: { rating: number } | { mark: ColourMark | null; comment_asked: number } | { comment: string | null; comment_asked: number },
): Promise<void> {
  await trx
    .insertInto("reviews")
    .values({
      chat_id: review.chatId,
      author_id: review.authorId,
      subject_id: review.subjectId,
      rating: null,
      comment: null,
      mark: null,
      comment_asked: 0,
      created_at: review.now,
      updated_at: review.now,
      ...part,
    })
    .onConflict((oc) => oc.columns(["chat_id", "author_id"]).doUpdateSet({ ...part, updated_at: review.now }))
    .execute();
}

export async function reviewSummary(db: Executor, subjectId: number, commentsShown: number): Promise<ReviewSummary> {
  const stats = await db
    .selectFrom("reviews")
    .select([(eb) => eb.fn.count<number>("rating").as("n"), (eb) => eb.fn.avg<number>("rating").as("average")])
    .where("subject_id", "=", subjectId)
    .executeTakeFirst();
  const comments = await db
    .selectFrom("reviews")
    .select("comment")
    .where("subject_id", "=", subjectId)
    .where("comment", "is not", null)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(commentsShown)
    .execute();
  const count = Number(stats?.n ?? 0);
  return { count, average: count > 0 ? Number(stats?.average) : null, comments: comments.map((c) => c.comment ?? "") };
}

/** The newest colour the author set for the subject, if any; nobody else ever reads it. */
export async function markBy(db: Executor, authorId: number, subjectId: number): Promise<ColourMark | null> {
  const row = await db
    .selectFrom("reviews")
    .select("mark")
    .where("author_id", "=", authorId)
    .where("subject_id", "=", subjectId)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.mark ?? null;
}

/** The review whose comment the author was asked for, if their next message should be read as it. */
export async function reviewAskingComment(db: Executor, authorId: number): Promise<{ chatId: number; subjectId: number } | undefined> {
  const row = await db
    .selectFrom("reviews")
    .select(["chat_id", "subject_id"])
    .where("author_id", "=", authorId)
    // Written in, not bound, so the partial index of reviews asking for a comment serves it.
    .where("comment_asked", "=", sql.lit(1))
    .orderBy("updated_at", "desc")
    .executeTakeFirst();
  return row && { chatId: Number(row.chat_id), subjectId: Number(row.subject_id) };
}
