import type { ReportReason } from "./chats.js";

/** What an admin may decide on a report; each moves it out of "open" once. */
export const REPORT_DECISIONS = ["warn", "restrict", "close", "dismiss"] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];

export const REPORT_STATES = ["open", "warned", "restricted", "closed", "dismissed"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The state a decision leaves a report in. */
export const STATE_AFTER: Record<ReportDecision, Exclude<ReportState, "open">> = {
  warn: "warned",
  restrict: "restricted",
  close: "closed",
  dismiss: "dismissed",
};

export interface Report {
  id: number;
  chatId: number;
  reporterId: number;
  reportedId: number;
  reason: ReportReason;
  state: ReportState;
  handledBy: number | null;
  handledAt: number | null;
  createdAt: number;
}
