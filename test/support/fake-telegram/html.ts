// Telegram's parse_mode "HTML": a small fixed tag set, four named character
// entities plus numeric ones. Errors mirror Telegram's wording, including the
// UTF-8 byte offsets it reports.
import type { MessageEntity } from "./types.js";

export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

/** Carries the part of the description after "can't parse entities: ". */
export class EntityParseError extends Error {}

const SUPPORTED_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

const SIMPLE_ENTITY: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  span: "spoiler",
  "tg-spoiler": "spoiler",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  name: string;
  start: number; // UTF-16 offset in the output
  attrs: Map<string, string>;
  /** Set by a nested <code class="language-x"> so the pre carries the language. */
  language?: string;
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\n" || c === "\t" || c === "\r";

export function byteOffset(src: string, index: number): number {
  return Buffer.byteLength(src.slice(0, index), "utf8");
}

/** Decodes an entity starting at src[i] === '&'; undefined when the '&' is a literal. */
function decodeEntity(src: string, i: number): { text: string; end: number } | undefined {
  const numeric = /^&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});/.exec(src.slice(i, i + 14));
  if (numeric) {
    const body = numeric[1] ?? "";
    const code = body.startsWith("x") ? parseInt(body.slice(1), 16) : parseInt(body, 10);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
      return { text: String.fromCodePoint(code), end: i + numeric[0].length };
    }
    return undefined;
  }
  const named = /^&([a-zA-Z][a-zA-Z0-9]{0,31});/.exec(src.slice(i, i + 40));
  if (named) {
    const decoded = NAMED_ENTITIES[named[1] ?? ""];
    if (decoded === undefined) {
      // Telegram would show "&nbsp;" literally; that is never what the bot meant.
      throw new EntityParseError(`Unsupported HTML entity "${named[0]}" at byte offset ${byteOffset(src, i)}`);
    }
    return { text: decoded, end: i + named[0].length };
  }
  return undefined;
}

function decodeAttribute(value: string): string {
  let out = "";
  for (let i = 0; i < value.length;) {
    if (value[i] === "&") {
      const d = decodeEntity(value, i);
      if (d) {
        out += d.text;
        i = d.end;
        continue;
      }
    }
    out += value[i];
    i++;
  }
  return out;
}

export function parseHtml(src: string): ParsedText {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  const fail = (msg: string): never => {
    throw new EntityParseError(msg);
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "&") {
      const d = decodeEntity(src, i);
      if (d) {
        out += d.text;
        i = d.end;
      } else {
        out += "&";
        i++;
      }
      continue;
    }
    if (c !== "<") {
      out += c;
      i++;
      continue;
    }
    const begin = i;
    i++;
    if (src[i] !== "/") {
      let j = i;
      while (j < src.length && !isSpace(src[j]) && src[j] !== ">") j++;
      if (j >= src.length) fail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
      const name = src.slice(i, j).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(src, begin)}`);
      const attrs = new Map<string, string>();
      i = j;
      for (;;) {
        while (i < src.length && isSpace(src[i])) i++;
        if (i >= src.length) fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(src, begin)}`);
        if (src[i] === ">") break;
        const attrStart = i;
        while (i < src.length && !isSpace(src[i]) && src[i] !== "=" && src[i] !== ">") i++;
        const attrName = src.slice(attrStart, i).toLowerCase();
        if (attrName === "") fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(src, begin)}`);
        while (i < src.length && isSpace(src[i])) i++;
        if (src[i] !== "=") {
          attrs.set(attrName, "");
          continue;
        }
        i++;
        while (i < src.length && isSpace(src[i])) i++;
        let value: string;
        const quote = src[i];
        if (quote === '"' || quote === "'") {
          const close = src.indexOf(quote, i + 1);
          if (close < 0) fail(`Unclosed end of attribute value at byte offset ${byteOffset(src, i)}`);
          value = src.slice(i + 1, close);
          i = close + 1;
        } else {
          const valueStart = i;
          while (i < src.length && /[A-Za-z0-9.\-_:/?#=&%+~]/.test(src[i] ?? "")) i++;
          if (i === valueStart)
            fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(src, begin)}`);
          value = src.slice(valueStart, i);
        }
        attrs.set(attrName, decodeAttribute(value));
      }
      i++; // past '>'
      if (name === "span" && attrs.get("class") !== "tg-spoiler") {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, begin)}`);
      }
      if (name === "tg-emoji" && !attrs.get("emoji-id")) {
        fail(`Custom emoji entity must contain a tg://emoji URL at byte offset ${byteOffset(src, begin)}`);
      }
      stack.push({ name, start: out.length, attrs });
      continue;
    }
    // End tag.
    const top = stack.pop();
    if (top === undefined) fail(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`);
    const open = top as OpenTag;
    i++;
    let j = i;
    while (j < src.length && !isSpace(src[j]) && src[j] !== ">") j++;
    const endName = src.slice(i, j).toLowerCase();
    while (j < src.length && isSpace(src[j])) j++;
    if (src[j] !== ">") fail(`Unclosed end tag at byte offset ${byteOffset(src, begin)}`);
    if (endName !== "" && endName !== open.name) {
      fail(`Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${open.name}>", found "</${endName}>"`);
    }
    i = j + 1;
    const entity = closeTag(open, out.length, stack[stack.length - 1]);
    if (entity && entity.length > 0) entities.push(entity);
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

function closeTag(open: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const base = { offset: open.start, length: end - open.start };
  const simple = SIMPLE_ENTITY[open.name];
  if (simple) return { type: simple, ...base };
  switch (open.name) {
    case "a": {
      const href = open.attrs.get("href");
      return href ? { type: "text_link", ...base, url: href } : undefined;
    }
    case "code": {
      // <pre><code class="language-x"> is one pre entity with a language.
      if (parent?.name === "pre") {
        const cls = open.attrs.get("class");
        if (cls?.startsWith("language-")) parent.language = cls.slice("language-".length);
        return undefined;
      }
      return { type: "code", ...base };
    }
    case "pre":
      return open.language ? { type: "pre", ...base, language: open.language } : { type: "pre", ...base };
    case "blockquote":
      return { type: open.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", ...base };
    case "tg-emoji":
      return { type: "custom_emoji", ...base, custom_emoji_id: open.attrs.get("emoji-id") ?? "" };
  }
  return undefined;
}
