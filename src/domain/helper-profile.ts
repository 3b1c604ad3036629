/**
 * What a helper profile may contain. Pure rules, so the scene, the edit scene and the admin
 * commands all say no for the same reasons.
 */
const ALIAS_MIN = 2;
export const ALIAS_MAX = 32;
export const PROFILE_MAX = 500;
export const NOTE_MAX = 200;
export const MAX_PROOFS = 5;

export const ALIAS_PROBLEMS = ["length", "handle", "link", "phone", "lines"] as const;
export type AliasProblem = (typeof ALIAS_PROBLEMS)[number];

const HANDLE = /@[A-Za-z0-9_]{3,}/;
const LINK = /(https?:\/\/|www\.|t\.me\/|\b[a-z0-9-]+\.(com|net|org|kr|io|me|co)\b)/i;
// Seven or more digits, possibly split by spaces, dots, dashes or brackets: a phone number.
const PHONE = /(\+?\d[\s.\-()]*){7,}/;

export function aliasProblem(alias: string): AliasProblem | undefined {
  const length = [...alias].length;
  if (length < ALIAS_MIN || length > ALIAS_MAX) return "length";
  if (/[\r\n]/.test(alias)) return "lines";
  if (HANDLE.test(alias)) return "handle";
  if (LINK.test(alias)) return "link";
  if (PHONE.test(alias)) return "phone";
  return undefined;
}

/** Collapses runs of spaces so "  Kind   Otter " and "Kind Otter" are the same alias. */
export function normaliseAlias(alias: string): string {
  return alias.trim().replace(/\s+/g, " ");
}

/** "23:00-07:00" (also with "–", "~" or spaces) → minutes after midnight; undefined when malformed. */
export function parseQuietHours(text: string): { start: number; end: number } | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return undefined;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return start === end ? undefined : { start, end };
}

export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Minute after midnight of `at` in `timeZone` (quiet hours are local time). */
export function minuteOfDay(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")?.value);
  const minute = Number(parts.find((p) => p.type === "minute")?.value);
  return hour * 60 + minute;
}

/** A registration (or profile edit) as the scene builds it, step by step. */
export interface HelperDraft {
  alias?: string;
  categories?: string[];
  categoriesNote?: string | null;
  profile?: string;
  photoFileId?: string | null;
  proofs?: { kind: "photo" | "document"; fileId: string }[];
  careerNote?: string | null;
  location?: { latitude: number; longitude: number };
  radiusKm?: number;
}

export type CompleteHelperDraft = Required<HelperDraft>;

export const DRAFT_STEPS = ["alias", "categories", "profile", "photo", "proofs", "location", "radius"] as const;
export type DraftStep = (typeof DRAFT_STEPS)[number];

/** The first step the draft has no answer for; undefined when it is ready for review. */
export function nextDraftStep(draft: HelperDraft): DraftStep | undefined {
  if (draft.alias === undefined) return "alias";
  if (draft.categories === undefined || draft.categoriesNote === undefined) return "categories";
  if (draft.profile === undefined) return "profile";
  if (draft.photoFileId === undefined) return "photo";
  if (draft.proofs === undefined || draft.careerNote === undefined) return "proofs";
  if (draft.location === undefined) return "location";
  if (draft.radiusKm === undefined) return "radius";
  return undefined;
}
