import { Composer, InlineKeyboard } from "grammy";
import { findHelper, pendingHelpers } from "../../../db/repositories/helpers.js";
import { findUser } from "../../../db/repositories/users.js";
import { decideApplication, setHelperSuspended } from "../../services/helper-applications.js";
import { setUserRestriction } from "../../services/restrictions.js";
import { adjustCredits } from "../../services/credits.js";
import { callbackArgs, callbackData, callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { isAdmin } from "../filters.js";
import { escapeHtml } from "../html.js";
import { formatTime } from "../time.js";

/**
 * Admin commands and buttons. Everything here is behind the admin filter, so for anyone else
 * these commands fall through to "unknown command" and the buttons to "no longer available".
 */
export const adminFeature = new Composer<BotContext>();
const admins = adminFeature.chatType("private").filter(isAdmin);

const PENDING_PAGE = 10;

admins.command("pending", async (ctx) => {
  const rows = await pendingHelpers(ctx.deps.db, PENDING_PAGE);
  if (rows.length === 0) {
    await ctx.reply(ctx.t("admin-pending-none"));
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("admin-pending-title", { count: rows.length })];
  for (const row of rows) {
    lines.push(`• <b>${escapeHtml(row.alias)}</b> (#${row.user_id}) — ${formatTime(row.submitted_at, ctx.deps.config.timeZone)}`);
    keyboard.text(`✅ ${row.alias}`, callbackData("happ", row.user_id)).text(`✖️ ${row.alias}`, callbackData("hrej", row.user_id)).row();
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

/** "/approve 123", "/reject 123 reason text": the id, then the rest as the reason. */
function idAndReason(text: string): { id: number; reason: string } | undefined {
  const match = /^\s*#?(\d{1,15})(?:\s+([\s\S]+))?$/.exec(text);
  return match ? { id: Number(match[1]), reason: (match[2] ?? "").trim() } : undefined;
}

async function approve(ctx: BotContext, userId: number): Promise<string> {
  const result = await decideApplication(ctx.deps, { adminId: ctx.from!.id, userId, approve: true, reason: null });
  if (result.ok) return ctx.t("admin-approved-done", { alias: escapeHtml(result.alias), id: String(userId) });
  if (result.reason === "not-found") return ctx.t("admin-no-such-helper", { id: String(userId) });
  return ctx.t("admin-already-decided", { id: String(userId), status: ctx.t(`helper-status-${result.status ?? "none"}`) });
}

admins.command("approve", async (ctx) => {
  const args = idAndReason(ctx.match);
  if (!args) {
    await ctx.reply(ctx.t("admin-approve-usage"));
    return;
  }
  await ctx.reply(await approve(ctx, args.id), { parse_mode: "HTML" });
});

admins.command("reject", async (ctx) => {
  const args = idAndReason(ctx.match);
  if (!args || args.reason === "") {
    await ctx.reply(ctx.t("admin-reject-usage"));
    return;
  }
  const result = await decideApplication(ctx.deps, {
    adminId: ctx.from.id,
    userId: args.id,
    approve: false,
    reason: args.reason.slice(0, 300),
  });
  const text = result.ok
    ? ctx.t("admin-rejected-done", { alias: escapeHtml(result.alias), id: String(args.id) })
    : result.reason === "not-found"
      ? ctx.t("admin-no-such-helper", { id: String(args.id) })
      : ctx.t("admin-already-decided", { id: String(args.id), status: ctx.t(`helper-status-${result.status ?? "none"}`) });
  await ctx.reply(text, { parse_mode: "HTML" });
});

for (const [command, suspended] of [
  ["suspend", true],
  ["reinstate", false],
] as const) {
  admins.command(command, async (ctx) => {
    const args = idAndReason(ctx.match);
    if (!args || (suspended && args.reason === "")) {
      await ctx.reply(ctx.t(`admin-${command}-usage`));
      return;
    }
    const result = await setHelperSuspended(ctx.deps, {
      adminId: ctx.from.id,
      userId: args.id,
      suspended,
      reason: args.reason.slice(0, 300) || null,
    });
    const alias = (await findUser(ctx.deps.db, args.id))?.alias ?? `#${args.id}`;
    await ctx.reply(
      result.ok
        ? ctx.t(`admin-${command}-done`, { alias: escapeHtml(alias), id: String(args.id) })
        : ctx.t("admin-cannot-change", { id: String(args.id), status: ctx.t(`helper-status-${result.status ?? "none"}`) }),
      { parse_mode: "HTML" },
    );
  });
}

admins.callbackQuery(callbackPattern("happ"), async (ctx) => {
  const userId = Number(callbackArgs(ctx.callbackQuery.data, "happ")?.[0]);
  const text = await approve(ctx, userId);
  await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, "") });
});

admins.callbackQuery(callbackPattern("hrej"), async (ctx) => {
  const userId = Number(callbackArgs(ctx.callbackQuery.data, "hrej")?.[0]);
  const helper = await findHelper(ctx.deps.db, userId);
  if (!helper || helper.status !== "pending") {
    await ctx.answerCallbackQuery({ text: ctx.t("admin-already-decided-plain", { id: String(userId) }) });
    return;
  }
  await ctx.answerCallbackQuery();
  const alias = (await findUser(ctx.deps.db, userId))?.alias ?? "";
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("rejectReason", userId, alias);
});

for (const [command, restrict] of [
  ["restrict", true],
  ["unrestrict", false],
] as const) {
  admins.command(command, async (ctx) => {
    const args = idAndReason(ctx.match);
    if (!args || (restrict && args.reason === "")) {
      await ctx.reply(ctx.t(`admin-${command}-usage`));
      return;
    }
    const changed = await setUserRestriction(ctx.deps, {
      adminId: ctx.from.id,
      userId: args.id,
      restrict,
      reason: args.reason.slice(0, 300) || null,
    });
    const alias = (await findUser(ctx.deps.db, args.id))?.alias;
    await ctx.reply(
      alias === undefined
        ? ctx.t("admin-no-such-user", { id: String(args.id) })
        : ctx.t(changed ? `admin-${command}-done` : `admin-${command}-unchanged`, { alias: escapeHtml(alias), id: String(args.id) }),
      { parse_mode: "HTML" },
    );
  });
}

/** "/credit 123 +20 cash top-up at the office": id, signed whole amount, reason. */
admins.command("credit", async (ctx) => {
  const match = /^\s*#?(\d{1,15})\s+([+-]?\d{1,6})\s+([\s\S]+)$/.exec(ctx.match);
  const amount = Number(match?.[2]);
  if (!match || amount === 0) {
    await ctx.reply(ctx.t("admin-credit-usage"));
    return;
  }
  const userId = Number(match[1]);
  const result = await adjustCredits(ctx.deps, { adminId: ctx.from.id, userId, amount, reason: match[3]!.trim().slice(0, 300) });
  const text = result.ok
    ? ctx.t("admin-credit-done", { id: String(userId), balance: String(result.balance) })
    : result.reason === "no-user"
      ? ctx.t("admin-no-such-user", { id: String(userId) })
      : ctx.t("admin-credit-negative", { id: String(userId), balance: String(result.balance ?? 0) });
  await ctx.reply(text);
});
