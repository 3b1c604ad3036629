import { Composer, InlineKeyboard } from "grammy";
import { SCENES } from "../../../scenes/ids.js";
import { decideApplication, pendingApplicant, pendingApplications, setHelperSuspended } from "../../services/helpers/applications.js";
import { adjustCredits } from "../../services/ledger.js";
import { setUserRestriction } from "../../services/restrictions.js";
import { escapeHtml, htmlToPlainText } from "../../telegram/html.js";
import { Actions } from "../../ui/actions.js";
import { formatTime } from "../../ui/time.js";
import { onAction } from "../actions.js";
import type { BotContext } from "../context.js";
import { isAdmin } from "../filters.js";

/**
 * Admin commands and buttons. Commands are behind the admin filter, so for anyone else they
 * fall through to "unknown command"; admin buttons are refused by `onAction` like stale ones.
 */
export const adminFeature = new Composer<BotContext>();
const admins = adminFeature.chatType("private").filter(isAdmin);

const PENDING_PAGE = 10;
const REASON_MAX = 300;

admins.command("pending", async (ctx) => {
  const rows = await pendingApplications(ctx.deps, PENDING_PAGE);
  if (rows.length === 0) {
    await ctx.reply(ctx.t("admin-pending-none"));
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("admin-pending-title", { count: rows.length })];
  for (const row of rows) {
    lines.push(`• <b>${escapeHtml(row.alias)}</b> (#${row.userId}) — ${formatTime(row.submittedAt, ctx.deps.config.timeZone)}`);
    keyboard
      .text(`✅ ${row.alias}`, Actions.approveHelper.data(row.userId, row.submittedAt))
      .text(`✖️ ${row.alias}`, Actions.rejectHelper.data(row.userId, row.submittedAt))
      .row();
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

/** "/approve 123", "/reject 123 reason text": the id, then the rest as the reason. */
function idAndReason(text: string): { id: number; reason: string } | undefined {
  const match = /^\s*#?(\d{1,15})(?:\s+([\s\S]+))?$/.exec(text);
  return match ? { id: Number(match[1]), reason: (match[2] ?? "").trim().slice(0, REASON_MAX) } : undefined;
}

async function decide(ctx: BotContext, userId: number, approve: boolean, reason: string | null, submittedAt?: number): Promise<string> {
  const result = await decideApplication(ctx.deps, { adminId: ctx.from!.id, userId, approve, reason, submittedAt });
  const id = String(userId);
  if (result.ok) return ctx.t(approve ? "admin-approved-done" : "admin-rejected-done", { alias: escapeHtml(result.alias), id });
  if (result.reason === "not-found") return ctx.t("admin-no-such-helper", { id });
  if (result.reason === "superseded") return ctx.t("admin-superseded", { id });
  return ctx.t("admin-already-decided", { id, status: ctx.t(`helper-status-${result.status ?? "none"}`) });
}

admins.command("approve", async (ctx) => {
  const args = idAndReason(ctx.match);
  if (!args) return void (await ctx.reply(ctx.t("admin-approve-usage")));
  await ctx.reply(await decide(ctx, args.id, true, null), { parse_mode: "HTML" });
});

admins.command("reject", async (ctx) => {
  const args = idAndReason(ctx.match);
  if (!args || args.reason === "") return void (await ctx.reply(ctx.t("admin-reject-usage")));
  await ctx.reply(await decide(ctx, args.id, false, args.reason), { parse_mode: "HTML" });
});

/** Command and whether it suspends; each has its `admin-<command>-usage` and `-done` messages. */
export const SUSPENSION_COMMANDS = [
  ["suspend", true],
  ["reinstate", false],
] as const;

for (const [command, suspended] of SUSPENSION_COMMANDS) {
  admins.command(command, async (ctx) => {
    const args = idAndReason(ctx.match);
    if (!args || (suspended && args.reason === "")) return void (await ctx.reply(ctx.t(`admin-${command}-usage`)));
    const result = await setHelperSuspended(ctx.deps, { adminId: ctx.from.id, userId: args.id, suspended, reason: args.reason || null });
    const id = String(args.id);
    await ctx.reply(
      result.ok
        ? ctx.t(`admin-${command}-done`, { alias: escapeHtml(result.alias), id })
        : ctx.t("admin-cannot-change", { id, status: ctx.t(`helper-status-${result.status ?? "none"}`) }),
      { parse_mode: "HTML" },
    );
  });
}

onAction(adminFeature, Actions.approveHelper, async (ctx, userId, submittedAt) => {
  const text = await decide(ctx, userId, true, null, submittedAt);
  await ctx.answerCallbackQuery({ text: htmlToPlainText(text) });
});

onAction(adminFeature, Actions.rejectHelper, async (ctx, userId, submittedAt) => {
  const applicant = await pendingApplicant(ctx.deps, userId);
  if (!applicant) return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-already-decided-plain", { id: String(userId) }) }));
  if (applicant.submittedAt !== submittedAt)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-superseded", { id: String(userId) }) }));
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SCENES.rejectReason, userId, applicant.alias, submittedAt);
});

/** Command and whether it restricts; each has its `admin-<command>-usage`, `-done` and `-unchanged` messages. */
export const RESTRICTION_COMMANDS = [
  ["restrict", true],
  ["unrestrict", false],
] as const;

for (const [command, restrict] of RESTRICTION_COMMANDS) {
  admins.command(command, async (ctx) => {
    const args = idAndReason(ctx.match);
    if (!args || (restrict && args.reason === "")) return void (await ctx.reply(ctx.t(`admin-${command}-usage`)));
    const result = await setUserRestriction(ctx.deps, { adminId: ctx.from.id, userId: args.id, restrict, reason: args.reason || null });
    const id = String(args.id);
    await ctx.reply(
      result.ok || result.alias !== undefined
        ? ctx.t(result.ok ? `admin-${command}-done` : `admin-${command}-unchanged`, { alias: escapeHtml(result.alias ?? ""), id })
        : ctx.t("admin-no-such-user", { id }),
      { parse_mode: "HTML" },
    );
  });
}

/** "/credit 123 +20 cash top-up at the office": id, signed whole amount, reason. */
admins.command("credit", async (ctx) => {
  const match = /^\s*#?(\d{1,15})\s+([+-]?\d{1,6})\s+([\s\S]+)$/.exec(ctx.match);
  const amount = Number(match?.[2]);
  if (!match || amount === 0) return void (await ctx.reply(ctx.t("admin-credit-usage")));
  const userId = Number(match[1]);
  const result = await adjustCredits(ctx.deps, { adminId: ctx.from.id, userId, amount, reason: match[3]!.trim().slice(0, REASON_MAX) });
  const id = String(userId);
  await ctx.reply(
    result.ok
      ? ctx.t("admin-credit-done", { id, balance: String(result.balance) })
      : result.reason === "no-user"
        ? ctx.t("admin-no-such-user", { id })
        : result.reason === "reserved"
          ? ctx.t("admin-credit-reserved", { id, balance: String(result.balance), reserved: String(result.reserved) })
          : ctx.t("admin-credit-negative", { id, balance: String(result.balance) }),
  );
});
