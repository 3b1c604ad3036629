/** Where a voucher came from: a prize reached, or an admin's hand. */
export type VoucherOrigin = "prize" | "admin";

/**
 * Where a voucher stands: owed (a prize reached when no kind existed, until an admin issues it),
 * held, offered (a claim link is out; still the holder's), fulfilled (an admin gave what it is
 * for), expired.
 */
export const VOUCHER_STATES = ["owed", "held", "offered", "fulfilled", "expired"] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

/** The events of voucher_events, each a row once per (voucher, event, subject). */
export type VoucherEvent = "issued" | "offered" | "withdrawn" | "claimed" | "fulfilled" | "expired";

/** The longest name of a kind: it goes into messages and buttons. */
export const VOUCHER_KIND_NAME_MAX = 60;

/** The most kinds active at once: each is a row of buttons on the kinds page. */
export const ACTIVE_KINDS_MAX = 20;

/** A kind's name on one line, as typed otherwise: it is shown in lists and on a button. */
export const oneLineName = (typed: string): string => typed.replace(/\s+/g, " ").trim();

/** The claim code's alphabet (RFC 4648 base32, lower case): it fits a /start payload and callback data. */
export const CLAIM_CODE_PATTERN = /^[a-z2-7]{24}$/;

export interface VoucherKind {
  id: number;
  name: string;
  isDefault: boolean;
  retired: boolean;
}

export interface Voucher {
  id: number;
  kindId: number | null;
  kindName: string | null;
  holderId: number;
  origin: VoucherOrigin;
  state: VoucherState;
  expiresAt: number;
}

/**
 * How a voucher reads in /vouchers for its holder, or for whoever gave it away: `claimed` when it
 * came to them by a claim and they hold it, `given` when it left them by one.
 */
export const VOUCHER_VIEWS = ["held", "offered", "claimed", "given", "fulfilled", "expired", "owed"] as const;
export type VoucherView = (typeof VOUCHER_VIEWS)[number];

export interface ListedVoucher {
  voucher: Voucher;
  view: VoucherView;
}

/** Why a claim link does nothing, each with its own answer. */
export const LINK_REFUSALS = ["unknown", "claimed", "expired", "used", "withdrawn", "own"] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

/** The states in which a voucher can still be given and fulfilled. */
export const LIVE_STATES = ["held", "offered"] as const satisfies readonly VoucherState[];

/** A voucher and its holder's alias, as the console lists who holds what. */
export interface HeldVoucher {
  voucher: Voucher;
  holderAlias: string;
}

/** The kind a prize is issued as: the admins' default if it is active, else the oldest active kind. */
export function prizeKind(kinds: readonly VoucherKind[]): VoucherKind | undefined {
  const active = kinds.filter((k) => !k.retired);
  return active.find((k) => k.isDefault) ?? active[0];
}
