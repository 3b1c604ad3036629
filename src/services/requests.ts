import type { Transaction } from "kysely";
import { cancelDeadlines, scheduleDeadline } from "../../db/repositories/deadlines.js";
import { findHelper } from "../../db/repositories/helpers.js";
import { aliasOf, findUser } from "../../db/repositories/users.js";
import { findNearbyHelpers } from "../../db/repositories/helper-search.js";
import { editByRef, enqueueMessages, type OutgoingMessage } from "../../db/repositories/outbox.js";
import {
  closeRequest,
  countOpenRequests,
  creditBalance,
  findOffer,
  findRequest,
  lastWave,
  notifiedHelperIds,
  offersOf,
} from "../../db/repositories/requests.js";
import { OutboxPriority, type Database, type HelpRequest } from "../../db/schema.js";
import { callbackData } from "../bot/callback-data.js";
import { escapeHtml } from "../bot/html.js";
import { distanceMeters, fuzzLocation, isInQuietHours } from "../domain/geo.js";
import { minuteOfDay } from "../domain/helper-profile.js";
import type { ServiceDeps } from "./deps.js";
import { categoryLabels } from "./helper-cards.js";
import { acceptKeyboard, closedNotice, distanceText, offerRef, requestNotice, requestRef } from "./request-cards.js";
import { languageFor, languagesFor, noticeTo } from "./recipients.js";
import { languageOf } from "../bot/locale.js";
import { InlineKeyboard } from "grammy";

export interface RequestDraft {
  category: string;
  description: string;
  place: { latitude: number; longitude: number };
  validityMinutes: number;
  fee: number;
}

export type PostResult =
  | { ok: true; requestId: number; notified: number }
  | { ok: false; reason: "restricted"; because: string }
  | { ok: false; reason: "too-many-open"; limit: number }
  | { ok: false; reason: "insufficient-credits"; missing: number; balance: number };

/** Checks a requester may post now; the scene asks this before the first question too. */
export async function postingBlocker(
  deps: ServiceDeps,
  requesterId: number,
  fee = 0,
): Promise<Exclude<PostResult, { ok: true }> | undefined> {
  const user = await findUser(deps.db, requesterId);
  if (user?.restricted_at) return { ok: false, reason: "restricted", because: user.restricted_reason ?? "" };
  const open = await countOpenRequests(deps.db, requesterId);
  if (open >= deps.config.limits.maxOpenRequestsPerUser)
    return { ok: false, reason: "too-many-open", limit: deps.config.limits.maxOpenRequestsPerUser };
  if (fee > 0) {
    const balance = await creditBalance(deps.db, requesterId);
    if (balance < fee) return { ok: false, reason: "insufficient-credits", missing: fee - balance, balance };
  }
  return undefined;
}

/**
 * Posts the request and tells the first wave of helpers, in one transaction with its expiry
 * and the next wave's timer: a crash leaves either nothing or everything in place.
 */
export async function postRequest(deps: ServiceDeps, requesterId: number, draft: RequestDraft): Promise<PostResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<PostResult> => {
    const requester = await findUser(trx, requesterId);
    if (requester?.restricted_at) return { ok: false, reason: "restricted", because: requester.restricted_reason ?? "" };
    const open = await countOpenRequests(trx, requesterId);
    if (open >= deps.config.limits.maxOpenRequestsPerUser)
      return { ok: false, reason: "too-many-open", limit: deps.config.limits.maxOpenRequestsPerUser };
    if (draft.fee > 0) {
      const balance = await creditBalance(trx, requesterId);
      if (balance < draft.fee) return { ok: false, reason: "insufficient-credits", missing: draft.fee - balance, balance };
    }
    const fuzzed = fuzzLocation(draft.place.latitude, draft.place.longitude, deps.config.limits.locationFuzzMeters);
    const { id } = await trx
      .insertInto("requests")
      .values({
        requester_id: requesterId,
        category: draft.category,
        description: draft.description,
        latitude: draft.place.latitude,
        longitude: draft.place.longitude,
        fuzzed_latitude: fuzzed.latitude,
        fuzzed_longitude: fuzzed.longitude,
        radius_m: deps.config.limits.defaultRadiusKm * 1000,
        fee: draft.fee,
        status: "open",
        created_at: now,
        expires_at: now + draft.validityMinutes * 60_000,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await scheduleDeadline(trx, { kind: "request-expiry", subjectId: id, dueAt: now + draft.validityMinutes * 60_000, now });
    const notified = await fanOutWave(deps, trx, id);
    return { ok: true, requestId: id, notified };
  });
  if (result.ok) {
    deps.outbox.wake();
    deps.deadlines.wake();
  }
  return result;
}

