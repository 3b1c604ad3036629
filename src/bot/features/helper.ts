import { InlineKeyboard } from "grammy";
import { SCENES } from "../../../scenes/ids.js";
import { isValidCoordinate } from "../../domain/geo.js";
import { parseQuietHours } from "../../domain/helper-profile.js";
import { changeHelperSettings, ownHelper, updateHelperPosition } from "../../services/helpers/settings.js";
import { Actions } from "../../ui/actions.js";
import { profileCard, profileKeyboard, quietHoursText } from "../../ui/helper-cards.js";
import { helperRecordLines } from "../../ui/badge-cards.js";
import { ownHelperRecord } from "../../services/helper-record.js";
import { formatTime } from "../../ui/time.js";
import { escapeHtml } from "../../telegram/html.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

export const helperFeature = new Feature({
  commands: ["helper", "profile", "available", "radius", "quiet"],
  on: [BUTTONS, "message:location", "edited_message:location"],
});
const privateChats = helperFeature.chatType("private");

privateChats.command("helper", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.helper, "register");
});

/** The helper, unless they never registered or were rejected (then they have no settings). */
async function activeHelper(ctx: BotContext) {
  const helper = await ownHelper(ctx.deps, ctx.from!.id);
  return helper && helper.status !== "rejected" ? helper : undefined;
}

async function profileText(ctx: BotContext, helper: NonNullable<Awaited<ReturnType<typeof ownHelper>>>): Promise<string> {
  const record = helperRecordLines(ctx.t, await ownHelperRecord(ctx.deps, helper.userId)).join("\n");
  const card = `${profileCard(ctx.t, helper, ctx.user!.alias, ctx.deps.clock.now(), ctx.deps.config.timeZone)}\n${record}`;
  // The restriction is the user's, not the profile's: it stops accepting whatever the status says.
  const restricted = ctx.user?.restrictedAt != null;
  return restricted ? `${card}\n\n${ctx.t("profile-restricted", { reason: escapeHtml(ctx.user?.restrictedReason ?? "—") })}` : card;
}

privateChats.command("profile", async (ctx) => {
  const helper = await ownHelper(ctx.deps, ctx.from.id);
  if (!helper) {
    await ctx.reply(ctx.t("helper-not-registered"), {
      reply_markup: new InlineKeyboard().text(ctx.t("menu-become-helper"), Actions.menu.data("helper")),
    });
    return;
  }
  await ctx.reply(await profileText(ctx, helper), { parse_mode: "HTML", reply_markup: profileKeyboard(ctx.t, helper) });
});

async function toggleAvailability(ctx: BotContext, wanted?: boolean): Promise<string> {
  const helper = await activeHelper(ctx);
  if (!helper) return ctx.t("helper-not-registered");
  const available = wanted ?? !helper.available;
  await changeHelperSettings(ctx.deps, helper.userId, { available });
  if (!available) return ctx.t("available-now-off");
  // "Requests will reach you" only when they will: otherwise the switch waits for what blocks them.
  if (helper.status === "suspended") return ctx.t("available-on-suspended");
  if (helper.status === "pending") return ctx.t("available-on-pending");
  if (helper.restricted) return ctx.t("available-on-restricted");
  return ctx.t("available-now-on");
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

async function askRadius(ctx: BotContext): Promise<void> {
  const helper = await activeHelper(ctx);
  if (!helper) {
    await ctx.reply(ctx.t("helper-not-registered"));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const km of ctx.deps.config.limits.radiusPresetsKm) keyboard.text(`${km} km`, Actions.radius.data(km));
  await ctx.reply(ctx.t("radius-prompt", { km: helper.radiusM / 1000 }), { reply_markup: keyboard });
}

privateChats.command("radius", askRadius);

onAction(helperFeature, Actions.radius, async (ctx, km) => {
  if (!ctx.deps.config.limits.radiusPresetsKm.includes(km)) return refuseButton(ctx);
  if (!(await changeHelperSettings(ctx.deps, ctx.from.id, { radiusM: km * 1000 }))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("radius-set", { km }));
});

privateChats.command("quiet", async (ctx) => {
  const argument = ctx.match.trim();
  if (!(await activeHelper(ctx))) {
    await ctx.reply(ctx.t("helper-not-registered"));
    return;
  }
  if (argument === "") {
    await ctx.conversation.enter(SCENES.quiet);
    return;
  }
  const off = ["off", "끄기", "none"].includes(argument.toLowerCase());
  const quiet = off ? null : parseQuietHours(argument);
  if (quiet === undefined) {
    await ctx.reply(ctx.t("quiet-usage"));
    return;
  }
  await changeHelperSettings(ctx.deps, ctx.from.id, { quiet });
  await ctx.reply(quiet ? ctx.t("quiet-set", { value: quietHoursText(ctx.t, quiet) }) : ctx.t("quiet-cleared"));
});

onAction(helperFeature, Actions.profileSetting, async (ctx, setting) => {
  switch (setting) {
    case "avail": {
      await ctx.answerCallbackQuery({ text: await toggleAvailability(ctx) });
      const helper = await ownHelper(ctx.deps, ctx.from.id);
      if (helper)
        await ctx.editMessageText(await profileText(ctx, helper), { parse_mode: "HTML", reply_markup: profileKeyboard(ctx.t, helper) });
      return;
    }
    case "urgent": {
      // Walk-home requests: off by default, switched here; they change no open request's notices.
      const helper = await activeHelper(ctx);
      if (!helper) return refuseButton(ctx);
      await changeHelperSettings(ctx.deps, helper.userId, { urgent: !helper.urgent });
      await ctx.answerCallbackQuery({ text: ctx.t(helper.urgent ? "urgent-now-off" : "urgent-now-on") });
      const changed = await ownHelper(ctx.deps, ctx.from.id);
      if (changed)
        await ctx.editMessageText(await profileText(ctx, changed), { parse_mode: "HTML", reply_markup: profileKeyboard(ctx.t, changed) });
      return;
    }
    case "radius":
      await ctx.answerCallbackQuery();
      return askRadius(ctx);
    case "quiet":
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(SCENES.quiet);
    case "edit":
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(SCENES.helper, "edit");
  }
});

/** The spot the profile talks about, as a map pin only its owner sees. */
onAction(helperFeature, Actions.showOwnPosition, async (ctx) => {
  const helper = await activeHelper(ctx);
  if (!helper) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.replyWithLocation(helper.latitude, helper.longitude);
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
