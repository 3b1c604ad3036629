import { randomBytes } from "node:crypto";
import {
  acceptInvitation,
  invitationByToken,
  inviteContact,
  removeContact,
  trustedContactOf,
  trustingUsers,
  withdrawContact,
} from "../../../db/repositories/trusted-contacts.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { escapeHtml } from "../../telegram/html.js";
import type { ServiceDeps } from "../deps.js";
import { inUnitOfWork } from "../unit-of-work.js";
import { pinState } from "./pins.js";

/** What /safety shows: PINs set or not (never what they are), the trusted contact, whom the user is trusted by. */
export async function safetyOverview(deps: ServiceDeps, userId: number) {
  const pins = await pinState(deps, userId);
  const contact = await trustedContactOf(deps.db, userId);
  const trustedBy = await Promise.all(
    (await trustingUsers(deps.db, userId)).map(async (id) => ({ id, alias: await aliasOf(deps.db, id) })),
  );
  return {
    ...pins,
    contact:
      contact === undefined
        ? ("none" as const)
        : contact.contactId === null
          ? ("invited" as const)
          : { alias: await aliasOf(deps.db, contact.contactId) },
    trustedBy,
  };
}

/** A new invitation link's token; an older link (accepted or not) stops working. */
export async function inviteTrustedContact(deps: ServiceDeps, userId: number): Promise<string> {
  const token = randomBytes(12).toString("hex");
  await inviteContact(deps.db, userId, token, deps.clock.now());
  return token;
}

export type InvitationCheck = { ok: true; requesterId: number; alias: string } | { ok: false; reason: "unknown" | "own" };

/** Someone opened an invitation link: who asks, if the link still works. */
export async function openInvitation(deps: ServiceDeps, contactId: number, token: string): Promise<InvitationCheck> {
  const invitation = await invitationByToken(deps.db, token);
  if (!invitation || invitation.contactId !== null) return { ok: false, reason: "unknown" };
  if (invitation.requesterId === contactId) return { ok: false, reason: "own" };
  return { ok: true, requesterId: invitation.requesterId, alias: await aliasOf(deps.db, invitation.requesterId) };
}

/** Yes or no to an invitation; the inviter hears either way. False when the link no longer works. */
export function answerInvitation(deps: ServiceDeps, contactId: number, requesterId: number, token: string, yes: boolean): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    const invitation = await invitationByToken(uow.trx, token);
    if (invitation?.requesterId !== requesterId || invitation.contactId !== null || requesterId === contactId) return false;
    if (yes && !(await acceptInvitation(uow.trx, token, contactId, uow.now))) return false;
    const alias = escapeHtml(await aliasOf(uow.trx, contactId));
    await uow.tell(requesterId, (t) => t(yes ? "trusted-accepted" : "trusted-declined", { alias }));
    return true;
  });
}

/** The contact steps back; the user who trusted them is told. */
export function withdrawTrust(deps: ServiceDeps, contactId: number, requesterId: number): Promise<boolean> {
  return inUnitOfWork(deps, async (uow) => {
    if (!(await withdrawContact(uow.trx, requesterId, contactId))) return false;
    const alias = escapeHtml(await aliasOf(uow.trx, contactId));
    await uow.tell(requesterId, (t) => t("trusted-withdrawn", { alias }));
    return true;
  });
}

/** The user removes their trusted contact (or the pending invitation); an accepted contact is told. */
export function removeTrustedContact(deps: ServiceDeps, userId: number): Promise<void> {
  return inUnitOfWork(deps, async (uow) => {
    const contact = await trustedContactOf(uow.trx, userId);
    await removeContact(uow.trx, userId);
    if (contact?.contactId == null) return;
    const alias = escapeHtml(await aliasOf(uow.trx, userId));
    await uow.tell(contact.contactId, (t) => t("trusted-removed", { alias }));
  });
}
