import type { Kysely } from "kysely";
import { copyStillComing, findRelayed, type RelayRefs } from "../../db/repositories/relay.js";
import type { Database } from "../../db/schema.js";

type Resolved = { params: Record<string, unknown>; records: boolean } | "wait" | "gone";

/** The relayed message's id on one side: its original there, or its copy there (once delivered). */
async function idIn(db: Kysely<Database>, relayId: number, chatId: number): Promise<number | "wait" | "gone"> {
  const relayed = await findRelayed(db, relayId);
  if (!relayed) return "gone";
  if (chatId === relayed.fromUserId) return relayed.originalMessageId;
  if (relayed.copyMessageId !== null) return relayed.copyMessageId;
  return relayed.outboxId !== null && (await copyStillComing(db, relayed.outboxId)) ? "wait" : "gone";
}

/** The params to send, with the relay's names turned into message ids of the row's chat. */
export async function resolveRelayRefs(db: Kysely<Database>, chatId: number, payload: Record<string, unknown>): Promise<Resolved> {
  const { relay, ...params } = payload as { relay?: RelayRefs } & Record<string, unknown>;
  if (!relay) return { params, records: false };
  if (relay.target !== undefined) {
    const id = await idIn(db, relay.target, chatId);
    if (id === "wait" || id === "gone") return id;
    params.message_id = id;
  }
  if (relay.replyTo !== undefined) {
    const id = await idIn(db, relay.replyTo, chatId);
    if (id === "wait") return id;
    // A reply whose message is gone still goes, unthreaded, rather than not at all.
    if (id !== "gone") params.reply_parameters = { message_id: id, allow_sending_without_reply: true };
  }
  return { params, records: relay.records === true };
}

/** The message ids a send returned: one message, or an album's several. */
export function sentMessageIds(result: unknown): number[] {
  const items = Array.isArray(result) ? (result as unknown[]) : [result];
  return items.flatMap((r) => (typeof r === "object" && r !== null && "message_id" in r ? [Number(r.message_id)] : []));
}
