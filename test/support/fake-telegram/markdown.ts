// Telegram's parse_mode "MarkdownV2" (strict escaping) and legacy "Markdown".
// Only the common entity syntax is supported; anything Telegram would reject
// because of an unescaped reserved character is rejected here too.
import { byteOffset, EntityParseError, type ParsedText } from "./html.js";
import type { MessageEntity } from "./types.js";

const RESERVED_V2 = new Set([..."_*[]()~`>#+-=|{}.!"]);

interface Open {
  type: "bold" | "italic" | "underline" | "strikethrough" | "spoiler" | "text_link" | "custom_emoji";
  start: number; // UTF-16 offset in output
  srcPos: number; // index in source, for error offsets
}

interface Raw {
  type: "code" | "pre";
  start: number;
  srcPos: number;
  language?: string;
}

const MARKERS: Record<string, Open["type"]> = { "*": "bold", "~": "strikethrough" };

export function parseMarkdownV2(src: string): ParsedText {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  let raw: Raw | undefined;
  let quote: { start: number } | undefined;
  const fail = (msg: string): never => {
    throw new EntityParseError(msg);
  };
  const push = (e: MessageEntity): void => {
    if (e.length > 0) entities.push(e);
  };
  const closeQuote = (): void => {
    if (!quote) return;
    let end = out.length;
    if (out.endsWith("\n")) end--;
    push({ type: "blockquote", offset: quote.start, length: end - quote.start });
    quote = undefined;
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? "";
    const lineStart = i === 0 || src[i - 1] === "\n";
    if (!raw && lineStart) {
      if (c === ">") {
        quote ??= { start: out.length };
        i++;
        continue;
      }
      closeQuote();
    }
    const next = src[i + 1];
    if (c === "\\" && next !== undefined && next.charCodeAt(0) >= 1 && next.charCodeAt(0) <= 126) {
      out += next;
      i += 2;
      continue;
    }
    if (raw) {
      if (raw.type === "code" && c === "`") {
        push({ type: "code", offset: raw.start, length: out.length - raw.start });
        raw = undefined;
        i++;
      } else if (raw.type === "pre" && src.startsWith("```", i)) {
        const e: MessageEntity = { type: "pre", offset: raw.start, length: out.length - raw.start };
        if (raw.language) e.language = raw.language;
        push(e);
        raw = undefined;
        i += 3;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    if (!RESERVED_V2.has(c)) {
      out += c;
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    const close = (width: number): void => {
      const t = stack.pop() as Open;
      push({ type: t.type, offset: t.start, length: out.length - t.start });
      i += width;
    };
    const open = (type: Open["type"], width: number): void => {
      stack.push({ type, start: out.length, srcPos: i });
      i += width;
    };
    const marker = MARKERS[c];
    if (marker) {
      if (top?.type === marker) close(1);
      else open(marker, 1);
      continue;
    }
    switch (c) {
      case "_":
        if (top?.type === "underline" && next === "_") close(2);
        else if (top?.type === "italic") close(1);
        else if (next === "_") open("underline", 2);
        else open("italic", 1);
        continue;
      case "|":
        if (next !== "|") break;
        if (top?.type === "spoiler") close(2);
        else open("spoiler", 2);
        continue;
      case "`":
        if (src.startsWith("```", i)) {
          const r: Raw = { type: "pre", start: out.length, srcPos: i };
          i += 3;
          const nl = src.indexOf("\n", i);
          // The rest of the opening line names the language when it is a single word.
          if (nl >= 0 && /^[^\s`]*$/.test(src.slice(i, nl))) {
            if (nl > i) r.language = src.slice(i, nl);
            i = nl + 1;
          }
          raw = r;
        } else {
          raw = { type: "code", start: out.length, srcPos: i };
          i++;
        }
        continue;
      case "[":
        open("text_link", 1);
        continue;
      case "!":
        if (next !== "[") break;
        open("custom_emoji", 2);
        continue;
      case "]": {
        if (top?.type !== "text_link" && top?.type !== "custom_emoji") break;
        if (next !== "(") fail(`Can't find end of the entity starting at byte offset ${byteOffset(src, top.srcPos)}`);
        let j = i + 2;
        let url = "";
        while (j < src.length && src[j] !== ")") {
          if (src[j] === "\\" && j + 1 < src.length) {
            url += src[j + 1];
            j += 2;
          } else {
            url += src[j];
            j++;
          }
        }
        if (j >= src.length) fail(`Can't find end of a URL at byte offset ${byteOffset(src, i + 1)}`);
        stack.pop();
        const base = { offset: top.start, length: out.length - top.start };
        if (top.type === "custom_emoji") {
          const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
          if (!id) fail(`Custom emoji entity must contain a tg://emoji URL`);
          push({ type: "custom_emoji", ...base, custom_emoji_id: id ?? "" });
        } else {
          push({ type: "text_link", ...base, url });
        }
        i = j + 1;
        continue;
      }
    }
    fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
  }
  if (raw) {
    fail(
      raw.type === "pre"
        ? `Can't find end of Pre entity at byte offset ${byteOffset(src, raw.srcPos)}`
        : `Can't find end of the entity starting at byte offset ${byteOffset(src, raw.srcPos)}`,
    );
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) fail(`Can't find end of the entity starting at byte offset ${byteOffset(src, unclosed.srcPos)}`);
  closeQuote();
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

/** Legacy "Markdown": no nesting, only _ * ` [ are special, everything else is literal. */
export function parseLegacyMarkdown(src: string): ParsedText {
  let out = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  const unclosed = (pos: number): never => {
    throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(src, pos)}`);
  };
  while (i < src.length) {
    const c = src[i] ?? "";
    const next = src[i + 1];
    if (c === "\\" && next !== undefined && "_*`[".includes(next)) {
      out += next;
      i += 2;
      continue;
    }
    if (c === "*" || c === "_") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) unclosed(i);
      const inner = src.slice(i + 1, end);
      entities.push({ type: c === "*" ? "bold" : "italic", offset: out.length, length: inner.length });
      out += inner;
      i = end + 1;
      continue;
    }
    if (c === "`") {
      const fence = src.startsWith("```", i);
      const width = fence ? 3 : 1;
      const end = src.indexOf(fence ? "```" : "`", i + width);
      if (end < 0) unclosed(i);
      let inner = src.slice(i + width, end);
      let language: string | undefined;
      if (fence) {
        const nl = inner.indexOf("\n");
        if (nl >= 0 && /^[^\s`]+$/.test(inner.slice(0, nl))) {
          language = inner.slice(0, nl);
          inner = inner.slice(nl + 1);
        }
      }
      const e: MessageEntity = { type: fence ? "pre" : "code", offset: out.length, length: inner.length };
      if (language) e.language = language;
      entities.push(e);
      out += inner;
      i = end + width;
      continue;
    }
    if (c === "[") {
      const m = /^\[([^\]]*)\]\(([^)]*)\)/.exec(src.slice(i));
      if (!m) unclosed(i);
      const [whole = "", label = "", url = ""] = m ?? [];
      entities.push({ type: "text_link", offset: out.length, length: label.length, url });
      out += label;
      i += whole.length;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, entities: entities.filter((e) => e.length > 0) };
}
