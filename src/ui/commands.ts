import type { BotCommand } from "grammy/types";
import type { Translate } from "./translator.js";

/** Commands everyone can use, in menu order. */
export const EVERYONE_COMMANDS = [
  "start",
  "ask",
  "walkhome",
  "safety",
  "requests",
  "chat",
  "balance",
  "topup",
  "badges",
  "redeem",
  "vouchers",
  "boards",
  "helper",
  "language",
  "help",
  "cancel",
  "paysupport",
  "privacy",
] as const;
/** Commands that only do something for an approved helper: only their menus list them. */
export const HELPER_COMMANDS = ["nearby", "profile", "available", "radius", "quiet"] as const;
/** Shown only in admins' own menus; everyone else gets "unknown command" for them. */
export const ADMIN_COMMANDS = [
  "admin",
  "pending",
  "approve",
  "reject",
  "suspend",
  "reinstate",
  "restrict",
  "unrestrict",
  "credit",
  "newboard",
] as const;

/** What a user may do now, which decides their command menu and their /help. */
export interface MenuRole {
  helper: boolean;
  admin: boolean;
}

export const EVERYONE: MenuRole = { helper: false, admin: false };

export function commandMenu(t: Translate, role: MenuRole): BotCommand[] {
  const commands = [...EVERYONE_COMMANDS, ...(role.helper ? HELPER_COMMANDS : []), ...(role.admin ? ADMIN_COMMANDS : [])];
  return commands.map((command) => ({ command, description: t(`cmd-${command}`) }));
}
