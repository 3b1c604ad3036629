import { contactIn } from "./helper-profile.js";

/**
 * Personal details in text that many people will read (a request's description, later the relay
 * chat): ways to reach someone and places to find them. Unlike profile text, where such details
 * are refused (decision 20), here the writer is warned and may keep them: it is their own.
 */
export const PERSONAL_DETAILS = ["phone", "email", "handle", "link", "address"] as const;
export type PersonalDetail = (typeof PERSONAL_DETAILS)[number];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

const STREET_TYPES = "Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace";
// Units that make "…로 5" or "…길 3" a sentence ("택시로 5분", "가는길 3정거장"), not an address.
const NOT_A_BUILDING = "분|시|초|개|명|번째|번|층|원|일|주|달|살|대|장|병|잔|정거장|정류장|킬로|미터|km|m\\b|kg";
const ADDRESSES: readonly RegExp[] = [
  // "12 Main St", "221B Baker Street": a number, one to three capitalised words, a street type.
  // Capitals keep "2 kids on the way" and "a 10 minute drive" out.
  new RegExp(`\\b\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][A-Za-z'-]*\\s+){1,3}(?:${STREET_TYPES})\\b\\.?`),
  // "Apt 4B", "Unit 12", "Suite 300", "Flat 2", "Room 301", "#402" after one of those.
  /\b(?:apt|apartment|unit|suite|flat|room|rm)\.?\s*#?\d+[a-z]?\b/i,
  // "101동 202호": a building and a unit of an apartment complex.
  /\d{1,4}\s*동\s*\d{1,4}\s*호/,
  // "역삼동 123-4", "역삼동 123번지": a neighbourhood and a lot number.
  /[가-힣]{1,10}동\s*\d{1,5}(?:-\d{1,5}|\s*번지)/,
  // "테헤란로 152", "테헤란로12길 3", "○○로 12길 3": a road name and a building number.
  new RegExp(`[가-힣\\d]{1,20}(?:대로|로|길)\\s*\\d{1,5}(?:\\s*번?길\\s*\\d{1,5})?(?:-\\d{1,5})?(?![\\d.]|\\s*(?:${NOT_A_BUILDING}))`),
  // "302호" alone: a flat number ("3호선" is a subway line).
  /\d{3,4}\s*호(?![선점기실차])/,
];

/**
 * The first personal detail in text, with what it was so a warning can quote it. Read after
 * NFKC, so fullwidth digits and "＠" are found too; an e-mail is looked for before an @handle,
 * whose pattern its "@domain" part would match.
 */
export function personalDetailIn(text: string): { detail: PersonalDetail; found: string } | undefined {
  const plain = text.normalize("NFKC");
  const email = EMAIL.exec(plain)?.[0];
  if (email) return { detail: "email", found: email };
  const contact = contactIn(plain);
  if (contact) return { detail: contact.problem, found: contact.found };
  for (const pattern of ADDRESSES) {
    const found = pattern.exec(plain)?.[0];
    if (found) return { detail: "address", found: found.trim() };
  }
  return undefined;
}
