import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type Persona } from "../support/fake-telegram/index.js";
import { apiOf, type Call } from "./helpers.js";

describe("fake Telegram: formatting and length rules", () => {
  let fake: FakeTelegram;
  let call: Call;
  let alice: Persona;

  beforeEach(async () => {
    fake = await startFakeTelegram({ limits: false });
    call = apiOf(fake);
    alice = fake.persona({ firstName: "Alice", languageCode: "en" });
    await alice.send("hi");
  });
  afterEach(async () => {
    await fake.close();
  });

  const html = (text: string): Promise<ReturnType<Call> extends Promise<infer R> ? R : never> =>
    call("sendMessage", { chat_id: alice.id, text, parse_mode: "HTML" });

  it("rejects an unescaped < in HTML and accepts &lt;", async () => {
    const bad = await html("2 < 3");
    expect(bad).toEqual({
      ok: false,
      error_code: 400,
      description: `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2`,
    });
    const good = await html("2 &lt; 3 &amp;&amp; 4 &gt; 1 &quot;ok&quot; &#169;");
    expect(good.ok).toBe(true);
    expect(alice.inbox.map((m) => m.text)).toEqual(['2 < 3 && 4 > 1 "ok" ©']);
    expect(fake.violations.map((v) => v.rule)).toEqual(["entity parse error"]);
  });

  it("reports unsupported, unclosed and mismatched tags with byte offsets", async () => {
    expect((await html("한<foo>x</foo>")).description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 3`,
    );
    expect((await html("<b>bold")).description).toBe(
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    );
    expect((await html("<b><i>x</b></i>")).description).toBe(
      `Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`,
    );
    expect((await html("a&nbsp;b")).ok).toBe(false);
    expect(alice.inbox).toHaveLength(0);
    expect(fake.violations).toHaveLength(4);
  });

  it("records plain text and entities for valid HTML", async () => {
    const res = await html(
      '<b>Bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> <a href="https://example.com/?a=1&amp;b=2">link</a> ' +
        '<code>c</code> <pre><code class="language-ts">let x</code></pre> <blockquote expandable>q</blockquote>',
    );
    expect(res.ok).toBe(true);
    const m = alice.inbox[0];
    expect(m?.text).toBe("Bold it u s sp link c let x q");
    expect(m?.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
      { type: "italic", offset: 5, length: 2 },
      { type: "underline", offset: 8, length: 1 },
      { type: "strikethrough", offset: 10, length: 1 },
      { type: "spoiler", offset: 12, length: 2 },
      { type: "text_link", offset: 15, length: 4, url: "https://example.com/?a=1&b=2" },
      { type: "code", offset: 20, length: 1 },
      { type: "pre", offset: 22, length: 5, language: "ts" },
      { type: "expandable_blockquote", offset: 28, length: 1 },
    ]);
    expect((res.result as { entities: unknown }).entities).toEqual(m?.entities);
  });

  it("counts entity offsets in UTF-16 code units", async () => {
    await html("🙂 <b>볼드</b>");
    expect(alice.inbox[0]?.entities).toEqual([{ type: "bold", offset: 3, length: 2 }]);
  });

  it("rejects an unescaped . in MarkdownV2 and parses the basic syntax", async () => {
    const bad = await call("sendMessage", { chat_id: alice.id, text: "Done.", parse_mode: "MarkdownV2" });
    expect(bad.description).toBe(
      `Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'`,
    );
    const good = await call("sendMessage", {
      chat_id: alice.id,
      text: "*bold* _it_ __under__ ~st~ ||sp|| `c\\`` [site](https://ex.com/a\\)b) 1\\.5\\!\n```py\nprint(1)\n```",
      parse_mode: "MarkdownV2",
    });
    expect(good.ok).toBe(true);
    const m = alice.inbox[0];
    // Telegram trims the trailing newline left by the closing fence.
    expect(m?.text).toBe("bold it under st sp c` site 1.5!\nprint(1)");
    expect(m?.entities.map((e) => e.type)).toEqual(["bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link", "pre"]);
    expect(m?.entities.find((e) => e.type === "text_link")?.url).toBe("https://ex.com/a)b");
    expect(m?.entities.find((e) => e.type === "pre")?.language).toBe("py");
  });

  it("rejects an unclosed MarkdownV2 entity", async () => {
    const res = await call("sendMessage", { chat_id: alice.id, text: "a *bold", parse_mode: "MarkdownV2" });
    expect(res.description).toBe(`Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 2`);
  });

  it("enforces 1-4096 characters of text after parsing", async () => {
    const long = await call("sendMessage", { chat_id: alice.id, text: "a".repeat(4097) });
    expect(long).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: message is too long" });
    const exact = await call("sendMessage", { chat_id: alice.id, text: "a".repeat(4096) });
    expect(exact.ok).toBe(true);
    // Markup does not count: 4096 visible characters wrapped in tags are fine.
    const tagged = await html(`<b>${"a".repeat(4096)}</b>`);
    expect(tagged.ok).toBe(true);
    const empty = await html("<b> </b>");
    expect(empty.description).toBe("Bad Request: message text is empty");
    expect(fake.violations.map((v) => v.rule)).toEqual(["text length", "text length"]);
  });

  it("limits captions to 1024 characters", async () => {
    const photo = await alice.sendPhoto();
    const fileId = photo.photo?.[2]?.file_id;
    const res = await call("sendPhoto", { chat_id: alice.id, photo: fileId, caption: "c".repeat(1025) });
    expect(res.description).toBe("Bad Request: message caption is too long");
    const ok = await call("sendPhoto", { chat_id: alice.id, photo: fileId, caption: "<i>nice</i>", parse_mode: "HTML" });
    expect(ok.ok).toBe(true);
    expect(alice.inbox[0]).toMatchObject({
      kind: "photo",
      text: "nice",
      file_id: fileId,
      entities: [{ type: "italic", offset: 0, length: 4 }],
    });
  });
});
