import { Composer, InlineKeyboard } from "grammy";
import { findHelper } from "../../../db/repositories/helpers.js";
import type { Helper } from "../../../db/schema.js";
import { isValidCoordinate } from "../../domain/geo.js";
import { parseQuietHours } from "../../domain/helper-profile.js";
import { approximateArea, categoryLabels, quietHoursText } from "../../services/helper-cards.js";
import { setAvailability, setQuietHours, setRadius, updateHelperPosition } from "../../services/helper-settings.js";
import { callbackArgs, callbackData, callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { formatTime } from "../time.js";

export const helperFeature = new Composer<BotContext>();
const privateChats = helperFeature.chatType("private");

privateChats.command("helper", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("helper", "register");
});

function profileKeyboard(ctx: BotContext, helper: Helper): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t(helper.available ? "profile-available-off" : "profile-available-on"), callbackData("hset", "avail"))
    .text(ctx.t("profile-radius"), callbackData("hset", "radius"))
    .row()
    .text(ctx.t("profile-quiet"), callbackData("hset", "quiet"))
    .text(ctx.t("profile-edit"), callbackData("hset", "edit"));
}

function profileText(ctx: BotContext, helper: Helper): string {
  const t = ctx.t;
  const categories = JSON.parse(helper.categories) as string[];
  const lines = [
    t("profile-title", { status: t(`helper-status-${helper.status}`) }),
    t("field-alias", { value: escapeHtml(ctx.user!.alias) }),
    t("field-categories", { value: escapeHtml(categoryLabels(t, categories)) }),
  ];
  if (helper.categories_note) lines.push(t("field-categories-note", { value: escapeHtml(helper.categories_note) }));
  lines.push(t("field-profile", { value: escapeHtml(helper.profile) }));
  lines.push(t("field-radius", { km: helper.radius_m / 1000 }));
  lines.push(t("field-availability", { value: t(helper.available ? "availability-on" : "availability-off") }));
  lines.push(t("field-quiet", { value: quietHoursText(t, helper) }));
  const live = helper.live_until !== null && helper.live_until > ctx.deps.clock.now();
  lines.push(
    t(live ? "field-position-live" : "field-position", {
      value: approximateArea(helper.latitude, helper.longitude),
      updated: formatTime(helper.position_updated_at, ctx.deps.config.timeZone),
      until: live ? formatTime(helper.live_until!, ctx.deps.config.timeZone) : "",
    }),
  );
  if (helper.status === "rejected" && helper.decision_reason)
    lines.push(t("profile-rejected-reason", { reason: escapeHtml(helper.decision_reason) }));
  if (helper.status === "suspended" && helper.decision_reason)
    lines.push(t("profile-suspended-reason", { reason: escapeHtml(helper.decision_reason) }));
  return lines.join("\n");
}

async function showProfile(ctx: BotContext): Promise<void> {
  const helper = await findHelper(ctx.deps.db, ctx.from!.id);
  if (!helper) {
    await ctx.reply(ctx.t("helper-not-registered"), {
      reply_markup: new InlineKeyboard().text(ctx.t("menu-become-helper"), callbackData("menu", "helper")),
    });
    return;
  }
  const keyboard =
    helper.status === "rejected"
      ? new InlineKeyboard().text(ctx.t("profile-apply-again"), callbackData("menu", "helper"))
      : profileKeyboard(ctx, helper);
  await ctx.reply(profileText(ctx, helper), { parse_mode: "HTML", reply_markup: keyboard });
}

privateChats.command("profile", showProfile);

async function toggleAvailability(ctx: BotContext, wanted?: boolean): Promise<string> {
  const helper = await findHelper(ctx.deps.db, ctx.from!.id);
  if (!helper || helper.status === "rejected") return ctx.t("helper-not-registered");
  const available = wanted ?? !helper.available;
  await setAvailability(ctx.deps, ctx.from!.id, available);
  return ctx.t(available ? "available-now-on" : "available-now-off");
}

privateChats.command("available", async (ctx) => {
  const argument = ctx.match.trim().toLowerCase();
  const wanted = ["on", "켜기", "yes"].includes(argument) ? true : ["off", "끄기", "no"].includes(argument) ? false : undefined;
  if (argument !== "" && wanted === undefined) {
    await ctx.reply(ctx.t("available-usage"));
    return;
  }
  await ctx.reply(await toggleAvailability(ctx, wanted));
});

function radiusKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const km of ctx.deps.config.limits.radiusPresetsKm) keyboard.text(`${km} km`, callbackData("rad", km));
  return keyboard;
}

async function askRadius(ctx: BotContext): Promise<void> {
  const helper = await findHelper(ctx.deps.db, ctx.from!.id);
  if (!helper || helper.status === "rejected") {
    await ctx.reply(ctx.t("helper-not-registered"));
    return;
  }
  await ctx.reply(ctx.t("radius-prompt", { km: helper.radius_m / 1000 }), { reply_markup: radiusKeyboard(ctx) });
}

privateChats.command("radius", askRadius);

privateChats.callbackQuery(callbackPattern("rad"), async (ctx) => {
  const km = Number(callbackArgs(ctx.callbackQuery.data, "rad")?.[0]);
  if (!ctx.deps.config.limits.radiusPresetsKm.includes(km) || !(await setRadius(ctx.deps, ctx.from.id, km))) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("radius-set", { km }));
});

privateChats.command("quiet", async (ctx) => {
  const argument = ctx.match.trim();
  const helper = await findHelper(ctx.deps.db, ctx.from.id);
  if (!helper || helper.status === "rejected") {
    await ctx.reply(ctx.t("helper-not-registered"));
    return;
  }
  if (argument === "") {
    await ctx.conversation.enter("quiet");
    return;
  }
  const off = ["off", "끄기", "none"].includes(argument.toLowerCase());
  const quiet = off ? null : parseQuietHours(argument);
  if (quiet === undefined) {
    await ctx.reply(ctx.t("quiet-usage"));
    return;
  }
  await setQuietHours(ctx.deps, ctx.from.id, quiet);
  await ctx.reply(
    quiet
      ? ctx.t("quiet-set", { value: quietHoursText(ctx.t, { quiet_start_minute: quiet.start, quiet_end_minute: quiet.end }) })
      : ctx.t("quiet-cleared"),
  );
});

privateChats.callbackQuery(callbackPattern("hset"), async (ctx) => {
  const [setting] = callbackArgs(ctx.callbackQuery.data, "hset") ?? [];
  switch (setting) {
    case "avail":
      await ctx.answerCallbackQuery({ text: await toggleAvailability(ctx) });
      {
        const helper = await findHelper(ctx.deps.db, ctx.from.id);
        if (helper) await ctx.editMessageText(profileText(ctx, helper), { parse_mode: "HTML", reply_markup: profileKeyboard(ctx, helper) });
      }
      return;
    case "radius":
      await ctx.answerCallbackQuery();
      await askRadius(ctx);
      return;
    case "quiet":
      await ctx.answerCallbackQuery();
      await ctx.conversation.enter("quiet");
      return;
    case "edit":
      await ctx.answerCallbackQuery();
      await ctx.conversation.enter("helper", "edit");
      return;
    default:
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  }
});

/** Outside a scene, any shared place is the helper telling us where they are now. */
privateChats.on("message:location", async (ctx) => {
  const message = ctx.message;
  const location = message.venue?.location ?? message.location;
  if (!isValidCoordinate(location.latitude, location.longitude)) {
    await ctx.reply(ctx.t("location-invalid"));
    return;
  }
  const livePeriod = message.venue ? undefined : message.location.live_period;
  const liveUntil = livePeriod ? ctx.deps.clock.now() + livePeriod * 1000 : null;
  const outcome = await updateHelperPosition(ctx.deps, ctx.from.id, { ...location, liveUntil, isLiveEdit: false });
  if (outcome !== "updated") {
    await ctx.reply(ctx.t("location-not-helper"));
    return;
  }
  await ctx.reply(
    liveUntil ? ctx.t("location-live-updated", { until: formatTime(liveUntil, ctx.deps.config.timeZone) }) : ctx.t("location-updated"),
    { reply_markup: { remove_keyboard: true } },
  );
});

/** Live-location edits arrive often; they update the position silently. */
privateChats.on("edited_message:location", async (ctx) => {
  const location = ctx.editedMessage.location;
  if (!isValidCoordinate(location.latitude, location.longitude)) return;
  await updateHelperPosition(ctx.deps, ctx.from.id, {
    latitude: location.latitude,
    longitude: location.longitude,
    liveUntil: null,
    isLiveEdit: true,
  });
});
