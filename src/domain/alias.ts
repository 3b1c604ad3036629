/**
 * Generated aliases are how users appear to each other until they choose their own.
 * Words are plain ASCII so an alias reads the same in every language and never needs escaping.
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

/** `random` returns a float in [0, 1); injected so tests and scenes stay deterministic. */
export function generateAlias(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const adjective = pick(ADJECTIVES);
  const animal = pick(ANIMALS);
  const number = 10 + Math.floor(random() * 990);
  return `${adjective} ${animal} ${number}`;
}
