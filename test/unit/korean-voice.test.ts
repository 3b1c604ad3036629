import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { particleFor } from "../../src/domain/korean-particles.js";

/**
 * ko.ftl speaks in one voice: polite 해요체, and particles that fit the word before them. These
 * rules are read off the file, so a new message that breaks them fails here, not in a user's chat.
 */
const source = readFileSync(new URL("../../src/i18n/ko.ftl", import.meta.url), "utf8");
// Message text only: comments are for developers.
const lines = source
  .split("\n")
  .map((text, i) => ({ text, where: `ko.ftl:${i + 1}` }))
  .filter(({ text }) => text.trim() !== "" && !text.startsWith("#"));

const findings = (rule: (text: string) => string[]) => lines.flatMap(({ text, where }) => rule(text).map((found) => `${where}: ${found}`));

const matches = (pattern: RegExp) => (text: string) => [...text.matchAll(pattern)].map((m) => m[0]);

/** The final consonant of a Hangul syllable, by its index (0: none, 17: ㅂ). */
const finalOf = (syllable: string) => (syllable.codePointAt(0)! - 0xac00) % 28;

const bothForms = matches(/\((?:을|를|이|가|은|는|과|와|으|으로|로)\)/g);
// "{ $alias }을", "</b>이", "/help 를": the word before is not known when the message is written.
const particleAfterVariable = matches(/(?:\}|\/[a-z_]+)(?:<\/[a-z]+>)*\s?(?:을|를|이|가|은|는|과|와|으로|로|이에요|예요)(?![가-힣])/g);
const formal = (text: string) => [...text.matchAll(/([가-힣])니(?:다|까)/g)].filter((m) => finalOf(m[1]!) === 17).map((m) => m[0]);
// 해요체 sentences end in 요 (or are labels and fragments); "…했다." or "…한다" is 반말 or written style.
const plainEnding = matches(/[가-힣]다(?=[.!?]|$)/g);

describe("Korean messages", () => {
  it("never print both forms of a particle", () => {
    expect(findings(bothForms)).toEqual([]);
  });

  it("never put a particle that depends on the sound right after a variable or a /command", () => {
    expect(findings(particleAfterVariable)).toEqual([]);
  });

  it("choose particles only among the pairs the PARTICLE function knows", () => {
    const calls = [...source.matchAll(/PARTICLE\(\$\w+, "([^"]*)"\)/g)].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThan(0);
    for (const particle of calls) expect(() => particleFor("수달", particle), particle).not.toThrow();
    expect(source.match(/PARTICLE\(/g)?.length).toBe(calls.length);
  });

  it("speak 해요체: no 합니다/습니다 forms and no plain sentence endings", () => {
    expect(findings(formal)).toEqual([]);
    expect(findings(plainEnding)).toEqual([]);
  });

  it("rules that catch what they are for, and pass what is right", () => {
    expect(bothForms("<b>{ $alias }</b>을(를) 승인했어요. (으)로 가요")).toEqual(["(를)", "(으)"]);
    expect(particleAfterVariable("<b>{ $alias }</b>을 승인 · /help 를 보세요 · #{ $id } 는")).toEqual(["}</b>을", "/help 를", "} 는"]);
    expect(particleAfterVariable("{ $alias }님을 · /help 명령어로 · { $km } km예요 · { $n }이웃")).toEqual([]);
    expect(formal("취소했습니다. 고맙습니까? 모르는 명령어입니다")).toEqual(["습니다", "습니까", "입니다"]);
    expect(formal("보냈어요. 아니다")).toEqual([]);
    expect(plainEnding("취소했다. 끝이다")).toEqual(["했다", "이다"]);
    expect(plainEnding("취소했어요. 다시 해 주세요")).toEqual([]);
  });
});
