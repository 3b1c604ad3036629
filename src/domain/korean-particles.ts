/**
 * Korean particles change with the sound a word ends on: 수달을 but 여우를, 서울로 but 부산으로. A message naming an alias or a number cannot know that sound when it is written, so the
 * particle is chosen here from the word itself instead of printing both forms ("을(를)").
 */

/** Each particle by its form after a final consonant, with its form after a vowel. */
const FORMS: Readonly<Record<string, string>> = {
  을: "를",
  이: "가",
  은: "는",
  과: "와",
  으로: "로",
  이에요: "예요",
  이나: "나",
  이랑: "랑",
  아: "야",
};

/** Every form a message may ask for, either way round, mapped to its pair. */
const PAIRS = new Map<string, readonly [afterConsonant: string, afterVowel: string]>(
  Object.entries(FORMS).flatMap(([consonant, vowel]) => [
    [consonant, [consonant, vowel] as const],
    [vowel, [consonant, vowel] as const],
  ]),
);

type Ending = "vowel" | "consonant" | "rieul";

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8;

function hangulEnding(syllable: string): Ending {
  const final = (syllable.codePointAt(0)! - HANGUL_FIRST) % 28;
  return final === 0 ? "vowel" : final === RIEUL ? "rieul" : "consonant";
}

// How the last digit of a number is read: 영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구.
const DIGITS: readonly Ending[] = ["consonant", "rieul", "vowel", "consonant", "vowel", "vowel", "consonant", "rieul", "rieul", "vowel"];
function numberEnding(digits: string): Ending {
  // A round number is read by its last unit, 십, 백, 천 or 만: all end on a consonant other than ㄹ.
  if (/[1-9]0+$/.test(digits)) return "consonant";
  return DIGITS[Number(digits.at(-1))]!;
}

/**
 * A Latin word as Korean writes it: "Owl" 아울, "Robin" 로빈, "Crane" 크레인, "Book" 북 end on a
 * consonant; "Otter" 오터, "Fox" 폭스, "Dog" 도그 on a vowel.
 */
function latinEnding(word: string): Ending {
  const w = word.toLowerCase();
  if (/(l|le)$/.test(w)) return "rieul";
  if (/(m|n|ng|[aeiou]ne|[aeiou]me)$/.test(w) || /[aeiou](k|ck|p|t)$/.test(w)) return "consonant";
  return "vowel";
}

/** How the word a particle follows ends; markup and punctuation after it are not read. */
export function ending(text: string): Ending {
  const plain = text
    .replace(/<[^>]*>/g, "")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/[^\p{L}\p{N}]+$/u, "");
  const word = /(\p{L}+|\p{N}+)$/u.exec(plain)?.[1] ?? "";
  const last = word.at(-1) ?? "";
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return hangulEnding(last);
  if (/^[0-9]+$/.test(word)) return numberEnding(word);
  if (/^[a-z]+$/i.test(word)) return latinEnding(word);
  // Anything else (an emoji, a Chinese character, nothing): read as ending on a vowel.
  return "vowel";
}

/**
 * The form of `particle` (either form may be given: "을" or "를") that follows `word`. (으)로 keeps
 * 로 after ㄹ: 서울로, 수달로.
 */
export function particleFor(word: string, particle: string): string {
  const pair = PAIRS.get(particle);
  if (!pair) throw new Error(`not a particle with two forms: ${particle}`);
  const end = ending(word);
  if (pair[0] === "으로") return end === "consonant" ? pair[0] : pair[1];
  return end === "vowel" ? pair[1] : pair[0];
}
