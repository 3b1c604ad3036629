import type { Language } from "./language.js";

/**
 * Generated aliases are how users appear to each other until they choose their own, in the
 * words of the user's language: English ones in ASCII, Korean ones in Hangul, so none needs
 * escaping and none holds a reserved name.
 */
const ADJECTIVES = [
  "Brave",
  "Calm",
  "Cheerful",
  "Clever",
  "Gentle",
  "Happy",
  "Honest",
  "Kind",
  "Lively",
  "Lucky",
  "Merry",
  "Nimble",
  "Patient",
  "Quick",
  "Quiet",
  "Steady",
  "Sunny",
  "Swift",
  "Warm",
  "Wise",
];
const ANIMALS = [
  "Badger",
  "Crane",
  "Deer",
  "Dolphin",
  "Falcon",
  "Fox",
  "Hedgehog",
  "Heron",
  "Magpie",
  "Otter",
  "Owl",
  "Panda",
  "Rabbit",
  "Robin",
  "Seal",
  "Sparrow",
  "Squirrel",
  "Tiger",
  "Turtle",
  "Whale",
];

// Adjectives in the form that goes before a noun, and animals, as Korean speakers would name a pet.
const KOREAN_ADJECTIVES = [
  "용감한",
  "차분한",
  "명랑한",
  "똑똑한",
  "다정한",
  "행복한",
  "정직한",
  "친절한",
  "씩씩한",
  "든든한",
  "즐거운",
  "날쌘",
  "부지런한",
  "재빠른",
  "조용한",
  "꾸준한",
  "따뜻한",
  "밝은",
  "슬기로운",
  "너그러운",
];
const KOREAN_ANIMALS = [
  "오소리",
  "두루미",
  "사슴",
  "돌고래",
  "매",
  "여우",
  "고슴도치",
  "왜가리",
  "까치",
  "수달",
  "부엉이",
  "판다",
  "토끼",
  "다람쥐",
  "물개",
  "참새",
  "호랑이",
  "거북이",
  "고래",
  "펭귄",
];

const WORDS: Record<Language, { adjectives: readonly string[]; animals: readonly string[] }> = {
  en: { adjectives: ADJECTIVES, animals: ANIMALS },
  ko: { adjectives: KOREAN_ADJECTIVES, animals: KOREAN_ANIMALS },
};

/** `random` returns a float in [0, 1); injected so tests and scenes stay deterministic. */
export function generateAlias(random: () => number, language: Language): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const adjective = pick(WORDS[language].adjectives);
  const animal = pick(WORDS[language].animals);
  const number = 10 + Math.floor(random() * 990);
  return `${adjective} ${animal} ${number}`;
}
