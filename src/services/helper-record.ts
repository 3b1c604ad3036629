import type { Kysely, Transaction } from "kysely";
import { badgeCounts, helpsCompleted } from "../../db/repositories/badges.js";
import { markBy, reviewSummary } from "../../db/repositories/reviews.js";
import type { Database } from "../../db/schema.js";
import type { HelperRecord } from "../domain/badges.js";
import type { ServiceDeps } from "./deps.js";

const COMMENTS_SHOWN = 3;

/** A helper's record as `viewerId` may see it: everyone's numbers and comments, and the viewer's own mark only. */
export async function helperRecordFor(
  db: Kysely<Database> | Transaction<Database>,
  helperId: number,
  viewerId: number,
): Promise<HelperRecord> {
  const summary = await reviewSummary(db, helperId, COMMENTS_SHOWN);
  return {
    completedHelps: await helpsCompleted(db, helperId),
    ...(await badgeCounts(db, helperId).then((c) => ({ helpBadges: c.help, donatedBadges: c.donated }))),
    ratingCount: summary.count,
    ratingAverage: summary.average,
    comments: summary.comments,
    mark: viewerId === helperId ? null : await markBy(db, viewerId, helperId),
  };
}

/** A helper's own record for /profile. */
export function ownHelperRecord(deps: ServiceDeps, helperId: number): Promise<HelperRecord> {
  return helperRecordFor(deps.db, helperId, helperId);
}
