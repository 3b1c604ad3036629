import type { Kysely } from "kysely";
import { withAutoId } from "./portable.js";

// Frozen: never edit a migration that has shipped; add a new one.

const SYSTEM_ACCOUNTS = ["escrow", "donation-pool", "payments", "grants"];

export async function up(db: Kysely<any>): Promise<void> {
  // System accounts have a row each, so a movement that draws on one (the donation pool) can lock
  // it the way a debit locks the user. Users' and boards' accounts need none: their own rows lock.
  await db.schema
    .createTable("ledger_accounts")
    .addColumn("name", "varchar(32)", (c) => c.primaryKey())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db
    .insertInto("ledger_accounts")
    .values(SYSTEM_ACCOUNTS.map((name) => ({ name, created_at: 0 })))
    .execute();

  // Double entry: every row belongs to an account ("user:<id>", "board:<id>" or a system account),
  // every movement is rows summing to zero, and (account, reason, subject) is unique, so a movement
  // such as a hold's settlement can be written once only.
  await withAutoId(db, db.schema.createTable("ledger_entries"))
    .addColumn("account", "varchar(32)", (c) => c.notNull())
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("reason", "varchar(24)", (c) => c.notNull())
    // "request:<id>", "payment:<charge id>", "adjust:<audit id>", "gift:<donation id>", "entry:<old row id>"
    .addColumn("subject", "varchar(160)", (c) => c.notNull())
    .addColumn("actor_id", "bigint")
    .addColumn("note", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  const old = await db.selectFrom("credit_entries").selectAll().orderBy("id").execute();
  const rows: Record<string, unknown>[] = [];
  for (const e of old) {
    const row = {
      account: `user:${e.user_id}`,
      amount: Number(e.amount),
      reason: e.reason,
      actor_id: e.actor_id,
      note: e.note,
      created_at: e.created_at,
    };
    if (e.reason === "topup") {
      // creditTopup wrote the charge id as the note.
      const subject = e.note ? `payment:${e.note}` : `entry:${e.id}`;
      rows.push({ ...row, subject }, { ...row, account: "payments", amount: -row.amount, subject });
    } else if (e.reason === "admin") {
      const subject = `entry:${e.id}`;
      rows.push({ ...row, subject }, { ...row, account: "grants", amount: -row.amount, subject });
    } else {
      // fee-paid and fee-received: the two sides of one completion already balance.
      rows.push({ ...row, subject: e.request_id === null ? `entry:${e.id}` : `request:${e.request_id}` });
    }
  }
  // Fees of open and matched requests were held by subtraction; they become holds in escrow.
  const held = await db
    .selectFrom("requests")
    .select(["id", "requester_id", "fee", "created_at"])
    .where("status", "in", ["open", "matched"])
    .where("fee", ">", 0)
    .orderBy("id")
    .execute();
  for (const r of held) {
    const hold = { reason: "fee-held", subject: `request:${r.id}`, actor_id: null, note: null, created_at: r.created_at };
    rows.push(
      { ...hold, account: `user:${r.requester_id}`, amount: -Number(r.fee) },
      { ...hold, account: "escrow", amount: Number(r.fee) },
    );
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("ledger_entries")
      .values(rows.slice(i, i + 500))
      .execute();

  await db.schema.createIndex("ledger_entries_once").on("ledger_entries").columns(["account", "reason", "subject"]).unique().execute();
  await db.schema.createIndex("ledger_entries_account").on("ledger_entries").columns(["account", "id"]).execute();
  await db.schema.createIndex("ledger_entries_subject").on("ledger_entries").columns(["subject"]).execute();
  await db.schema.dropTable("credit_entries").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await withAutoId(db, db.schema.createTable("credit_entries"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("reason", "varchar(32)", (c) => c.notNull())
    .addColumn("request_id", "bigint")
    .addColumn("actor_id", "bigint")
    .addColumn("note", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  // Users' rows go back, except holds still open: the old code derives those from the requests.
  // System accounts have no place in the old table.
  const settled = await db.selectFrom("ledger_entries").select("subject").where("reason", "=", "fee-settled").execute();
  const settledSubjects = new Set(settled.map((r) => String(r.subject)));
  const rows = await db.selectFrom("ledger_entries").selectAll().where("account", "like", "user:%").orderBy("id").execute();
  const kept = rows.filter((e) => e.reason !== "fee-held" || settledSubjects.has(String(e.subject)));
  const back = kept.map((e) => ({
    user_id: Number(String(e.account).slice("user:".length)),
    amount: e.amount,
    reason: e.reason,
    request_id: String(e.subject).startsWith("request:") ? Number(String(e.subject).slice("request:".length)) : null,
    actor_id: e.actor_id,
    note: e.note,
    created_at: e.created_at,
  }));
  for (let i = 0; i < back.length; i += 500)
    await db
      .insertInto("credit_entries")
      .values(back.slice(i, i + 500))
      .execute();
  await db.schema.createIndex("credit_entries_user").on("credit_entries").columns(["user_id"]).execute();
  await db.schema.createIndex("credit_entries_once").on("credit_entries").columns(["user_id", "reason", "request_id"]).unique().execute();
  await db.schema.dropTable("ledger_entries").execute();
  await db.schema.dropTable("ledger_accounts").execute();
}
