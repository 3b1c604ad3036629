import { type Kysely, sql } from "kysely";
import type { User } from "../../src/domain/users.js";
import { compiledOnce } from "../compiled-once.js";
import type { Database } from "../schema.js";
import { toUser } from "./users.js";

/**
 * What the features that read a plain message need to know about its sender, read in one
 * statement with the user: each of them would otherwise ask the database on every message,
 * though almost every message meets none of them. (Constants are written into the statement, so
 * PostgreSQL's generic plan can use the partial index on reviews asking for a comment.)
 */
export interface UserSituation {
  user: User;
  /** In an open chat: the message may be for the partner. */
  inOpenChat: boolean;
  /** The bot asked for a PIN: the message may be it. */
  askedForPin: boolean;
  /** The bot asked for a review's comment: the message may be it. */
  askedForComment: boolean;
  /** A chat of theirs ended after the given moment. */
  chatEndedSince: boolean;
  /** The stored scene state of the chat the update came from: null when none, undefined when not read. */
  sceneState?: string | null | undefined;
}

const situationQuery = compiledOnce<{ userId: number; endedSince: number; sceneKey: string }, Record<string, unknown>>((db, slot) =>
  db
    .selectFrom("users")
    .selectAll("users")
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom("chats")
            .select("chats.id")
            .where("chats.status", "=", sql.lit("open"))
            .where((w) => w.or([w("chats.requester_id", "=", slot("userId")), w("chats.helper_id", "=", slot("userId"))])),
        )
        .as("in_open_chat"),
      eb
        .exists(eb.selectFrom("safety_prompts").select("safety_prompts.user_id").where("safety_prompts.user_id", "=", slot("userId")))
        .as("asked_for_pin"),
      eb
        .exists(
          eb
            .selectFrom("reviews")
            .select("reviews.chat_id")
            .where("reviews.author_id", "=", slot("userId"))
            .where("reviews.comment_asked", "=", sql.lit(1)),
        )
        .as("asked_for_comment"),
      eb
        .exists(
          eb
            .selectFrom("chats")
            .select("chats.id")
            .where("chats.status", "!=", sql.lit("open"))
            .where("chats.closed_at", ">", slot("endedSince"))
            .where((w) => w.or([w("chats.requester_id", "=", slot("userId")), w("chats.helper_id", "=", slot("userId"))])),
        )
        .as("chat_ended_since"),
      eb
        .selectFrom("conversation_state")
        .select("conversation_state.state")
        .where("conversation_state.key", "=", slot("sceneKey"))
        .as("scene_state"),
    ])
    .where("users.id", "=", slot("userId")),
);

export async function situationOf(
  db: Kysely<Database>,
  input: { userId: number; endedSince: number; sceneKey: string },
): Promise<UserSituation | undefined> {
  const [row] = await situationQuery(db, input);
  if (!row) return undefined;
  return {
    user: toUser(row as never),
    inOpenChat: Boolean(row.in_open_chat),
    askedForPin: Boolean(row.asked_for_pin),
    askedForComment: Boolean(row.asked_for_comment),
    chatEndedSince: Boolean(row.chat_ended_since),
    sceneState: (row.scene_state as string | null | undefined) ?? null,
  };
}