/**
 * Tells the next nearest helpers who have not heard of the request. Runs at posting and then
 * from the wave timer while nobody has offered; stops when candidates run out.
 */
export async function fanOutWave(deps: ServiceDeps, trx: Transaction<Database>, requestId: number): Promise<number> {
  const now = deps.clock.now();
  const request = await findRequest(trx, requestId);
  if (!request || request.status !== "open") return 0;
  const offers = await offersOf(trx, requestId);
  if (offers.some((o) => o.status === "active")) return 0;

  const { fanoutWaveSize, fanoutWaveIntervalSeconds } = deps.config.limits;
  const exclude = new Set([...(await notifiedHelperIds(trx, requestId)), request.requester_id]);
  const minute = minuteOfDay(now, deps.config.timeZone);
  // Quiet hours are filtered after the search, so ask for a few more than a wave.
  const found = await findNearbyHelpers(trx, {
    latitude: request.latitude,
    longitude: request.longitude,
    radiusM: request.radius_m,
    limit: fanoutWaveSize * 2,
    excludeUserIds: exclude,
  });
  const awake = found.filter((h) => !isInQuietHours(minute, h.quietStartMinute, h.quietEndMinute));
  const wave = awake.slice(0, fanoutWaveSize);
  if (wave.length === 0) return 0;

  const waveNumber = (await lastWave(trx, requestId)) + 1;
  await trx
    .insertInto("request_notifications")
    .values(wave.map((h) => ({ request_id: requestId, helper_id: h.userId, wave: waveNumber, distance_m: h.distanceM, notified_at: now })))
    .execute();
  const messages: OutgoingMessage[] = [];
  const languages = await languagesFor(
    trx,
    wave.map((h) => h.userId),
  );
  for (const helper of wave) {
    const language = languages.get(helper.userId) ?? languageOf(undefined);
    messages.push(
      {
        chatId: helper.userId,
        priority: OutboxPriority.fanout,
        method: "sendLocation",
        params: {
          latitude: request.fuzzed_latitude,
          longitude: request.fuzzed_longitude,
          horizontal_accuracy: Math.min(1500, deps.config.limits.locationFuzzMeters),
        },
      },
      {
        chatId: helper.userId,
        priority: OutboxPriority.fanout,
        method: "sendMessage",
        ref: requestRef(requestId),
        params: {
          text: requestNotice(deps.i18n, language, request, helper.distanceM, now),
          parse_mode: "HTML",
          reply_markup: acceptKeyboard(deps.i18n, language, requestId),
        },
      },
    );
  }
  await enqueueMessages(trx, now, messages);
  // More may be waiting beyond this wave; the timer looks again unless someone offers first.
  if (awake.length > wave.length || found.length >= fanoutWaveSize * 2) {
    await scheduleDeadline(trx, { kind: "request-wave", subjectId: requestId, dueAt: now + fanoutWaveIntervalSeconds * 1000, now });
  }
  return wave.length;
}

export type AcceptResult =
  | { ok: true; offerId: number; request: HelpRequest }
  | { ok: false; reason: "closed" | "not-helper" | "own-request" | "already" | "restricted" };

