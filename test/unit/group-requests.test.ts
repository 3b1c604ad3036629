import { describe, expect, it } from "vitest";
import { placeShares, placeSharesNote } from "../../src/domain/credits.js";
import { CAPTION_MAX, labelled } from "../../src/domain/relay.js";
import { parseHelpersWanted } from "../../src/domain/requests.js";

describe("a request for several helpers", () => {
  it("splits the fee exactly: the credits left over go one each to the first chosen", () => {
    expect(placeShares(10, 3)).toEqual([4, 3, 3]);
    expect(placeShares(11, 3)).toEqual([4, 4, 3]);
    expect(placeShares(9, 3)).toEqual([3, 3, 3]);
    expect(placeShares(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(placeShares(10, 1)).toEqual([10]);
    expect(placeShares(0, 4)).toEqual([0, 0, 0, 0]);
    for (let fee = 0; fee <= 40; fee++) {
      for (let places = 1; places <= 5; places++) expect(placeShares(fee, places).reduce((a, b) => a + b, 0)).toBe(fee);
    }
  });

  it("writes the rounding down for a group, and nothing for one helper", () => {
    expect(placeSharesNote(10, 3)).toBe("10 split 3 ways = 3 each, 1 left over: +1 to the first 1 chosen");
    expect(placeSharesNote(9, 3)).toBe("9 split 3 ways = 3 each");
    expect(placeSharesNote(10, 1)).toBeNull();
  });

  it("reads a typed number of helpers, in English or Korean", () => {
    expect(parseHelpersWanted("3")).toBe(3);
    expect(parseHelpersWanted(" 4명 ")).toBe(4);
    expect(parseHelpersWanted("2 helpers")).toBe(2);
    expect(parseHelpersWanted("7")).toBe(7);
    expect(parseHelpersWanted("three")).toBeUndefined();
    expect(parseHelpersWanted("2.5")).toBeUndefined();
  });
});

describe("a group copy's label", () => {
  it("puts the alias in bold on its own line and moves the sender's formatting after it", () => {
    const entities = [{ type: "italic", offset: 6, length: 5 }];
    expect(labelled("Kind Otter 12", "It is heavy", entities, 4096)).toEqual({
      text: "Kind Otter 12\nIt is heavy",
      entities: [
        { type: "bold", offset: 0, length: 13 },
        { type: "italic", offset: 20, length: 5 },
      ],
    });
    // UTF-16 offsets, as Telegram counts them: a Hangul alias and an emoji.
    expect(labelled("용감한 고래 408", "👍", undefined, 4096)?.entities).toEqual([{ type: "bold", offset: 0, length: 10 }]);
    expect(labelled("Kind Otter 12", "", undefined, CAPTION_MAX)?.text).toBe("Kind Otter 12");
  });

  it("gives way when the labelled text would pass Telegram's limit", () => {
    expect(labelled("Kind Otter 12", "x".repeat(CAPTION_MAX - 14), undefined, CAPTION_MAX)).toBeDefined();
    expect(labelled("Kind Otter 12", "x".repeat(CAPTION_MAX - 13), undefined, CAPTION_MAX)).toBeUndefined();
  });
});
