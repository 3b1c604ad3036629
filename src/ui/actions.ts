import { type ArgType, type CallbackAction, code, defineAction, id, oneOf, optional, whole } from "../telegram/callback-data.js";
import { DRAFT_STEPS } from "../domain/helper-profile.js";
import { LANGUAGES } from "../domain/language.js";
import { ETA_CHOICES_MINUTES, REVIEW_FIELDS } from "../domain/requests.js";
import { MARK_CHOICES, RATINGS, REPORT_REASONS } from "../domain/chats.js";
import { STATISTICS_PERIODS } from "../domain/statistics.js";
import { REPORT_DECISIONS } from "../domain/reports.js";
import { CONSOLE_SECTIONS, USER_ADJUSTMENTS } from "../domain/admin-console.js";

interface ActionRules {
  /** Admin actions are refused to everyone else with "not allowed", forged data included, before anything is read. */
  who: "anyone" | "admin";
  /** Starts something new, so it leaves a scene in progress instead of being read as an answer. */
  startsSomething: boolean;
  /** Answers a question of a scene; outside that scene it is stale. */
  inScene: boolean;
}

export type Action<A extends readonly ArgType<unknown>[] = readonly ArgType<unknown>[]> = CallbackAction<A> & ActionRules;

function action<const A extends readonly ArgType<unknown>[]>(actionCode: string, args: A, rules: Partial<ActionRules> = {}): Action<A> {
  return { ...defineAction(actionCode, args), who: "anyone", startsSomething: false, inScene: false, ...rules };
}

export const MENU_ENTRIES = ["ask", "nearby", "helper", "help", "language", "walk"] as const;
export const PROFILE_SETTINGS = ["avail", "radius", "quiet", "edit", "urgent"] as const;

/**
 * Every button the bot shows, with its argument types and who may press it. Codes are stored in
 * messages users still have: never reuse a code for something else.
 */