/** A helper offers to come. Accepting twice changes nothing; the requester gets one card per helper. */
export async function acceptRequest(deps: ServiceDeps, helperId: number, requestId: number, etaMinutes: number): Promise<AcceptResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<AcceptResult> => {
    const request = await findRequest(trx, requestId);
    if (!request || request.status !== "open") return { ok: false, reason: "closed" };
    if (request.requester_id === helperId) return { ok: false, reason: "own-request" };
    const helper = await findHelper(trx, helperId);
    if (!helper || helper.status !== "approved") return { ok: false, reason: "not-helper" };
    if (helper.restricted) return { ok: false, reason: "restricted" };
    const distance = distanceMeters(helper, request);
    const inserted = await trx
      .insertInto("offers")
      .values({
        request_id: requestId,
        helper_id: helperId,
        eta_minutes: etaMinutes,
        distance_m: distance,
        status: "active",
        created_at: now,
      })
      .onConflict((oc) => oc.columns(["request_id", "helper_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, reason: "already" };
    // Someone offered: no further waves for now.
    await cancelDeadlines(trx, "request-wave", requestId);

    const alias = await aliasOf(trx, helperId);
    const language = await languageFor(trx, request.requester_id);
    const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(language, key, vars);
    const categories = categoryLabels(t, JSON.parse(helper.categories) as string[]);
    const text = [
      t("offer-card-title", { alias: escapeHtml(alias), eta: String(etaMinutes), distance: distanceText(deps.i18n, language, distance) }),
      t("field-categories", { value: escapeHtml(categories) }),
      t("field-profile", { value: escapeHtml(helper.profile) }),
    ].join("\n");
    const choose = new InlineKeyboard().text(t("offer-choose", { alias }), callbackData("cho", inserted.id));
    const messages: OutgoingMessage[] = [];
    if (helper.photo_file_id) {
      messages.push({
        chatId: request.requester_id,
        priority: OutboxPriority.notice,
        method: "sendPhoto",
        params: { photo: helper.photo_file_id, caption: t("offer-photo-caption", { alias: escapeHtml(alias) }), parse_mode: "HTML" },
      });
    }
    messages.push({
      chatId: request.requester_id,
      priority: OutboxPriority.notice,
      method: "sendMessage",
      ref: offerRef(inserted.id),
      params: { text, parse_mode: "HTML", reply_markup: choose },
    });
    await enqueueMessages(trx, now, messages);
    return { ok: true, offerId: inserted.id, request };
  });
  if (result.ok) deps.outbox.wake();
  return result;
}

/** The helper takes an offer back before being chosen; the requester's card says so. */
export async function withdrawOffer(deps: ServiceDeps, helperId: number, offerId: number): Promise<boolean> {
  const now = deps.clock.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    const offer = await findOffer(trx, offerId);
    if (!offer || offer.helper_id !== helperId) return false;
    const request = await findRequest(trx, offer.request_id);
    if (!request || request.status !== "open") return false;
    const result = await trx
      .updateTable("offers")
      .set({ status: "withdrawn" })
      .where("id", "=", offerId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    const alias = await aliasOf(trx, helperId);
    await enqueueMessages(trx, now, [editByRef(offerRef(offerId), (l) => deps.i18n.t(l, "offer-withdrawn", { alias: escapeHtml(alias) }))]);
    // With no active offer left, waves resume.
    const offers = await offersOf(trx, request.id);
    if (!offers.some((o) => o.status === "active")) {
      await scheduleDeadline(trx, { kind: "request-wave", subjectId: request.id, dueAt: now, now });
    }
    return true;
  });
  if (done) {
    deps.outbox.wake();
    deps.deadlines.wake();
  }
  return done;
}

export type ChooseResult = { ok: true; alias: string } | { ok: false; reason: "closed" | "not-yours" | "offer-gone" };

/**
 * The requester picks one offer. Exactly one choice wins even under concurrent taps: the
 * request moves from open to matched once.
 */
export async function chooseOffer(deps: ServiceDeps, requesterId: number, offerId: number): Promise<ChooseResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx): Promise<ChooseResult> => {
    const offer = await findOffer(trx, offerId);
    if (!offer) return { ok: false, reason: "offer-gone" };
    const request = await findRequest(trx, offer.request_id);
    if (!request || request.requester_id !== requesterId) return { ok: false, reason: "not-yours" };
    if (offer.status !== "active") return { ok: false, reason: request.status === "open" ? "offer-gone" : "closed" };
    if (!(await closeRequest(trx, { id: request.id, from: "open", to: "matched", at: now, helperId: offer.helper_id })))
      return { ok: false, reason: "closed" };
    await trx.updateTable("offers").set({ status: "chosen" }).where("id", "=", offerId).execute();
    const others = (await offersOf(trx, request.id)).filter((o) => o.id !== offerId && o.status === "active");
    await trx
      .updateTable("offers")
      .set({ status: "declined" })
      .where("request_id", "=", request.id)
      .where("status", "=", "active")
      .execute();
    await cancelDeadlines(trx, "request-expiry", request.id);
    await cancelDeadlines(trx, "request-wave", request.id);

    const alias = await aliasOf(trx, offer.helper_id);
    const helperLanguage = await languageFor(trx, offer.helper_id);
    const t = (key: string, vars?: Record<string, string | number>) => deps.i18n.t(helperLanguage, key, vars);
    const messages: OutgoingMessage[] = [
      editByRef(requestRef(request.id), (l) => closedNotice(deps.i18n, l, request, "request-closed-taken")),
      {
        chatId: offer.helper_id,
        priority: OutboxPriority.notice,
        method: "sendMessage",
        params: {
          text: [
            t("chosen-title", { category: t(`category-${request.category}`) }),
            escapeHtml(request.description),
            request.fee > 0 ? t("request-fee", { fee: String(request.fee) }) : t("request-no-fee"),
            t("chosen-exact-place"),
          ].join("\n"),
          parse_mode: "HTML",
        },
      },
      // The exact point, to the chosen helper only (DESIGN decision 5).
      {
        chatId: offer.helper_id,
        priority: OutboxPriority.notice,
        method: "sendLocation",
        params: { latitude: request.latitude, longitude: request.longitude },
      },
    ];
    for (const other of others) {
      const category = deps.i18n.t(await languageFor(trx, other.helper_id), `category-${request.category}`);
      messages.push(
        await noticeTo(trx, deps.i18n, other.helper_id, "offer-not-chosen", { category }),
        editByRef(offerRef(other.id), (l) => deps.i18n.t(l, "offer-card-not-chosen")),
      );
    }
    await enqueueMessages(trx, now, messages);
    return { ok: true, alias };
  });
  if (result.ok) deps.outbox.wake();
  return result;
}

