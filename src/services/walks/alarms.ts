import { chatOfRequest } from "../../../db/repositories/chats.js";
import { lockRequest } from "../../../db/repositories/requests.js";
import { trustedContactOf } from "../../../db/repositories/trusted-contacts.js";
import { aliasOf } from "../../../db/repositories/users.js";
import { findWalk, transitionWalk } from "../../../db/repositories/walks.js";
import { OutboxPriority } from "../../../db/schema.js";
import type { Walk } from "../../domain/walks.js";
import type { Translate } from "../../ui/translator.js";
import { type AlarmReader, walkAlarmText, walkOverdueCard } from "../../ui/walk-cards.js";
import type { ServiceDeps } from "../deps.js";
import type { UnitOfWork } from "../unit-of-work.js";

/** Who hears of a walk in trouble: the helper while their chat is open, every admin, the trusted contact. */
export async function watchersOf(deps: ServiceDeps, uow: UnitOfWork, walk: Walk): Promise<Map<number, AlarmReader>> {
  const readers = new Map<number, AlarmReader>();
  const chat = await chatOfRequest(uow.trx, walk.requestId);
  if (chat?.status === "open") readers.set(chat.helperId, "helper");
  const contact = await trustedContactOf(uow.trx, walk.requesterId);
  if (contact?.contactId != null) readers.set(contact.contactId, "contact");
  // An admin who is also the helper or the contact reads the admin's fuller alarm.
  for (const adminId of deps.config.adminIds) if (adminId !== walk.requesterId) readers.set(adminId, "admin");
  return readers;
}

/** The last known place as a pin, then `render`'s text, to each reader at urgent priority. */
export async function alertWithLocation(
  uow: UnitOfWork,
  walk: Walk,
  readers: ReadonlyMap<number, AlarmReader>,
  render: (t: Translate, reader: AlarmReader) => string,
): Promise<void> {
  await uow.tellEach([...readers.keys()], (t, userId) => [
    {
      chatId: userId,
      priority: OutboxPriority.urgent,
      method: "sendLocation",
      params: { latitude: walk.lastLatitude, longitude: walk.lastLongitude },
    },
    {
      chatId: userId,
      priority: OutboxPriority.urgent,
      method: "sendMessage",
      params: { text: render(t, readers.get(userId)!), parse_mode: "HTML" },
    },
  ]);
}

/** The check-in time passed with the walk still open: the requester is asked, and the grace begins. */
export async function walkCheckInDue(deps: ServiceDeps, uow: UnitOfWork, requestId: number): Promise<void> {
  await lockRequest(uow.trx, requestId);
  const walk = await findWalk(uow.trx, requestId);
  if (!walk || !(await transitionWalk(uow.trx, { requestId, from: ["active"], to: "overdue", now: uow.now }))) return;
  const { graceMinutes, emergencyNumber } = deps.config.walkHome;
  await uow.tell(walk.requesterId, (t) => walkOverdueCard(t, requestId, { graceMinutes, emergencyNumber }), {
    priority: OutboxPriority.urgent,
  });
  await uow.schedule("walk-alarm", requestId, uow.now + graceMinutes * 60_000);
}

/** The grace ran out without the PIN: the helper, every admin and the trusted contact are alerted. */
export async function walkAlarmDue(deps: ServiceDeps, uow: UnitOfWork, requestId: number): Promise<void> {
  await lockRequest(uow.trx, requestId);
  const walk = await findWalk(uow.trx, requestId);
  if (!walk || !(await transitionWalk(uow.trx, { requestId, from: ["overdue"], to: "alerted", now: uow.now }))) return;
  const alias = await aliasOf(uow.trx, walk.requesterId);
  const { timeZone, walkHome } = deps.config;
  const readers = await watchersOf(deps, uow, walk);
  await alertWithLocation(uow, walk, readers, (t, reader) =>
    walkAlarmText(t, reader, {
      alias,
      requestId,
      requesterId: walk.requesterId,
      lastSeenAt: walk.lastSeenAt,
      timeZone,
      emergencyNumber: walkHome.emergencyNumber,
    }),
  );
}
