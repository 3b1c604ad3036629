// Validates method parameters (and, in self-tests, the fake's own results)
// against the machine-readable Bot API description in test/fixtures.
import { readFileSync } from "node:fs";

interface FieldDef {
  name: string;
  types: string[];
  required: boolean;
}
interface TypeDef {
  name: string;
  fields?: FieldDef[];
  subtypes?: string[];
}
interface MethodDef {
  name: string;
  returns: string[];
  fields?: FieldDef[];
}
interface ApiSchema {
  version: string;
  methods: Record<string, MethodDef>;
  types: Record<string, TypeDef>;
}

const schema = JSON.parse(readFileSync(new URL("../../fixtures/bot-api.json", import.meta.url), "utf8")) as ApiSchema;

export const apiVersion = schema.version;

// Telegram matches method names case-insensitively.
const methodsByLowerName = new Map(Object.values(schema.methods).map((m) => [m.name.toLowerCase(), m] as const));

export function canonicalMethodName(name: string): string | undefined {
  return methodsByLowerName.get(name.toLowerCase())?.name;
}

export function methodReturns(method: string): string[] {
  return schema.methods[method]?.returns ?? [];
}

export interface Issue {
  path: string;
  problem: "missing" | "type" | "unknown";
  message: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `${typeof v} ${JSON.stringify(v)}`;
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** Checks a value against alternatives like ["Integer", "String"]; reports the closest alternative's issues. */
export function checkValue(value: unknown, types: readonly string[], path: string): Issue[] {
  let best: Issue[] | undefined;
  for (const t of types) {
    const issues = checkType(value, t, path);
    if (issues.length === 0) return [];
    if (best === undefined || issues.length < best.length) best = issues;
  }
  if (best === undefined) return [];
  // A plain "wrong kind of value" is easier to read when it names every alternative.
  if (types.length > 1 && best.length === 1 && best[0]?.problem === "type" && best[0].path === path) {
    return [{ path, problem: "type", message: `${path || "value"} must be ${types.join(" or ")}, got ${describe(value)}` }];
  }
  return best;
}

function checkType(value: unknown, type: string, path: string): Issue[] {
  const wrong = (): Issue[] => [{ path, problem: "type", message: `${path || "value"} must be ${type}, got ${describe(value)}` }];
  if (type.startsWith("Array of ")) {
    if (!Array.isArray(value)) return wrong();
    const inner = type.slice("Array of ".length);
    return value.flatMap((el, i) => checkType(el, inner, `${path}[${i}]`));
  }
  switch (type) {
    case "Integer":
      return typeof value === "number" && Number.isInteger(value) ? [] : wrong();
    case "Float":
      return typeof value === "number" && Number.isFinite(value) ? [] : wrong();
    case "String":
      return typeof value === "string" ? [] : wrong();
    case "Boolean":
      return typeof value === "boolean" ? [] : wrong();
    case "InputFile":
      // Over JSON an InputFile can only be a reference string; real uploads are multipart.
      return typeof value === "string" ? [] : wrong();
  }
  const def = schema.types[type];
  if (def === undefined) return [{ path, problem: "type", message: `${path}: unknown schema type ${type}` }];
  if (def.subtypes !== undefined) return checkUnion(value, def, path);
  if (!isPlainObject(value)) return wrong();
  return checkFields(value, def.fields ?? [], path, type);
}

/** Field-by-field check of an object (or of a method's parameter set when typeName is a method). */
export function checkFields(obj: Record<string, unknown>, fields: readonly FieldDef[], path: string, typeName: string): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(obj)) {
    // Telegram silently ignores unknown fields; the fake does not, because
    // an ignored field is nearly always a typo that changes behaviour.
    if (!known.has(key) && obj[key] !== undefined) {
      issues.push({ path: join(path, key), problem: "unknown", message: `${join(path, key)}: unknown field in ${typeName}` });
    }
  }
  for (const f of fields) {
    const v = obj[f.name];
    if (v === undefined || v === null) {
      if (f.required) {
        issues.push({ path: join(path, f.name), problem: "missing", message: `${join(path, f.name)} is required in ${typeName}` });
      }
      continue;
    }
    issues.push(...checkValue(v, f.types, join(path, f.name)));
  }
  return issues;
}

const discriminators = new Map<string, Map<string, string>>();

/** Maps the value of a union's `type` field to its subtype, e.g. "all_private_chats" → BotCommandScopeAllPrivateChats. */
function discriminatorFor(def: TypeDef): Map<string, string> | undefined {
  const cached = discriminators.get(def.name);
  if (cached) return cached;
  const objectSubtypes = (def.subtypes ?? []).filter((s) => schema.types[s]?.fields !== undefined);
  if (objectSubtypes.length < 2 || objectSubtypes.length !== def.subtypes?.length) return undefined;
  if (!objectSubtypes.every((s) => schema.types[s]?.fields?.some((f) => f.name === "type"))) return undefined;
  const first = objectSubtypes[0] ?? "";
  let p = 0;
  while (p < first.length && objectSubtypes.every((s) => s[p] === first[p])) p++;
  while (p > 0 && !/[A-Z]/.test(first[p] ?? "")) p--;
  const map = new Map<string, string>();
  for (const s of objectSubtypes) {
    const tag = s
      .slice(p)
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase();
    map.set(tag, s);
  }
  discriminators.set(def.name, map);
  return map;
}

function checkUnion(value: unknown, def: TypeDef, path: string): Issue[] {
  const tags = discriminatorFor(def);
  if (tags && isPlainObject(value) && typeof value.type === "string") {
    const sub = tags.get(value.type);
    if (sub === undefined) {
      return [
        {
          path: join(path, "type"),
          problem: "type",
          message: `${join(path, "type")}: unknown ${def.name} type ${JSON.stringify(value.type)} (expected one of ${[...tags.keys()].join(", ")})`,
        },
      ];
    }
    return checkType(value, sub, path);
  }
  return checkValue(value, def.subtypes ?? [], path);
}

export function checkMethodParams(method: string, params: Record<string, unknown>): Issue[] {
  const def = schema.methods[method];
  if (def === undefined) return [{ path: "", problem: "unknown", message: `unknown method ${method}` }];
  return checkFields(params, def.fields ?? [], "", method);
}

/** For self-checks: does a result match the method's declared return type? */
export function checkMethodResult(method: string, result: unknown): Issue[] {
  const returns = methodReturns(method);
  return checkValue(result, returns, "result");
}

/**
 * Form-encoded and query-string parameters arrive as strings; Telegram
 * converts them by the parameter's declared type, and nested objects arrive
 * as JSON text.
 */
export function coerceStringParams(method: string, raw: Record<string, string>): Record<string, unknown> {
  const fields = new Map((schema.methods[method]?.fields ?? []).map((f) => [f.name, f.types] as const));
  const out: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(raw)) {
    const types = fields.get(key);
    out[key] = types === undefined ? text : coerceOne(text, types);
  }
  return out;
}

function coerceOne(text: string, types: readonly string[]): unknown {
  if (types.includes("Integer") && /^-?\d+$/.test(text)) return Number(text);
  if (types.includes("Float") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (types.includes("Boolean") && (text === "true" || text === "false")) return text === "true";
  const structured = types.some((t) => !["Integer", "Float", "Boolean", "String", "InputFile"].includes(t));
  if (structured && /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
