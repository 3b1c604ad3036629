import type { Kysely, Selectable, Transaction } from "kysely";
import type { ReportReason } from "../../src/domain/chats.js";
import type { Report, ReportState } from "../../src/domain/reports.js";
import type { Database, ReportsTable } from "../schema.js";

type Executor = Kysely<Database> | Transaction<Database>;

function toReport(row: Selectable<ReportsTable>): Report {
  return {
    id: Number(row.id),
    chatId: Number(row.chat_id),
    reporterId: Number(row.reporter_id),
    reportedId: Number(row.reported_id),
    reason: row.reason,
    state: row.state,
    handledBy: row.handled_by === null ? null : Number(row.handled_by),
    handledAt: row.handled_at === null ? null : Number(row.handled_at),
    createdAt: Number(row.created_at),
  };
}

export async function insertReport(
  trx: Transaction<Database>,
  report: { chatId: number; reporterId: number; reportedId: number; reason: ReportReason; at: number },
): Promise<number> {
  const row = await trx
    .insertInto("reports")
    .values({
      chat_id: report.chatId,
      reporter_id: report.reporterId,
      reported_id: report.reportedId,
      reason: report.reason,
      state: "open",
      created_at: report.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findReport(db: Executor, id: number): Promise<Report | undefined> {
  const row = await db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toReport(row);
}

/**
 * Moves an open report to its decision; false when it was no longer open. The guarded update is
 * what makes two admins deciding at once decide once (on PostgreSQL the second waits for the
 * first's row lock, then finds the report decided).
 */
export async function decideReportRow(
  trx: Transaction<Database>,
  id: number,
  decided: { state: Exclude<ReportState, "open">; adminId: number; at: number },
): Promise<boolean> {
  const result = await trx
    .updateTable("reports")
    .set({ state: decided.state, handled_by: decided.adminId, handled_at: decided.at })
    .where("id", "=", id)
    .where("state", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One page of reports: open ones first (oldest first, to be handled in turn), then handled ones, newest first. */
export async function reportsPage(db: Executor, offset: number, limit: number): Promise<{ reports: Report[]; total: number }> {
  const rows = await db
    .selectFrom("reports")
    .selectAll()
    .orderBy((eb) => eb.case().when("state", "=", "open").then(0).else(1).end())
    .orderBy((eb) =>
      eb
        .case()
        .when("state", "=", "open")
        .then(eb.ref("id"))
        .else(eb.neg(eb.ref("id")))
        .end(),
    )
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom("reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return { reports: rows.map(toReport), total: Number(count?.n ?? 0) };
}
