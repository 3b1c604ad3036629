import { hasInvisible, isReservedAlias } from "./alias-key.js";

/**
 * What a helper profile may contain. Pure rules, so the scene, the edit scene and the admin
 * commands all say no for the same reasons.
 */
const ALIAS_MIN = 2;
export const ALIAS_MAX = 32;
export const PROFILE_MAX = 500;
export const NOTE_MAX = 200;
export const MAX_PROOFS = 5;

export const ALIAS_PROBLEMS = ["length", "lines", "invisible", "handle", "link", "phone", "reserved"] as const;
export type AliasProblem = (typeof ALIAS_PROBLEMS)[number];

/** What must not be in anything others read about a helper: a way to reach them outside the bot. */
export const TEXT_PROBLEMS = ["handle", "link", "phone"] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

const HANDLE = /@[A-Za-z0-9_]{3,}/;
const LINK = /(https?:\/\/|www\.|t\.me\/|\b[a-z0-9-]+\.(com|net|org|kr|io|me|co)\b)/i;
// Seven or more digits, possibly split by spaces, dots, dashes or brackets.
const DIGIT_RUN = /\+?\d(?:[\s.\-()]*\d){6,}/g;
const YEAR = /^(19|20)\d\d$/;

/**
 * A digit run is a phone number unless each of its groups is a year or a one- or two-digit number:
 * careers are told in dates ("2012-2020", "2019.03.15"). A leading "+" always means a phone.
 */
function phoneIn(text: string): string | undefined {
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const groups = run.split(/\D+/).filter((group) => group !== "");
    const dates = !run.startsWith("+") && groups.every((group) => group.length <= 2 || YEAR.test(group));
    if (!dates) return run;
  }
  return undefined;
}

/** The whole run of non-spaces around a match: the link as written, not just "https://". */
function wordAround(text: string, index: number, length: number): string {
  const start = text.slice(0, index).search(/\S*$/);
  const end = index + length + (text.slice(index + length).match(/^\S*/)?.[0].length ?? 0);
  return text.slice(start, end);
}

/**
 * The first @handle, link or phone number in text others will read, with what it was so the hint
 * can quote it. Read after NFKC, so fullwidth "＠ann" or "０１０…" are found too.
 */
export function contactIn(text: string): { problem: TextProblem; found: string } | undefined {
  const plain = text.normalize("NFKC");
  const handle = HANDLE.exec(plain)?.[0];
  if (handle) return { problem: "handle", found: handle };
  const link = LINK.exec(plain);
  if (link) return { problem: "link", found: wordAround(plain, link.index, link[0].length) };
  const phone = phoneIn(plain);
  return phone ? { problem: "phone", found: phone } : undefined;
}

export function aliasProblem(alias: string): AliasProblem | undefined {
  const length = [...alias].length;
  if (length < ALIAS_MIN || length > ALIAS_MAX) return "length";
  if (/[\r\n]/.test(alias)) return "lines";
  // Refused, not stripped: aliases are stored as typed, and nobody types a hidden character on purpose.
  if (hasInvisible(alias)) return "invisible";
  const contact = contactIn(alias);
  if (contact) return contact.problem;
  if (isReservedAlias(alias)) return "reserved";
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
  /** `liveUntil`: shared as a live location, followed until then like any later one. */
  location?: { latitude: number; longitude: number; liveUntil?: number };
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

/** The answers the text rules apply to, by the step that asks them. */
const CHECKED_ANSWERS = { alias: "alias", categories: "categoriesNote", profile: "profile", proofs: "careerNote" } as const;
export type CheckedStep = keyof typeof CHECKED_ANSWERS;

/**
 * Steps whose answers break the rules: a draft saved, or a profile stored, before the rules
 * were what they are now. Those questions are asked again before anything is submitted.
 */
export function stepsToRedo(draft: HelperDraft): CheckedStep[] {
  return (Object.keys(CHECKED_ANSWERS) as CheckedStep[]).filter((step) => {
    const answer = draft[CHECKED_ANSWERS[step]];
    if (typeof answer !== "string") return false;
    return step === "alias" ? aliasProblem(answer) !== undefined : contactIn(answer) !== undefined;
  });
}

/** The draft without the answers of `steps`, so the scene asks them again. */
export function withoutAnswers(draft: HelperDraft, steps: readonly CheckedStep[]): HelperDraft {
  const cleared: HelperDraft = { ...draft };
  for (const step of steps) delete cleared[CHECKED_ANSWERS[step]];
  return cleared;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** Whether two complete drafts say the same, whatever order their fields were set in. */
export function sameDraft(a: CompleteHelperDraft, b: CompleteHelperDraft): boolean {
  return canonical(a) === canonical(b);
}