/** Closes an open request (expiry or the requester's cancel) and winds up everyone involved. */
async function closeOpenRequest(
  deps: ServiceDeps,
  trx: Transaction<Database>,
  request: HelpRequest,
  to: "expired" | "cancelled",
): Promise<boolean> {
  const now = deps.clock.now();
  if (!(await closeRequest(trx, { id: request.id, from: "open", to, at: now }))) return false;
  await cancelDeadlines(trx, "request-wave", request.id);
  await cancelDeadlines(trx, "request-expiry", request.id);
  const active = (await offersOf(trx, request.id)).filter((o) => o.status === "active");
  await trx.updateTable("offers").set({ status: "declined" }).where("request_id", "=", request.id).where("status", "=", "active").execute();
  const reasonKey = to === "expired" ? "request-closed-expired" : "request-closed-cancelled";
  const messages: OutgoingMessage[] = [editByRef(requestRef(request.id), (l) => closedNotice(deps.i18n, l, request, reasonKey))];
  for (const offer of active) {
    const language = await languageFor(trx, offer.helper_id);
    messages.push({
      chatId: offer.helper_id,
      priority: OutboxPriority.notice,
      method: "sendMessage",
      params: { text: closedNotice(deps.i18n, language, request, reasonKey) },
    });
    messages.push(editByRef(offerRef(offer.id), (l) => deps.i18n.t(l, "offer-card-closed")));
  }
  if (to === "expired") {
    const language = await languageFor(trx, request.requester_id);
    messages.push({
      chatId: request.requester_id,
      priority: OutboxPriority.notice,
      method: "sendMessage",
      params: {
        text: deps.i18n.t(language, "request-expired-requester", { category: deps.i18n.t(language, `category-${request.category}`) }),
        reply_markup: new InlineKeyboard().text(deps.i18n.t(language, "request-post-again"), callbackData("again", request.id)),
      },
    });
  }
  await enqueueMessages(trx, now, messages);
  return true;
}

/** The expiry timer: nobody was chosen in time. */
export async function expireRequest(deps: ServiceDeps, trx: Transaction<Database>, requestId: number): Promise<void> {
  const request = await findRequest(trx, requestId);
  if (request?.status === "open") await closeOpenRequest(deps, trx, request, "expired");
}

/** The requester withdraws an open request before choosing; no penalty. */
export async function cancelRequest(deps: ServiceDeps, requesterId: number, requestId: number): Promise<boolean> {
  const done = await deps.db.transaction().execute(async (trx) => {
    const request = await findRequest(trx, requestId);
    if (!request || request.requester_id !== requesterId || request.status !== "open") return false;
    return closeOpenRequest(deps, trx, request, "cancelled");
  });
  if (done) deps.outbox.wake();
  return done;
}

/** A helper who blocked the bot cannot come: their offers are withdrawn. A requester who did: their requests close. */
export async function windUpUnreachable(deps: ServiceDeps, userId: number): Promise<void> {
  const offers = await deps.db.selectFrom("offers").select("id").where("helper_id", "=", userId).where("status", "=", "active").execute();
  for (const offer of offers) await withdrawOffer(deps, userId, offer.id);
  const requests = await deps.db
    .selectFrom("requests")
    .select("id")
    .where("requester_id", "=", userId)
    .where("status", "=", "open")
    .execute();
  for (const request of requests) await cancelRequest(deps, userId, request.id);
}
