/**
 * Callback data is untrusted input (DESIGN decision 3): a short versioned code naming an action
 * and its arguments. An action declares its argument types once; data that does not parse as
 * exactly those arguments is refused before any handler sees it. Handlers still re-read state
 * and check that this user may do this now.
 */
const VERSION = "1";
const SEPARATOR = ":";
/** Telegram's limit for `callback_data`. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export interface ArgType<T> {
  parse(raw: string): T | undefined;
  /** Marks a trailing argument that may be left out. */
  optional?: true;
}

type Value<A> = A extends ArgType<infer T> ? (A extends { optional: true } ? T | undefined : T) : never;
export type ArgsOf<A extends readonly ArgType<unknown>[]> = { [K in keyof A]: Value<A[K]> };

/** A row id: a positive whole number. */
export const id: ArgType<number> = { parse: (raw) => (/^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : undefined) };
/** A whole number from 0 (page numbers, amounts); the handler checks the range it accepts. */
export const whole: ArgType<number> = { parse: (raw) => (/^(0|[1-9]\d{0,8})$/.test(raw) ? Number(raw) : undefined) };
/** A short code from configuration (e.g. a category); the handler checks it is configured. */
export const code: ArgType<string> = { parse: (raw) => (/^[a-z0-9_]{1,24}$/.test(raw) ? raw : undefined) };

export function oneOf<const T extends string | number>(values: readonly T[]): ArgType<T> {
  return { parse: (raw) => values.find((v) => String(v) === raw) };
}

export function optional<T>(type: ArgType<T>): ArgType<T> & { optional: true } {
  return { parse: (raw) => type.parse(raw), optional: true };
}

export interface CallbackAction<A extends readonly ArgType<unknown>[] = readonly ArgType<unknown>[]> {
  readonly code: string;
  readonly args: A;
  /** Matches any data of this action, well-formed or not, so forged data reaches the refusal. */
  readonly pattern: RegExp;
  data(...args: ArgsOf<A>): string;
  /** The arguments, or undefined for anything that is not exactly this action's shape. */
  parse(data: string | undefined): ArgsOf<A> | undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function defineAction<const A extends readonly ArgType<unknown>[]>(code: string, args: A): CallbackAction<A> {
  const pattern = new RegExp(`^${VERSION}${SEPARATOR}${escapeRegExp(code)}(?:${SEPARATOR}|$)`);
  const required = args.filter((a) => !a.optional).length;
  return {
    code,
    args,
    pattern,
    data(...values) {
      const present = (values as unknown[]).filter((v) => v !== undefined).map(String);
      const data = [VERSION, code, ...present].join(SEPARATOR);
      if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) {
        throw new Error(`callback data over ${CALLBACK_DATA_MAX_BYTES} bytes: ${data}`);
      }
      return data;
    },
    parse(data) {
      if (data === undefined || !pattern.test(data)) return undefined;
      const raw = data.split(SEPARATOR).slice(2);
      if (raw.length < required || raw.length > args.length) return undefined;
      const parsed: unknown[] = [];
      for (const [i, type] of args.entries()) {
        if (raw[i] === undefined) {
          parsed.push(undefined);
          continue;
        }
        const value = type.parse(raw[i]);
        if (value === undefined) return undefined;
        parsed.push(value);
      }
      return parsed as ArgsOf<A>;
    },
  };
}
