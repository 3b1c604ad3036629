import { describe, expect, it } from "vitest";
import { identityShared } from "../../src/domain/relay.js";

describe("what a relayed message must not pass on without the sender's yes", () => {
  it("holds a contact card and words that say who the sender is", () => {
    expect(identityShared({ isContact: true })).toBe("contact");
    expect(identityShared({ isContact: false, words: "call me on 010-2345-6789" })).toBe("phone");
    expect(identityShared({ isContact: false, words: "write to rita.okafor@example.com" })).toBe("email");
    expect(identityShared({ isContact: false, words: "I am @ritanya_ok there" })).toBe("handle");
    expect(identityShared({ isContact: false, words: "see t.me/ritanya_ok" })).toBe("link");
    expect(identityShared({ isContact: false, words: "제 번호는 ０１０-９８７６-５４３２예요" })).toBe("phone");
  });

  it("lets places and ordinary words through: in a chat about meeting, places are the point", () => {
    expect(identityShared({ isContact: false, words: "101동 202호 앞에서 만나요" })).toBeUndefined();
    expect(identityShared({ isContact: false, words: "I'm at 12 Main Street, ring twice" })).toBeUndefined();
    expect(identityShared({ isContact: false, words: "See you in 10 minutes" })).toBeUndefined();
    expect(identityShared({ isContact: false })).toBeUndefined();
  });
});
