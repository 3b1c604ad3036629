import { config as readDotenv } from "dotenv";
import { z } from "zod";

/** The one place that reads the environment. Everything else receives a parsed `Config`. */

// Parsed once per start: compiling zod's fast parser for this schema took longer than parsing.
z.config({ jitless: true });

const intList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s, ctx) => {
      const parts = s
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "");
      const numbers = parts.map(Number);
      if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
        ctx.addIssue({ code: "custom", message: "expected a comma-separated list of positive whole numbers" });
        return z.NEVER;
      }
      return numbers;
    });

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const percent = (fallback: number) => z.coerce.number().int().min(0).max(100).default(fallback);

const variables = z.object({
  BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, "expected a token like 123456789:AA… as given by @BotFather")
    .optional(),
  BOT_API_ROOT: z.url().default("https://api.telegram.org"),
  DATABASE_URL: z
    .string()
    .default("sqlite:data/doum.sqlite")
    .refine((u) => /^(sqlite:|postgres(ql)?:\/\/)/.test(u), "expected sqlite:<file> or postgres://…"),
  // "123:Mina, 456": each admin's id, and the name other admins know them by (optional).
  ADMIN_IDS: z
    .string()
    .default("")
    .refine(
      (s) => /^\s*(\d+(:[^,:<>&]{1,32})?\s*(,\s*\d+(:[^,:<>&]{1,32})?\s*)*)?$/.test(s),
      "expected comma-separated Telegram user ids, each optionally followed by :name (up to 32 characters, no , : < > &)",
    )
    .transform((s) =>
      s
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "")
        .map((p) => {
          const [id, name] = p.split(":");
          return { id: Number(id), name: name?.trim() || undefined };
        }),
    ),
  ADMIN_CONTACT: z.string().trim().max(200).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TZ: z
    .string()
    .default("Asia/Seoul")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "expected an IANA time zone such as Asia/Seoul"),
  HELP_CATEGORIES: z
    .string()
    .default("moving,repairs,tech,errands,pets,accompany,car,other")
    .transform((s) =>
      s
        .split(",")
        .map((c) => c.trim())
        .filter((c) => /^[a-z][a-z0-9_]{0,15}$/.test(c)),
    ),
  REQUEST_VALIDITY_PRESETS_MINUTES: intList("15,30,60,180"),
  REQUEST_VALIDITY_MIN_MINUTES: int(5, 1),
  REQUEST_VALIDITY_MAX_MINUTES: int(1440, 1),
  MAX_OPEN_REQUESTS_PER_USER: int(3, 1),
  HELPER_RADIUS_PRESETS_KM: intList("1,3,5,10"),
  DEFAULT_RADIUS_KM: int(3, 1),
  MAX_RADIUS_KM: int(10, 1),
  LOCATION_FUZZ_METERS: int(500, 300),
  PENALTY_LIMIT: int(3, 1),
  HELP_BADGES_PER_PENALTY_REMOVAL: int(5, 1),
  PRIZE_THRESHOLD: int(100, 1),
  HELPER_CANCEL_GRACE_MINUTES: int(10),
  REQUESTER_CANCEL_GRACE_MINUTES: int(10),
  COMPLETION_REMINDER_MINUTES: int(60, 1),
  COMPLETION_TIMEOUT_MINUTES: int(1440, 1),
  NO_SHOW_GRACE_MINUTES: int(30),
  FANOUT_WAVE_SIZE: int(10, 1),
  FANOUT_WAVE_INTERVAL_SECONDS: int(180, 1),
  CATCH_UP_MAX_REQUESTS: int(3, 0),
  RELAY_PROTECT_CONTENT: z.enum(["true", "false"]).default("true"),
  PAYMENT_PROVIDER_TOKEN: z.string().trim().min(1).optional(),
  PAYMENT_CURRENCY: z
    .string()
    .trim()
    .default("KRW")
    .refine((c) => {
      try {
        return /^[A-Z]{3}$/.test(c) && new Intl.NumberFormat("en", { style: "currency", currency: c }).resolvedOptions().currency === c;
      } catch {
        return false;
      }
    }, "expected a three-letter ISO 4217 currency code such as KRW"),
  TOPUP_AMOUNTS: intList("10,30,50"),
  CREDIT_PRICE: int(1000, 1),
  PLATFORM_SHARE_PERCENT: percent(10),
  LATE_CANCEL_FEE_PERCENT: percent(50),
  BADGE_CREDIT_VALUE: int(1, 1),
  WALKHOME_GRACE_MINUTES: int(10, 1),
  VOUCHER_VALID_DAYS: int(90, 1).refine((d) => d <= 3650, "at most 3650 days"),
  EMERGENCY_NUMBER: z
    .string()
    .trim()
    .default("112")
    .refine((n) => /^\+?[0-9][0-9 -]{1,19}$/.test(n), "expected a phone number such as 112"),
});

