/**
 * Callback data is untrusted input (DESIGN decision 3): a short versioned code naming an action
 * and its arguments. Handlers re-read state and check permission; this module only shapes it.
 */
const VERSION = "1";
const SEPARATOR = ":";
const MAX_BYTES = 64;

export function callbackData(action: string, ...args: (string | number)[]): string {
  const data = [VERSION, action, ...args.map(String)].join(SEPARATOR);
  if (Buffer.byteLength(data, "utf8") > MAX_BYTES) throw new Error(`callback data over ${MAX_BYTES} bytes: ${data}`);
  return data;
}

/** Matches data of one action (any arguments) for `bot.callbackQuery` and scene waits. */
export function callbackPattern(action: string): RegExp {
  return new RegExp(`^${VERSION}${SEPARATOR}${action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:${SEPARATOR}|$)`);
}

/** Arguments of data already known to match `action`; undefined for anything malformed. */
export function callbackArgs(data: string | undefined, action: string): string[] | undefined {
  if (data === undefined || !callbackPattern(action).test(data)) return undefined;
  return data.split(SEPARATOR).slice(2);
}
