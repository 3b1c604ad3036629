import { SCENES } from "../../../scenes/ids.js";
import { askForPin, pinState, removeDuressPin } from "../../services/walks/pins.js";
import {
  answerInvitation,
  inviteTrustedContact,
  openInvitation,
  removeTrustedContact,
  safetyOverview,
  withdrawTrust,
} from "../../services/walks/trusted.js";
import { escapeHtml } from "../../telegram/html.js";
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from "../../domain/walks.js";
import { Actions } from "../../ui/actions.js";
import { invitationCard, safetyCard } from "../../ui/walk-cards.js";
import { onAction, refuseButton } from "../actions.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";

/** /walkhome, /safety (PINs and the trusted contact) and trusted-contact invitations. */
export const walkHomeFeature = new Feature({ commands: ["walkhome", "safety"], deepLinks: [/^tc_/], on: [BUTTONS] });
const privateChats = walkHomeFeature.chatType("private");

const DIGITS = { min: String(PIN_MIN_DIGITS), max: String(PIN_MAX_DIGITS) };

export async function showSafety(ctx: BotContext): Promise<void> {
  const overview = await safetyOverview(ctx.deps, ctx.from!.id);
  const card = safetyCard(ctx.t, { ...overview, emergencyNumber: ctx.deps.config.walkHome.emergencyNumber });
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
}

privateChats.command("walkhome", async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.walk);
});

privateChats.command("safety", (ctx) => showSafety(ctx));

// An invitation link: t.me/<bot>?start=tc_<token>. Any other /start goes on to the menu.
privateChats.command("start", async (ctx, next) => {
  const token = /^tc_([0-9a-f]{24})$/.exec(ctx.match.trim())?.[1];
  if (!token) return next();
  await ctx.conversation.exitAll();
  const invitation = await openInvitation(ctx.deps, ctx.from.id, token);
  if (!invitation.ok) return void (await ctx.reply(ctx.t(invitation.reason === "own" ? "trusted-own-link" : "trusted-link-unknown")));
  const card = invitationCard(ctx.t, { alias: invitation.alias, requesterId: invitation.requesterId, token });
  await ctx.reply(card.text, { parse_mode: "HTML", reply_markup: card.keyboard });
});

onAction(walkHomeFeature, Actions.safety, async (ctx, entry) => {
  const userId = ctx.from.id;
  switch (entry) {
    case "pin":
      await askForPin(ctx.deps, userId, "pin");
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("safety-pin-ask", DIGITS));
      return;
    case "duress":
      if (!(await pinState(ctx.deps, userId)).hasPin) return refuseButton(ctx);
      await askForPin(ctx.deps, userId, "duress");
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("safety-duress-ask", DIGITS));
      return;
    case "noduress":
      await removeDuressPin(ctx.deps, userId);
      await ctx.answerCallbackQuery({ text: ctx.t("safety-duress-removed") });
      return showSafety(ctx);
    case "invite": {
      const token = await inviteTrustedContact(ctx.deps, userId);
      await ctx.answerCallbackQuery();
      const link = `https://t.me/${ctx.me.username}?start=tc_${token}`;
      await ctx.reply(ctx.t("trusted-invite-link", { link: escapeHtml(link) }), { parse_mode: "HTML" });
      return;
    }
    case "remove":
      await removeTrustedContact(ctx.deps, userId);
      await ctx.answerCallbackQuery({ text: ctx.t("trusted-contact-removed") });
      return showSafety(ctx);
  }
});

onAction(walkHomeFeature, Actions.trustedAnswer, async (ctx, requesterId, token, answer) => {
  if (!(await answerInvitation(ctx.deps, ctx.from.id, requesterId, token, answer === "yes"))) return refuseButton(ctx);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t(answer === "yes" ? "trusted-you-accepted" : "trusted-you-declined"));
});

onAction(walkHomeFeature, Actions.trustedWithdraw, async (ctx, requesterId) => {
  if (!(await withdrawTrust(ctx.deps, ctx.from.id, requesterId))) return refuseButton(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t("trusted-you-withdrew") });
  await showSafety(ctx);
});