/** Every variable the bot reads; .env.example documents exactly these. */
export const CONFIG_VARIABLES = Object.keys(variables.shape);

const schema = variables
  .refine((c) => c.COMPLETION_REMINDER_MINUTES < c.COMPLETION_TIMEOUT_MINUTES, {
    path: ["COMPLETION_TIMEOUT_MINUTES"],
    message: "must be above COMPLETION_REMINDER_MINUTES",
  })
  .refine((c) => c.REQUEST_VALIDITY_MIN_MINUTES <= c.REQUEST_VALIDITY_MAX_MINUTES, {
    path: ["REQUEST_VALIDITY_MAX_MINUTES"],
    message: "must not be below REQUEST_VALIDITY_MIN_MINUTES",
  })
  .refine((c) => c.DEFAULT_RADIUS_KM <= c.MAX_RADIUS_KM, {
    path: ["DEFAULT_RADIUS_KM"],
    message: "must not exceed MAX_RADIUS_KM",
  })
  .refine((c) => c.HELP_CATEGORIES.length > 0, { path: ["HELP_CATEGORIES"], message: "needs at least one category" });

type Env = z.output<typeof schema>;

export interface Config {
  botToken: string | undefined;
  botApiRoot: string;
  databaseUrl: string;
  adminIds: number[];
  /** What admins call each other, by id; an admin without a name is shown as "admin <id>". */
  adminNames: ReadonlyMap<number, string>;
  /** Who users contact to top up credits ("@doum_help", a phone line); unset: "ask an admin". */
  adminContact: string | undefined;
  logLevel: Env["LOG_LEVEL"];
  timeZone: string;
  categories: string[];
  limits: {
    validityPresetsMinutes: number[];
    validityMinMinutes: number;
    validityMaxMinutes: number;
    maxOpenRequestsPerUser: number;
    radiusPresetsKm: number[];
    defaultRadiusKm: number;
    maxRadiusKm: number;
    locationFuzzMeters: number;
    penaltyLimit: number;
    helpBadgesPerPenaltyRemoval: number;
    prizeThreshold: number;
    helperCancelGraceMinutes: number;
    requesterCancelGraceMinutes: number;
    completionReminderMinutes: number;
    completionTimeoutMinutes: number;
    noShowGraceMinutes: number;
    fanoutWaveSize: number;
    fanoutWaveIntervalSeconds: number;
    catchUpMaxRequests: number;
  };
  /** Relayed copies cannot be forwarded or saved by the other side. */
  relayProtectContent: boolean;
  payments: {
    /** From @BotFather (/mybots → Payments); unset: no /topup invoices, an admin grants credits. */
    providerToken: string | undefined;
    /** ISO 4217 code; prices are in its smallest units (KRW has none below the won). */
    currency: string;
    /** Credits /topup offers, in order. */
    topupAmounts: number[];
    /** The price of one credit in the currency's smallest units. */
    creditPrice: number;
  };
  fees: {
    /** Of each completed request's fee, what goes to the donation pool (rounded down). */
    platformSharePercent: number;
    /** Of the fee, what a requester who cancels after the grace period pays the helper (rounded down). */
    lateCancelPercent: number;
    /** Credits the donation pool puts behind each help badge given to a board. */
    badgeCreditValue: number;
  };
  walkHome: {
    /** Minutes after a missed check-in before the helper, admins and the trusted contact are alerted. */
    graceMinutes: number;
    /** Said on every walk-home message: in real danger, call this, not the bot. */
    emergencyNumber: string;
  };
  vouchers: {
    /** Days a voucher can be given, claimed and fulfilled after it is issued. */
    validDays: number;
  };
}

