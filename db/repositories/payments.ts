import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Records a payment unless its charge id is known already; true when this call recorded it. */
export async function recordPayment(
  db: Executor,
  payment: {
    chargeId: string;
    providerChargeId: string;
    userId: number;
    credits: number;
    currency: string;
    totalAmount: number;
    at: number;
  },
): Promise<boolean> {
  const result = await db
    .insertInto("payments")
    .values({
      charge_id: payment.chargeId,
      provider_charge_id: payment.providerChargeId,
      user_id: payment.userId,
      credits: payment.credits,
      currency: payment.currency,
      total_amount: payment.totalAmount,
      created_at: payment.at,
    })
    .onConflict((oc) => oc.column("charge_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
