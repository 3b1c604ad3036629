import { SCENES } from "../../../scenes/ids.js";
import { decideApplication, pendingApplicant, setHelperSuspended } from "../../services/helpers/applications.js";
import { adjustCredits } from "../../services/ledger.js";
import { setUserRestriction } from "../../services/restrictions.js";
import { escapeHtml, htmlToPlainText } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { onAction } from "../actions.js";
import { creditReply, currentPendingList, decisionReply, redrawPendingList, restrictionReply } from "../admin-replies.js";
import type { BotContext } from "../context.js";
import { BUTTONS, Feature } from "../feature.js";
import { isAdmin } from "../filters.js";

/**
 * Admin commands and buttons. Commands are behind the admin filter, so for anyone else they
 * fall through to "unknown command"; admin buttons are refused by `onAction` like stale ones.
 */
export const adminFeature = new Feature({
  commands: ["pending", "approve", "reject", "credit", "suspend", "reinstate", "restrict", "unrestrict"],
  on: [BUTTONS],
});
const admins = adminFeature.chatType("private").filter(isAdmin);

const REASON_MAX = 300;

admins.command("pending", async (ctx) => {
  const list = await currentPendingList(ctx.deps, ctx.t);
  await ctx.reply(list.text, { parse_mode: "HTML", reply_markup: list.keyboard });
});

/** What an admin command lacks; each has a message saying so, above the command's usage. */
const MISSING = { id: "admin-id-missing", reason: "admin-reason-missing", amount: "admin-amount-missing" } as const;

/** Tells the admin what the command lacks and how it is written (plain text: the usage shows <id>). */
async function sayMissing(ctx: BotContext, what: keyof typeof MISSING, usageKey: string): Promise<void> {
  await ctx.reply(ctx.t(MISSING[what], { usage: ctx.t(usageKey) }));
}

/** "/reject 123 reason text": the id, then the rest, which is the reason. */
function idAndRest(text: string): { id: number; rest: string } | undefined {
  const match = /^\s*#?(\d{1,15})(?:\s+([\s\S]*))?$/.exec(text);
  return match ? { id: Number(match[1]), rest: (match[2] ?? "").trim() } : undefined;
}

/** The id and the reason, or undefined after telling the admin which of them is missing. */
async function idAndReason(
  ctx: BotContext,
  usageKey: string,
  reasonRequired: boolean,
): Promise<{ id: number; reason: string } | undefined> {
  const args = idAndRest(typeof ctx.match === "string" ? ctx.match : "");
  if (!args) return void (await sayMissing(ctx, "id", usageKey));
  if (reasonRequired && args.rest === "") return void (await sayMissing(ctx, "reason", usageKey));
  return { id: args.id, reason: args.rest.slice(0, REASON_MAX) };
}

async function decide(ctx: BotContext, userId: number, approve: boolean, reason: string | null, submittedAt?: number): Promise<string> {
  const result = await decideApplication(ctx.deps, { adminId: ctx.from!.id, userId, approve, reason, submittedAt });
  return decisionReply(ctx.t, result, approve, userId);
}

admins.command("approve", async (ctx) => {
  const args = await idAndReason(ctx, "admin-approve-usage", false);
  if (args) await ctx.reply(await decide(ctx, args.id, true, null), { parse_mode: "HTML" });
});

admins.command("reject", async (ctx) => {
  const args = await idAndReason(ctx, "admin-reject-usage", true);
  if (args) await ctx.reply(await decide(ctx, args.id, false, args.reason), { parse_mode: "HTML" });
});

/** Command and whether it suspends; each has its `admin-<command>-usage` and `-done` messages. */
export const SUSPENSION_COMMANDS = [
  ["suspend", true],
  ["reinstate", false],
] as const;

for (const [command, suspended] of SUSPENSION_COMMANDS) {
  admins.command(command, async (ctx) => {
    const args = await idAndReason(ctx, `admin-${command}-usage`, suspended);
    if (!args) return;
    const result = await setHelperSuspended(ctx.deps, { adminId: ctx.from.id, userId: args.id, suspended, reason: args.reason || null });
    const id = String(args.id);
    await ctx.reply(
      result.ok
        ? ctx.t(`admin-${command}-done`, { alias: escapeHtml(result.alias), id })
        : result.alias === undefined
          ? ctx.t("admin-no-such-user", { id })
          : ctx.t("admin-cannot-change", {
              alias: escapeHtml(result.alias),
              id,
              status: ctx.t(`helper-status-${result.status ?? "none"}`),
            }),
      { parse_mode: "HTML" },
    );
  });
}

