import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.js";

/**
 * Credits given to a user the way an admin grant writes them (the user's account and `grants`),
 * for tests that need a balance to start from.
 */
export async function seedCredits(db: Kysely<Database>, credit: { userId: number; amount: number; now: number; key?: string }) {
  const row = {
    reason: "admin",
    subject: `seed:${credit.userId}:${credit.key ?? "start"}`,
    actor_id: null,
    note: "seed",
    created_at: credit.now,
  };
  await db
    .insertInto("ledger_entries")
    .values([
      { ...row, account: `user:${credit.userId}`, amount: credit.amount },
      { ...row, account: "grants", amount: -credit.amount },
    ])
    .execute();
}

/** Every account's balance, by account. */
export async function accountBalances(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("ledger_entries")
    .select(["account", (eb) => eb.fn.sum<number>("amount").as("balance")])
    .groupBy("account")
    .execute();
  return new Map(rows.map((r) => [r.account, Number(r.balance)]));
}

/**
 * What double entry promises, checked against the rows: all accounts sum to zero, no user, board,
 * escrow or pool account is below zero, every movement (rows sharing a subject and created
 * together) balances, and escrow holds exactly the holds not settled yet.
 */
export async function ledgerProblems(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  const balances = await accountBalances(db);
  const total = [...balances.values()].reduce((a, b) => a + b, 0);
  if (total !== 0) problems.push(`the accounts sum to ${total}`);
  for (const [account, balance] of balances) {
    if (balance < 0 && account !== "payments" && account !== "grants") problems.push(`${account} is at ${balance}`);
  }
  const subjects = await db
    .selectFrom("ledger_entries")
    .select(["subject", (eb) => eb.fn.sum<number>("amount").as("sum")])
    .groupBy("subject")
    .execute();
  for (const s of subjects) if (Number(s.sum) !== 0) problems.push(`the rows of ${s.subject} sum to ${Number(s.sum)}`);
  const unsettled = await db
    .selectFrom("ledger_entries as hold")
    .select((eb) => eb.fn.sum<number>("hold.amount").as("held"))
    .where("hold.account", "=", "escrow")
    .where("hold.reason", "=", "fee-held")
    .where(
      sql<boolean>`not exists (select 1 from ledger_entries s where s.account = 'escrow' and s.reason = 'fee-settled' and s.subject = hold.subject)`,
    )
    .executeTakeFirst();
  const escrow = balances.get("escrow") ?? 0;
  if (escrow !== Number(unsettled?.held ?? 0)) problems.push(`escrow holds ${escrow}, the unsettled holds ${Number(unsettled?.held ?? 0)}`);
  return problems;
}