/** Thrown with one line per bad variable, so the operator can fix them all at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable in .env means "not set", so defaults apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(config)";
        return `${name}: ${issue.message}${name in present ? ` (got "${present[name]}")` : ""}`;
      }),
    );
  }
  const e = result.data;
  return {
    botToken: e.BOT_TOKEN,
    botApiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    databaseUrl: e.DATABASE_URL,
    adminIds: e.ADMIN_IDS.map((admin) => admin.id),
    adminNames: new Map(e.ADMIN_IDS.flatMap((admin) => (admin.name ? [[admin.id, admin.name] as const] : []))),
    adminContact: e.ADMIN_CONTACT,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TZ,
    categories: e.HELP_CATEGORIES,
    limits: {
      validityPresetsMinutes: e.REQUEST_VALIDITY_PRESETS_MINUTES.filter(
        (m) => m >= e.REQUEST_VALIDITY_MIN_MINUTES && m <= e.REQUEST_VALIDITY_MAX_MINUTES,
      ),
      validityMinMinutes: e.REQUEST_VALIDITY_MIN_MINUTES,
      validityMaxMinutes: e.REQUEST_VALIDITY_MAX_MINUTES,
      maxOpenRequestsPerUser: e.MAX_OPEN_REQUESTS_PER_USER,
      radiusPresetsKm: e.HELPER_RADIUS_PRESETS_KM.filter((km) => km <= e.MAX_RADIUS_KM),
      defaultRadiusKm: e.DEFAULT_RADIUS_KM,
      maxRadiusKm: e.MAX_RADIUS_KM,
      locationFuzzMeters: e.LOCATION_FUZZ_METERS,
      penaltyLimit: e.PENALTY_LIMIT,
      helpBadgesPerPenaltyRemoval: e.HELP_BADGES_PER_PENALTY_REMOVAL,
      prizeThreshold: e.PRIZE_THRESHOLD,
      helperCancelGraceMinutes: e.HELPER_CANCEL_GRACE_MINUTES,
      requesterCancelGraceMinutes: e.REQUESTER_CANCEL_GRACE_MINUTES,
      completionReminderMinutes: e.COMPLETION_REMINDER_MINUTES,
      completionTimeoutMinutes: e.COMPLETION_TIMEOUT_MINUTES,
      noShowGraceMinutes: e.NO_SHOW_GRACE_MINUTES,
      fanoutWaveSize: e.FANOUT_WAVE_SIZE,
      fanoutWaveIntervalSeconds: e.FANOUT_WAVE_INTERVAL_SECONDS,
      catchUpMaxRequests: e.CATCH_UP_MAX_REQUESTS,
    },
    relayProtectContent: e.RELAY_PROTECT_CONTENT === "true",
    payments: {
      providerToken: e.PAYMENT_PROVIDER_TOKEN,
      currency: e.PAYMENT_CURRENCY,
      topupAmounts: [...new Set(e.TOPUP_AMOUNTS)],
      creditPrice: e.CREDIT_PRICE,
    },
    fees: {
      platformSharePercent: e.PLATFORM_SHARE_PERCENT,
      lateCancelPercent: e.LATE_CANCEL_FEE_PERCENT,
      badgeCreditValue: e.BADGE_CREDIT_VALUE,
    },
    walkHome: { graceMinutes: e.WALKHOME_GRACE_MINUTES, emergencyNumber: e.EMERGENCY_NUMBER },
    vouchers: { validDays: e.VOUCHER_VALID_DAYS },
  };
}

/** Reads `.env` (if present) under the real environment, which wins. */
export function loadConfig(): Config {
  readDotenv({ quiet: true });
  return parseConfig(process.env);
}