/** A decision by button; the pop-up shows no markup, so the reply goes as plain text. */
async function decideByButton(ctx: BotContext, userId: number, submittedAt: number): Promise<void> {
  const text = await decide(ctx, userId, true, null, submittedAt);
  await ctx.answerCallbackQuery({ text: htmlToPlainText(text) });
}

/** Reject asks for the reason first, unless the button's application is no longer the one waiting. */
async function askRejectReason(ctx: BotContext, userId: number, submittedAt: number, listMessageId?: number): Promise<boolean> {
  const applicant = await pendingApplicant(ctx.deps, userId);
  if (!applicant) {
    await ctx.answerCallbackQuery({ text: ctx.t("admin-already-decided-plain") });
    return false;
  }
  if (applicant.submittedAt !== submittedAt) {
    const text = ctx.t("admin-superseded", { alias: escapeHtml(applicant.alias), id: String(userId) });
    await ctx.answerCallbackQuery({ text: htmlToPlainText(text) });
    return false;
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.rejectReason, userId, applicant.alias, submittedAt, listMessageId);
  return true;
}

onAction(adminFeature, Actions.approveHelper, async (ctx, userId, submittedAt) => {
  await decideByButton(ctx, userId, submittedAt);
});

onAction(adminFeature, Actions.rejectHelper, async (ctx, userId, submittedAt) => {
  await askRejectReason(ctx, userId, submittedAt);
});

// From the /pending list, the list is drawn again once the decision is taken (or found taken).
onAction(adminFeature, Actions.approveFromList, async (ctx, userId, submittedAt) => {
  await decideByButton(ctx, userId, submittedAt);
  const message = ctx.callbackQuery.message!;
  await redrawPendingList(ctx.api, ctx.deps, ctx.t, message.chat.id, message.message_id);
});

onAction(adminFeature, Actions.rejectFromList, async (ctx, userId, submittedAt) => {
  const message = ctx.callbackQuery.message!;
  if (!(await askRejectReason(ctx, userId, submittedAt, message.message_id)))
    await redrawPendingList(ctx.api, ctx.deps, ctx.t, message.chat.id, message.message_id);
});

/** Command and whether it restricts; each has its `admin-<command>-usage`, `-done` and `-unchanged` messages. */
export const RESTRICTION_COMMANDS = [
  ["restrict", true],
  ["unrestrict", false],
] as const;

for (const [command, restrict] of RESTRICTION_COMMANDS) {
  admins.command(command, async (ctx) => {
    const args = await idAndReason(ctx, `admin-${command}-usage`, restrict);
    if (!args) return;
    const result = await setUserRestriction(ctx.deps, { adminId: ctx.from.id, userId: args.id, restrict, reason: args.reason || null });
    await ctx.reply(restrictionReply(ctx.t, result, restrict, args.id), { parse_mode: "HTML" });
  });
}

/** "/credit 123 +20 cash top-up at the office": id, signed whole amount, reason. */
admins.command("credit", async (ctx) => {
  const args = idAndRest(ctx.match);
  if (!args) return void (await sayMissing(ctx, "id", "admin-credit-usage"));
  const match = /^([+-]?\d{1,6})(?:\s+([\s\S]*))?$/.exec(args.rest);
  const amount = Number(match?.[1]);
  if (!match || amount === 0) return void (await sayMissing(ctx, "amount", "admin-credit-usage"));
  const reason = (match[2] ?? "").trim().slice(0, REASON_MAX);
  if (reason === "") return void (await sayMissing(ctx, "reason", "admin-credit-usage"));
  const result = await adjustCredits(ctx.deps, { adminId: ctx.from.id, userId: args.id, amount, reason });
  await ctx.reply(creditReply(ctx.t, result, args.id), { parse_mode: "HTML" });
});
