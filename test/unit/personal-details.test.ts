import { describe, expect, it } from "vitest";
import { personalDetailIn } from "../../src/domain/personal-details.js";

describe("personalDetailIn", () => {
  it("finds phone numbers, Korean formats included", () => {
    for (const [text, found] of [
      ["Call me on 010-1234-5678 when you arrive", "010-1234-5678"],
      ["문 앞에서 01012345678 로 전화 주세요", "01012345678"],
      ["My number: +82 10 1234 5678", "+82 10 1234 5678"],
      ["사무실 02-123-4567", "02-123-4567"],
      ["Text ０１０.９８７６.５４３２ please", "010.9876.5432"],
    ]) {
      expect(personalDetailIn(text!), text).toEqual({ detail: "phone", found });
    }
  });

  it("finds e-mail addresses before taking their @ for a handle", () => {
    expect(personalDetailIn("Write to ann.lee+doum@example.co.kr for details")).toEqual({
      detail: "email",
      found: "ann.lee+doum@example.co.kr",
    });
    expect(personalDetailIn("메일은 민지@메일.한국 으로")).toEqual({ detail: "email", found: "민지@메일.한국" });
  });

  it("finds @handles and t.me links", () => {
    expect(personalDetailIn("DM @kind_otter if lost")).toEqual({ detail: "handle", found: "@kind_otter" });
    expect(personalDetailIn("See t.me/kind_otter")).toEqual({ detail: "link", found: "t.me/kind_otter" });
    expect(personalDetailIn("photos at https://example.com/x")).toEqual({ detail: "link", found: "https://example.com/x" });
  });

  it("finds English addresses", () => {
    for (const [text, found] of [
      ["I live at 12 Main St, second floor", "12 Main St"],
      ["221B Baker Street, ring twice", "221B Baker Street"],
      ["Come to Apt 4B", "Apt 4B"],
      ["unit 12 at the back", "unit 12"],
      ["Suite 300, reception", "Suite 300"],
    ]) {
      expect(personalDetailIn(text!), text).toEqual({ detail: "address", found });
    }
  });

  it("finds Korean addresses", () => {
    for (const [text, found] of [
      ["역삼동 123-4 앞으로 와 주세요", "역삼동 123-4"],
      ["신림동 1432번지 근처예요", "신림동 1432번지"],
      ["테헤란로 12길 3 건물 입구", "테헤란로 12길 3"],
      ["세종대로 110에서 만나요", "세종대로 110"],
      ["저희 집은 101동 202호예요", "101동 202호"],
      ["1203호로 올라오세요", "1203호"],
    ]) {
      expect(personalDetailIn(text!), text).toEqual({ detail: "address", found });
    }
  });

  it("leaves ordinary descriptions alone", () => {
    for (const text of [
      "Please help me hang a heavy mirror.",
      "Carry 2 boxes up the stairs, a 10 minute drive from the station",
      "2 kids on the way home need company",
      "택시로 5분 거리예요. 무거운 상자 3개를 옮겨 주세요",
      "지하철 2호선 역 근처, 가는길 3정거장",
      "From 2019.03.15 to 2020 I worked as a mover",
      "운동 기구 조립을 도와주세요",
      "Room for improvement: fix my shelf",
    ]) {
      expect(personalDetailIn(text), text).toBeUndefined();
    }
  });
});
