import { describe, expect, it } from "vitest";
import { particleFor } from "../../src/domain/korean-particles.js";

describe("Korean particles chosen from the word before them", () => {
  it("follow a Hangul syllable's final consonant", () => {
    expect(particleFor("수달", "을")).toBe("을");
    expect(particleFor("여우", "을")).toBe("를");
    expect(particleFor("여우", "를")).toBe("를");
    expect(particleFor("수달", "를")).toBe("을");
    expect(particleFor("민지", "이")).toBe("가");
    expect(particleFor("이웃", "가")).toBe("이");
    expect(particleFor("관리자", "은")).toBe("는");
    expect(particleFor("헬퍼님", "는")).toBe("은");
    expect(particleFor("사과", "과")).toBe("와");
    expect(particleFor("곰", "와")).toBe("과");
    expect(particleFor("여우", "이에요")).toBe("예요");
    expect(particleFor("수달", "예요")).toBe("이에요");
  });

  it("keep 로 after ㄹ and after a vowel, 으로 after any other final consonant", () => {
    expect(particleFor("서울", "으로")).toBe("로");
    expect(particleFor("부산", "로")).toBe("으로");
    expect(particleFor("바다", "으로")).toBe("로");
  });

  it("read numbers as Korean says them: by the last digit, or the last unit of a round number", () => {
    expect(particleFor("505", "을")).toBe("를"); // 오
    expect(particleFor("13", "을")).toBe("을"); // 삼
    expect(particleFor("7", "으로")).toBe("로"); // 칠
    expect(particleFor("6", "으로")).toBe("으로"); // 육
    expect(particleFor("2", "은")).toBe("는"); // 이
    expect(particleFor("10", "이")).toBe("이"); // 십
    expect(particleFor("200", "이")).toBe("이"); // 이백
    expect(particleFor("0", "이")).toBe("이"); // 영
  });

  it("read Latin words as Korean writes them", () => {
    expect(particleFor("Brave Otter", "을")).toBe("를"); // 오터
    expect(particleFor("Robin", "을")).toBe("을"); // 로빈
    expect(particleFor("Crane", "이")).toBe("이"); // 크레인
    expect(particleFor("Owl", "으로")).toBe("로"); // 아울
    expect(particleFor("Whale", "은")).toBe("은"); // 웨일
    expect(particleFor("Rabbit", "이")).toBe("이"); // 래빗
    expect(particleFor("Fox", "이")).toBe("가"); // 폭스
    expect(particleFor("Mina", "와")).toBe("와");
  });

  it("look past markup, entities and punctuation to the word itself", () => {
    expect(particleFor("<b>수달</b>", "을")).toBe("을");
    expect(particleFor("여우 &lt;3&gt;", "을")).toBe("을"); // shown as "여우 <3>": the last thing read is 3, 삼
    expect(particleFor("“수달”", "을")).toBe("을");
    expect(particleFor("수달 🦦", "을")).toBe("을");
  });

  it("read what has no Korean reading as ending on a vowel, and refuse a particle with one form", () => {
    expect(particleFor("🦦", "을")).toBe("를");
    expect(particleFor("", "이")).toBe("가");
    expect(() => particleFor("수달", "의")).toThrow(/not a particle/);
  });
});
