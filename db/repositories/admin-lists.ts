import type { Kysely } from "kysely";
import type { ListedChat, ListedRequest } from "../../src/domain/admin-console.js";
import type { Database } from "../schema.js";

/** The admin console's lists of what is going on: requests not settled yet and open chats, oldest first. */

export async function activeRequests(
  db: Kysely<Database>,
  offset: number,
  limit: number,
): Promise<{ rows: ListedRequest[]; total: number }> {
  const rows = await db
    .selectFrom("requests as r")
    .innerJoin("users as u", "u.id", "r.requester_id")
    .select((eb) => [
      "r.id",
      "u.alias",
      "r.category",
      "r.status",
      "r.created_at",
      "r.expires_at",
      eb
        .selectFrom("offers as o")
        .select((o) => o.fn.countAll<number>().as("n"))
        .whereRef("o.request_id", "=", "r.id")
        .where("o.status", "=", "active")
        .as("offers"),
    ])
    .where("r.status", "in", ["open", "matched"])
    .orderBy("r.id")
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom("requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["open", "matched"])
    .executeTakeFirst();
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      requesterAlias: r.alias,
      category: r.category,
      status: r.status as ListedRequest["status"],
      activeOffers: Number(r.offers ?? 0),
      createdAt: Number(r.created_at),
      expiresAt: Number(r.expires_at),
    })),
    total: Number(count?.n ?? 0),
  };
}

export async function openChats(db: Kysely<Database>, offset: number, limit: number): Promise<{ rows: ListedChat[]; total: number }> {
  const rows = await db
    .selectFrom("chats as c")
    .innerJoin("requests as r", "r.id", "c.request_id")
    .innerJoin("users as ru", "ru.id", "c.requester_id")
    .innerJoin("users as hu", "hu.id", "c.helper_id")
    .select(["c.id", "c.request_id", "r.category", "ru.alias as requester_alias", "hu.alias as helper_alias", "c.opened_at"])
    .where("c.status", "=", "open")
    .orderBy("c.id")
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom("chats")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "open")
    .executeTakeFirst();
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      requestId: Number(r.request_id),
      category: r.category,
      requesterAlias: r.requester_alias,
      helperAlias: r.helper_alias,
      openedAt: Number(r.opened_at),
    })),
    total: Number(count?.n ?? 0),
  };
}
