import { recordNotifications } from "../../../db/repositories/request-notifications.js";
import { OutboxPriority } from "../../../db/schema.js";
import type { HelpRequest } from "../../domain/requests.js";
import { acceptKeyboard, approximatePin, requestNotice } from "../../ui/request-cards.js";
import type { ServiceDeps } from "../deps.js";
import type { UnitOfWork } from "../unit-of-work.js";
import { requestRef } from "./refs.js";

/**
 * Tells helpers of a request as a wave does: the approximate pin, then the notice with its
 * Accept buttons (ref'd, so closing the request edits every copy). Each is recorded under
 * `wave` in the same transaction, so nobody hears of the request twice. The caller holds the
 * request's lock and has checked it is open.
 */
export async function tellHelpersOfRequest(
  deps: ServiceDeps,
  uow: UnitOfWork,
  request: HelpRequest,
  helpers: readonly { userId: number; distanceM: number }[],
  wave: number,
): Promise<void> {
  const { now } = uow;
  await recordNotifications(uow.trx, request.id, wave, helpers, now);
  const distances = new Map(helpers.map((h) => [h.userId, h.distanceM]));
  const fuzzedPin = approximatePin(request, deps.config.limits.locationFuzzMeters);
  await uow.tellEach(
    helpers.map((h) => h.userId),
    (t, helperId) => [
      { chatId: helperId, priority: OutboxPriority.fanout, method: "sendLocation", params: fuzzedPin },
      {
        chatId: helperId,
        priority: OutboxPriority.fanout,
        method: "sendMessage",
        ref: requestRef(request.id),
        params: {
          text: requestNotice(t, request, distances.get(helperId)!, now),
          parse_mode: "HTML",
          reply_markup: acceptKeyboard(t, request.id),
        },
      },
    ],
  );
}
