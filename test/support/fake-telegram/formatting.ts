// Turns what the bot sent (text + parse_mode or explicit entities) into what
// the user would see, and enforces Telegram's length rules on the result.
import { EntityParseError, parseHtml, type ParsedText } from "./html.js";
import { parseLegacyMarkdown, parseMarkdownV2 } from "./markdown.js";
import { badRequest, type MessageEntity } from "./types.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export function parseFormatted(text: string, parseMode: string | undefined, entities: MessageEntity[] | undefined): ParsedText {
  let parsed: ParsedText;
  // Explicit entities win over parse_mode, as in Telegram.
  if (entities !== undefined || parseMode === undefined || parseMode === "") {
    parsed = { text, entities: entities ? entities.map((e) => ({ ...e })) : [] };
  } else {
    const mode = parseMode.toLowerCase();
    try {
      if (mode === "html") parsed = parseHtml(text);
      else if (mode === "markdownv2") parsed = parseMarkdownV2(text);
      else if (mode === "markdown") parsed = parseLegacyMarkdown(text);
      else throw badRequest(`unsupported parse_mode`, "invalid parse_mode");
    } catch (e) {
      if (e instanceof EntityParseError) throw badRequest(`can't parse entities: ${e.message}`, "entity parse error");
      throw e;
    }
  }
  return trimParsed(parsed);
}

/** Telegram strips surrounding whitespace from texts and captions; entity offsets move with it. */
function trimParsed({ text, entities }: ParsedText): ParsedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(trimmed.length, e.offset + e.length - lead);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  }
  return { text: trimmed, entities: out };
}

/**
 * Lengths are counted in UTF-16 code units, the unit Telegram uses for entity
 * offsets, so an emoji counts as two.
 */
export function parseMessageText(text: string, parseMode?: string, entities?: MessageEntity[]): ParsedText {
  const parsed = parseFormatted(text, parseMode, entities);
  if (parsed.text.length === 0) throw badRequest("message text is empty", "text length");
  if (parsed.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long", "text length");
  return parsed;
}

export function parseCaption(caption: string | undefined, parseMode?: string, entities?: MessageEntity[]): ParsedText {
  if (caption === undefined) return { text: "", entities: [] };
  const parsed = parseFormatted(caption, parseMode, entities);
  if (parsed.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long", "caption length");
  return parsed;
}

/** Entities Telegram's clients attach to what a user types: commands, mentions, links, hashtags. */
export function detectUserEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  const patterns: [string, RegExp][] = [
    ["bot_command", /(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])/g],
    ["url", /https?:\/\/[^\s]+[^\s.,!?)]/g],
    ["mention", /(?<![\w@])@[A-Za-z0-9_]{5,32}\b/g],
    ["hashtag", /(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu],
  ];
  for (const [type, re] of patterns) {
    for (const m of text.matchAll(re)) {
      const offset = m.index;
      const inside = found.some((e) => offset >= e.offset && offset < e.offset + e.length);
      if (!inside) found.push({ type, offset, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
