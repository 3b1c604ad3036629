import { InlineKeyboard } from "grammy";

/**
 * A keyboard built row by row ends with an empty row after its last `.row()`; clients draw it
 * as a gap, and a keyboard with no buttons at all is better sent as none.
 */
export function compactKeyboard(keyboard: InlineKeyboard): InlineKeyboard | undefined {
  const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
  return rows.length > 0 ? InlineKeyboard.from(rows) : undefined;
}
