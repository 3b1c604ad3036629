/**
 * Aliases are compared by a key that folds away what a reader cannot see or cannot tell apart, so
 * "Victim Helper", "Victim Helper\u200B" and "Vіctim Helper" (with a Cyrillic і) are one alias.
 * The key is only compared, never shown: people keep the alias exactly as they typed it.
 */

// Characters that draw nothing: format characters (zero-width space and joiners, word joiner, BOM,
// bidi controls) and the other default-ignorables (soft hyphen, variation selectors, Hangul fillers).
const INVISIBLE = "[\\p{Cf}\\p{Default_Ignorable_Code_Point}]";
// Emoji sequences are held together by joiners and variation selectors ("❤️", "👨‍👩‍👧"); those are not
// hidden text. (The v flag exists in Node 20 but is newer than the compile target, hence RegExp.)
const EMOJI = new RegExp("\\p{RGI_Emoji}", "gv");

/** Whether the text hides characters that draw nothing, outside emoji sequences. */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE, "u").test(text.replace(EMOJI, ""));
}

// Small letters of other scripts (and of Latin) drawn like a Latin letter. A Greek letter whose
// capital and small forms look like different Latin letters (Η/η, Ν/ν, Μ/μ, Υ/υ) folds to its
// capital's look: capitals are the exact copies.
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: "a",
  в: "b",
  г: "r",
  е: "e",
  і: "i",
  ј: "j",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ь: "b",
  ѕ: "s",
  ѵ: "v",
  ү: "y",
  һ: "h",
  ӏ: "l",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  // Greek
  α: "a",
  β: "b",
  γ: "y",
  ε: "e",
  ζ: "z",
  η: "h",
  ι: "i",
  κ: "k",
  μ: "m",
  ν: "n",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "y",
  χ: "x",
  ω: "w",
  ϲ: "c",
  ϳ: "j",
  // Latin letters that pass for plainer ones
  ı: "i",
  ɩ: "i",
  ɑ: "a",
  ɡ: "g",
};

/**
 * The comparison key: compatibility forms unified (NFKC: fullwidth, ligatures, styled letters),
 * invisible characters removed, look-alike letters folded to Latin, lowercased, accents on Latin
 * letters dropped, shapes that pass for each other merged (I/l/1/|, O/0, rn/m, vv/w, dashes,
 * apostrophes) and spaces collapsed.
 */
export function aliasKey(alias: string): string {
  return (
    alias
      .normalize("NFKC")
      .replace(new RegExp(INVISIBLE, "gu"), "")
      // Decomposed, so that "ё" is "е" with a mark and folds like "е".
      .normalize("NFD")
      .toLowerCase()
      .replace(/./gsu, (c) => LOOKALIKES[c] ?? c)
      .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
      .normalize("NFC")
      .replace(/[i1|ǀ]/g, "l")
      .replace(/0/g, "o")
      .replace(/rn/g, "m")
      .replace(/vv/g, "w")
      .replace(/[\p{Pd}−]/gu, "-")
      .replace(/[‘’ʼ′`´]/g, "'")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Names that would let someone pass for the service or its people. Refused as the whole alias, as
 * any word of it ("doum support", "Kind Bot") and run together ("Ad Min"), after folding; words
 * merely containing one ("Helpful", "Robotics") are fine.
 */
export const RESERVED_ALIASES = [
  "admin",
  "administrator",
  "doum",
  "도움",
  "support",
  "help",
  "helpdesk",
  "moderator",
  "official",
  "system",
  "bot",
  "telegram",
  "staff",
  "관리자",
  "운영자",
  "운영진",
  "고객센터",
  "공식",
  "봇",
  "텔레그램",
] as const;

const RESERVED_KEYS = new Set<string>(RESERVED_ALIASES.map(aliasKey));

export function isReservedAlias(alias: string): boolean {
  const words = aliasKey(alias)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
  return [words.join(""), ...words].some((word) => RESERVED_KEYS.has(word));
}
