import { recentAuditAbout } from "../../db/repositories/admin-audit.js";
import { badgeCounts } from "../../db/repositories/badges.js";
import { recentCreditEntries } from "../../db/repositories/credit-entries.js";
import { findHelper } from "../../db/repositories/helpers.js";
import { findUser, findUserByAlias } from "../../db/repositories/users.js";
import type { UserLookup } from "../ui/user-lookup-card.js";
import type { ServiceDeps } from "./deps.js";
import { creditsOf } from "./ledger.js";

const RECENT = 5;

/** A number is an id; anything else an alias, matched as aliases are compared everywhere. */
export async function lookUpUser(deps: ServiceDeps, query: string): Promise<UserLookup | undefined> {
  const text = query.trim();
  const user = /^#?\d{1,15}$/.test(text) ? await findUser(deps.db, Number(text.replace("#", ""))) : await findUserByAlias(deps.db, text);
  if (!user) return undefined;
  return {
    user,
    helperStatus: (await findHelper(deps.db, user.id))?.status,
    badges: await badgeCounts(deps.db, user.id),
    credits: await creditsOf(deps.db, user.id),
    ledger: await recentCreditEntries(deps.db, user.id, RECENT),
    audit: await recentAuditAbout(deps.db, user.id, RECENT),
  };
}
