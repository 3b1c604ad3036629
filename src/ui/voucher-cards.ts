import { InlineKeyboard } from "grammy";
import type { Page } from "../domain/admin-console.js";
import type { HeldVoucher, ListedVoucher, Voucher, VoucherKind } from "../domain/vouchers.js";
import { escapeHtml } from "../telegram/html.js";
import { Actions } from "./actions.js";
import { listCard, withBack } from "./admin-console-cards.js";
import { formatDate } from "./time.js";
import type { Translate } from "./translator.js";

type Card = { text: string; keyboard: InlineKeyboard };

/** The words about a voucher every message uses: its number, kind (admins' words, escaped) and expiry. */
export const voucherWords = (voucher: Voucher, timeZone: string) => ({
  id: String(voucher.id),
  kind: escapeHtml(voucher.kindName ?? ""),
  until: formatDate(voucher.expiresAt, timeZone),
});

/** /vouchers: the user's vouchers and those they gave away, with Give on held ones and Take back on offered ones. */
export function vouchersCard(t: Translate, list: ListedVoucher[], prizeThreshold: number, timeZone: string): Card {
  const keyboard = new InlineKeyboard();
  if (list.length === 0) return { text: t("vouchers-none", { threshold: prizeThreshold }), keyboard };
  for (const { voucher, view } of list) {
    if (view === "held" || view === "claimed")
      keyboard.text(t("voucher-give-button", { id: String(voucher.id) }), Actions.voucherGive.data(voucher.id)).row();
    if (view === "offered")
      keyboard.text(t("voucher-take-back-button", { id: String(voucher.id) }), Actions.voucherTakeBack.data(voucher.id)).row();
  }
  const lines = list.map(({ voucher, view }) => t(`voucher-line-${view}`, voucherWords(voucher, timeZone)));
  return { text: [t("vouchers-title"), ...lines].join("\n"), keyboard };
}

/** The link and the code, shown once, in reply to Give. */
export function giveCard(t: Translate, voucher: Voucher, link: string, code: string, timeZone: string): string {
  return t("voucher-give-link", { ...voucherWords(voucher, timeZone), link: escapeHtml(link), code });
}

/** What the one who opened a claim link sees: what the voucher is, from whom (by alias), and Claim. */
export function claimCard(t: Translate, voucher: Voucher, giverAlias: string, code: string, timeZone: string): Card {
  return {
    text: t("voucher-claim-card", { ...voucherWords(voucher, timeZone), alias: escapeHtml(giverAlias) }),
    keyboard: new InlineKeyboard().text(t("voucher-claim-button"), Actions.voucherClaim.data(voucher.id, code)),
  };
}

/** The console's page of who holds what, with a Fulfil button for each held or offered voucher on it. */
export function heldVouchersCard(t: Translate, page: Page<HeldVoucher>, timeZone: string): Card {
  const buttons = new InlineKeyboard().text(t("admin-vouchers-kinds-button"), Actions.adminConsole.data("kinds", 0)).row();
  const live = page.rows.filter((r) => r.voucher.state !== "owed");
  for (const [i, { voucher }] of live.entries()) {
    if (i > 0 && i % 4 === 0) buttons.row();
    buttons.text(t("admin-vouchers-fulfil-button", { id: String(voucher.id) }), Actions.adminFulfilVoucher.data(voucher.id, "ask"));
  }
  const line = ({ voucher, holderAlias }: HeldVoucher) =>
    voucher.state === "owed"
      ? t("admin-vouchers-row-owed", { id: String(voucher.id), alias: escapeHtml(holderAlias), user: String(voucher.holderId) })
      : t("admin-vouchers-row", {
          ...voucherWords(voucher, timeZone),
          alias: escapeHtml(holderAlias),
          state: t(`admin-voucher-state-${voucher.state}`),
        });
  if (page.total === 0) return { text: t("admin-vouchers-none"), keyboard: withBack(t, buttons) };
  return listCard(t, "vouchers", page, line, buttons);
}

/** "Mark fulfilled?" with Yes and the way back to the list. */
export function fulfilConfirmCard(t: Translate, held: HeldVoucher, timeZone: string): Card {
  return {
    text: t("admin-voucher-fulfil-confirm", { ...voucherWords(held.voucher, timeZone), alias: escapeHtml(held.holderAlias) }),
    keyboard: withBack(
      t,
      new InlineKeyboard().text(t("admin-voucher-fulfil-yes"), Actions.adminFulfilVoucher.data(held.voucher.id, "yes")),
    ),
  };
}

/** The kinds: the prize's default starred, each active one with Default and Retire; Add, and back. */
export function voucherKindsCard(t: Translate, kinds: VoucherKind[], prizeKindId: number | undefined): Card {
  const active = kinds.filter((k) => !k.retired);
  const keyboard = new InlineKeyboard();
  for (const kind of active) {
    const id = String(kind.id);
    if (kind.id !== prizeKindId) keyboard.text(t("admin-kinds-default-button", { id }), Actions.adminVoucherKind.data(kind.id, "default"));
    keyboard.text(t("admin-kinds-retire-button", { id }), Actions.adminVoucherKind.data(kind.id, "retire")).row();
  }
  keyboard.text(t("admin-kinds-add-button"), Actions.adminAddVoucherKind.data()).row();
  keyboard.text(t("admin-menu-vouchers"), Actions.adminConsole.data("vouchers", 0));
  if (active.length === 0) return { text: t("admin-kinds-none"), keyboard: withBack(t, keyboard) };
  const lines = active.map((k) =>
    t(k.id === prizeKindId ? "admin-kinds-row-prize" : "admin-kinds-row", { id: String(k.id), name: escapeHtml(k.name) }),
  );
  return { text: [t("admin-kinds-title"), ...lines].join("\n"), keyboard: withBack(t, keyboard) };
}

/** The kinds an admin issues by hand, one button each. */
export function issueKindsKeyboard(kinds: VoucherKind[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const kind of kinds.filter((k) => !k.retired)) keyboard.text(kind.name, Actions.issueVoucherKind.data(kind.id)).row();
  return keyboard;
}
