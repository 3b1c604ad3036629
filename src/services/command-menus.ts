import type { Kysely, Transaction } from "kysely";
import { findHelper } from "../../db/repositories/helpers.js";
import { languageFor } from "../../db/repositories/users.js";
import { type Database, OutboxPriority } from "../../db/schema.js";
import type { HelperStatus } from "../domain/helpers.js";
import { commandMenu, type MenuRole } from "../ui/commands.js";
import { translateIn } from "../ui/translator.js";
import type { ServiceDeps } from "./deps.js";
import type { UnitOfWork } from "./unit-of-work.js";

/** Where a user stands: their helper status (if they ever applied) and whether they are an admin. */
export interface Standing {
  helperStatus: HelperStatus | undefined;
  admin: boolean;
}

async function standingIn(deps: ServiceDeps, db: Kysely<Database> | Transaction<Database>, userId: number): Promise<Standing> {
  return { helperStatus: (await findHelper(db, userId))?.status, admin: deps.config.adminIds.includes(userId) };
}

export function standingOf(deps: ServiceDeps, userId: number): Promise<Standing> {
  return standingIn(deps, deps.db, userId);
}

/** Helper commands only do something for an approved helper, so only their menus list them. */
export function menuRole(standing: Standing): MenuRole {
  return { helper: standing.helperStatus === "approved", admin: standing.admin };
}

/**
 * The user's own command menu, queued with the change that altered their role (approved,
 * suspended, reinstated): it reaches Telegram exactly when the change is committed, even after a
 * restart. The outbox sends it like any message, addressed by its scope.
 */
export async function queueCommandMenu(deps: ServiceDeps, uow: UnitOfWork, userId: number): Promise<void> {
  const role = menuRole(await standingIn(deps, uow.trx, userId));
  const t = translateIn(deps.i18n, await languageFor(uow.trx, userId));
  await uow.send({
    chatId: userId,
    priority: OutboxPriority.notice,
    method: "setMyCommands",
    params: { commands: commandMenu(t, role), scope: { type: "chat", chat_id: userId } },
  });
}
