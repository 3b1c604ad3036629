import { pino, type DestinationStream, type Logger } from "pino";
import type { Config } from "./config.js";

export type { Logger };

// An allow-list, not pino's default of copying every property: a GrammyError carries the
// method's `payload` (message text, coordinates) and a pg error its `detail` (row values).
const ERROR_FIELDS = ["message", "stack", "code", "error_code", "description", "method"] as const;
// Causes rarely nest deeper; the bound keeps a cyclic cause chain from recursing forever.
const MAX_CAUSE_DEPTH = 3;

function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (typeof error !== "object" || error === null) return { type: typeof error, message: String(error) };
  // Not only Errors: the scenes plugin rethrows a failure inside `external` as a plain object.
  const out: Record<string, unknown> = { type: error instanceof Error ? error.constructor.name : "Object" };
  const fields = error as Record<string, unknown>;
  for (const key of ERROR_FIELDS) {
    if (typeof fields[key] === "string" || typeof fields[key] === "number") out[key] = fields[key];
  }
  // grammY's HttpError keeps the network failure in `error` rather than `cause`.
  const cause = fields.cause ?? fields.error;
  if (cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = serializeError(cause, depth + 1);
  return out;
}

/** Logs carry ids, never personal data: the error serializer is what keeps request payloads out. */
export function createLogger(level: Config["logLevel"], destination?: DestinationStream): Logger {
  return pino({ level, base: { app: "doum" }, serializers: { err: serializeError } }, destination);
}