export const Actions = {
  menu: action("menu", [oneOf(MENU_ENTRIES)], { startsSomething: true }),
  profileSetting: action("hset", [oneOf(PROFILE_SETTINGS)], { startsSomething: true }),
  radius: action("rad", [whole], { startsSomething: true }),
  // The applicant, and the submission time of the application the admin was shown.
  approveHelper: action("happ", [id, id], { who: "admin", startsSomething: true }),
  rejectHelper: action("hrej", [id, id], { who: "admin", startsSomething: true }),
  // The same decisions from the /pending list, which is redrawn after each.
  approveFromList: action("papp", [id, id], { who: "admin", startsSomething: true }),
  rejectFromList: action("prej", [id, id], { who: "admin", startsSomething: true }),
  postAgain: action("again", [id], { startsSomething: true }),
  accept: action("acc", [id, oneOf(ETA_CHOICES_MINUTES)]),
  withdrawOffer: action("wd", [id]),
  chooseOffer: action("cho", [id]),
  cancelRequest: action("rcan", [id]),
  startWithChosen: action("rstart", [id]),
  // Cancel pressed in the /requests list: the list is drawn again instead of becoming one answer.
  cancelListedRequest: action("mrcan", [id]),
  nearbyPage: action("nb", [whole]),
  nearbyOpen: action("nbo", [id]),
  // Under "your draft is kept": pick the draft of that scene up again, or throw it away.
  keptDraft: action("kept", [oneOf(["ask", "helper"]), oneOf(["resume", "discard"])], { startsSomething: true }),
  // The helper's own stored position, as a map pin.
  showOwnPosition: action("hpos", []),
  // The relay chat a user with several writes in, and the yes or no to a held message.
  chatFocus: action("chat", [id]),
  relayHeld: action("rhold", [id, oneOf(["send", "drop"])]),
  // A chat's own buttons (src/ui/chat-closing-cards.ts); every one names the chat.
  completeChat: action("chdone", [id]),
  cancelChat: action("chcan", [id]),
  cancelChatConfirmed: action("chcanok", [id]),
  reportChat: action("chrep", [id]),
  // In a group a helper first picks whom the report is about: the chat about them.
  reportMember: action("chrepm", [id]),
  reportReason: action("chrepr", [id, oneOf(REPORT_REASONS)]),
  // After a report the reporter may end the chat at once, without a penalty.
  reportEndChat: action("chrepend", [id]),
  // After a completed chat: a rating, a private colour mark, then an optional comment.
  rateChat: action("rate", [id, oneOf(RATINGS)]),
  markPartner: action("mark", [id, oneOf(MARK_CHOICES)]),
  skipComment: action("rvskip", [id]),
  // The requester's answer to "did the helper come?", asked when nobody completed in time.
  helperCame: action("came", [id, oneOf(["yes", "no"])]),
  // A report's card to admins: the report and the decision on it. (Retired, never reuse: "rwarn",
  // "rres", "rclose", the buttons of report cards from before reports were stored.)
  reportDecide: action("rdec", [id, oneOf(REPORT_DECISIONS)], { who: "admin" }),
  // An open report's card shown again from the console's list of reports.
  reportOpen: action("ropen", [id], { who: "admin" }),
  redeemPenalty: action("redeem", [oneOf(["yes", "no"])]),
  // How many credits to buy: answered with an invoice, if that amount is still offered.
  topup: action("topup", [whole]),
  // Donation boards (src/ui/board-cards.ts): a board's page, a gift and its confirmation.
  boardOpen: action("bdo", [id]),
  boardDonate: action("bdd", [id, whole]),
  // The amount, and which of the user's donations it confirms (a second tap finds it made).
  boardDonateConfirm: action("bddok", [id, whole, id, oneOf(["yes", "no"])]),
  boardEdit: action("bded", [id], { who: "admin", startsSomething: true }),
  boardClose: action("bdcl", [id], { who: "admin" }),
  boardCloseConfirm: action("bdclok", [id, oneOf(["yes", "no"])], { who: "admin" }),
  // The /admin console, drawn again in the same message: statistics for a period, a section of the
  // menu at a page, the user search. Each leaves a scene in progress, so Back always works.
  adminStatistics: action("astat", [oneOf(STATISTICS_PERIODS)], { who: "admin", startsSomething: true }),
  adminConsole: action("acon", [oneOf(CONSOLE_SECTIONS), whole], { who: "admin", startsSomething: true }),
  adminFindUser: action("afind", [], { who: "admin", startsSomething: true }),
  // A looked-up user's card: what the admin changes about them, asked for in a scene.
  adminUser: action("auser", [id, oneOf(USER_ADJUSTMENTS)], { who: "admin", startsSomething: true }),
  // Walk home (src/ui/walk-cards.ts): "I'm safe" on a walk, the /safety page, a trusted-contact invitation.
  walkSafe: action("wsafe", [id]),
  safety: action("safe", [oneOf(["pin", "duress", "noduress", "invite", "remove"])], { startsSomething: true }),
  // The inviting user and the invitation's token: a newer invitation makes this one stale.
  trustedAnswer: action("tcans", [id, code, oneOf(["yes", "no"])]),
  trustedWithdraw: action("tcwd", [id]),
  // Prize vouchers (src/ui/voucher-cards.ts): give one (a claim link), take the offer back, claim
  // from a link (the voucher and its code: a newer offer makes the button stale).
  voucherGive: action("vgive", [id]),
  voucherTakeBack: action("vback", [id]),
  voucherClaim: action("vclaim", [id, code]),
  // The console's voucher pages: a kind made the prize's default or retired, a new kind, a voucher
  // marked fulfilled (asked, then confirmed), a voucher issued by hand from a user's card. Like the
  // console's other buttons, each leaves a scene in progress.
  adminVoucherKind: action("avkind", [id, oneOf(["default", "retire"])], { who: "admin", startsSomething: true }),
  adminAddVoucherKind: action("avadd", [], { who: "admin", startsSomething: true }),
  adminFulfilVoucher: action("avful", [id, oneOf(["ask", "yes"])], { who: "admin", startsSomething: true }),
  adminIssueVoucher: action("avissue", [id], { who: "admin", startsSomething: true }),

  chooseLanguage: action("lang", [oneOf(LANGUAGES)], { inScene: true }),
  quietOff: action("quiet", [oneOf(["off"])], { inScene: true }),
  registration: action("reg", [oneOf(["keep", "skipnote", "skipphoto", "proofsdone", "skipcareer"])], { inScene: true }),
  registrationCategory: action("regcat", [code], { inScene: true }),
  registrationResume: action("regres", [oneOf(["resume", "restart"])], { inScene: true }),
  registrationRadius: action("regrad", [whole], { inScene: true }),
  registrationReview: action("rev", [oneOf(["edit", "submit", "cancel"]), optional(oneOf(DRAFT_STEPS))], { inScene: true }),
  askCategory: action("askcat", [code], { inScene: true }),
  askValidity: action("askval", [code], { inScene: true }),
  askFee: action("askfee", [whole], { inScene: true }),
  askDescriptionWarning: action("askdesc", [oneOf(["keep", "rewrite"])], { inScene: true }),
  askResume: action("askres", [oneOf(["resume", "restart"])], { inScene: true }),
  boardStep: action("bds", [oneOf(["keep", "nophoto"])], { inScene: true }),
  walkStep: action("wstep", [oneOf(["skip", "checkin"]), whole], { inScene: true }),
  issueVoucherKind: action("avik", [id], { inScene: true }),
  askHelpers: action("askhelp", [whole], { inScene: true }),
  askReview: action("askrev", [oneOf(["edit", "post", "cancel"]), optional(oneOf(REVIEW_FIELDS))], { inScene: true }),
} as const;

export const ALL_ACTIONS: readonly Action[] = Object.values(Actions);

/** The registered action whose code the data names, well-formed or not. */
export function actionOf(data: string | undefined): Action | undefined {
  return data === undefined ? undefined : ALL_ACTIONS.find((a) => a.pattern.test(data));
}
