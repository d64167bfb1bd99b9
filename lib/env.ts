import "server-only";
import { z } from "zod";

// Every variable the server reads, validated once. A missing or malformed variable
// stops start-up (instrumentation.ts calls getEnv()) with a message naming it.
const csv = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const auditKeySchema = z
  .string()
  .refine(
    (s) => Buffer.from(s, "base64").length >= 32,
    "must be at least 32 bytes encoded as base64 (openssl rand -base64 32)",
  );

const maxExceptionDaysSchema = z.coerce.number().int().min(1).max(3650).default(365);

const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  GITHUB_CLIENT_ID: z.string().min(1),
  GITHUB_CLIENT_SECRET: z.string().min(1),
  /** Where users sign in: https://github.com, https://ghe.example.com, or the simulator. */
  GITHUB_OAUTH_URL: z.url().default("https://github.com"),
  /** REST base: https://api.github.com, https://ghe.example.com/api/v3, or the simulator. */
  GITHUB_API_URL: z.url().default("https://api.github.com"),
  GATEHOUSE_ADMINS: csv,
  /** Logins admitted without organisation membership (contractors, break-glass accounts). */
  GATEHOUSE_ALLOWED_LOGINS: csv,
  /** When set, only members of these synced organisations may sign in (others are refused). */
  GATEHOUSE_ALLOWED_ORGS: csv,
  /** Absolute session lifetime: a session ends this long after sign-in, however active. */
  GATEHOUSE_SESSION_MAX_HOURS: z.coerce
    .number()
    .min(0.25)
    .max(24 * 30)
    .default(24),
  /** Requests per minute one API key may make (and twice this per client IP); then 429. */
  GATEHOUSE_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Sign-in attempts (OAuth start and callback) per minute per client IP; then 429. */
  GATEHOUSE_SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Peers whose X-Forwarded-For/-Host/-Proto are believed (the reverse proxy's addresses). */
  GATEHOUSE_TRUSTED_PROXIES: csv,
  GATEHOUSE_DEFAULT_ROLE: z.enum(["admin", "security_lead", "engineer", "auditor"]).default("engineer"),
  /** 32 bytes, base64: encrypts stored GitHub credentials (AES-256-GCM). */
  GATEHOUSE_ENCRYPTION_KEY: z
    .string()
    .refine(
      (s) => Buffer.from(s, "base64").length === 32,
      "must be 32 bytes encoded as base64 (openssl rand -base64 32)",
    ),
  /** At least 32 bytes, base64: keys the audit log's hash chain and signs its checkpoints. */
  GATEHOUSE_AUDIT_KEY: auditKeySchema,
  GITHUB_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Longest a policy exception may last from its approval, in days. */
  GATEHOUSE_MAX_EXCEPTION_DAYS: maxExceptionDaysSchema,
  /**
   * Demo/test mode only: lets admins point connections at loopback and private
   * addresses (the GitHub simulator). Link-local and metadata addresses stay refused.
   */
  GATEHOUSE_ALLOW_PRIVATE_NETWORK: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** How long finished evidence packs stay downloadable before their bytes are deleted. */
  GATEHOUSE_EVIDENCE_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .default(168),
  LOG_LEVEL: logLevelSchema,
  /** Set by `npm run demo`: the sign-in page labels the simulator as such. */
  GATEHOUSE_DEMO: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** The worker installs periodic sync schedules unless this is "off" (tests, one-off runs). */
  SYNC_SCHEDULES: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function describe(issues: z.core.$ZodIssue[], source: Record<string, string | undefined>): EnvError {
  return new EnvError(
    issues.map((issue) => {
      const name = issue.path.join(".");
      const missing = source[name] === undefined || source[name] === "";
      return missing ? `${name} is required but not set` : `${name} is invalid: ${issue.message}`;
    }),
  );
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw describe(result.error.issues, source);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

let auditKey: Buffer | undefined;

/**
 * The audit chain key alone, so that writing an audit entry (which must never be skipped)
 * does not depend on unrelated variables; start-up still validates it with the rest.
 */
export function getAuditKey(): Buffer {
  if (!auditKey) {
    const parsed = auditKeySchema.safeParse(process.env.GATEHOUSE_AUDIT_KEY);
    if (!parsed.success)
      throw new EnvError(["GATEHOUSE_AUDIT_KEY is missing or shorter than 32 bytes (base64)"]);
    auditKey = Buffer.from(parsed.data, "base64");
  }
  return auditKey;
}

/** Policy exception limits alone (read where policies are saved, also in tests and scripts). */
export function getPolicyLimits(): { maxExceptionDays: number } {
  const parsed = maxExceptionDaysSchema.safeParse(process.env.GATEHOUSE_MAX_EXCEPTION_DAYS || undefined);
  if (!parsed.success)
    throw new EnvError(["GATEHOUSE_MAX_EXCEPTION_DAYS must be a whole number of days, 1 to 3650"]);
  return { maxExceptionDays: parsed.data };
}

const rateLimitSchema = envSchema.pick({
  GATEHOUSE_API_RATE_LIMIT: true,
  GATEHOUSE_SIGN_IN_RATE_LIMIT: true,
});

/** Rate-limit budgets alone (read on every API request and sign-in, also in tests). */
export function getRateLimits(): { apiPerMinute: number; signInPerMinute: number } {
  const source = {
    GATEHOUSE_API_RATE_LIMIT: process.env.GATEHOUSE_API_RATE_LIMIT || undefined,
    GATEHOUSE_SIGN_IN_RATE_LIMIT: process.env.GATEHOUSE_SIGN_IN_RATE_LIMIT || undefined,
  };
  const parsed = rateLimitSchema.safeParse(source);
  if (!parsed.success) throw describe(parsed.error.issues, source);
  return {
    apiPerMinute: parsed.data.GATEHOUSE_API_RATE_LIMIT,
    signInPerMinute: parsed.data.GATEHOUSE_SIGN_IN_RATE_LIMIT,
  };
}

/** The sync worker needs no OAuth settings: the same definitions, fewer of them. */
const workerEnvSchema = envSchema.pick({
  DATABASE_URL: true,
  GATEHOUSE_ENCRYPTION_KEY: true,
  SYNC_SCHEDULES: true,
  LOG_LEVEL: true,
  GATEHOUSE_ALLOW_PRIVATE_NETWORK: true,
  GATEHOUSE_EVIDENCE_RETENTION_HOURS: true,
  NEXTAUTH_URL: true,
});
export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function getWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const result = workerEnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw describe(result.error.issues, source);
}

/**
 * LOG_LEVEL alone, read even when the rest of the environment is invalid: that is
 * exactly when the logger is needed. An unknown level falls back to "info".
 */
export function getLogLevel(): z.infer<typeof logLevelSchema> {
  const parsed = logLevelSchema.safeParse(process.env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : "info";
}

/**
 * Only the database settings, for commands that need nothing else (`gatehouse api-keys`):
 * they run where the web app's other secrets may not be set.
 */
const databaseEnvSchema = envSchema.pick({ DATABASE_URL: true, DATABASE_POOL_MAX: true });

export function getDatabaseEnv(
  source: Record<string, string | undefined> = process.env,
): z.infer<typeof databaseEnvSchema> {
  const result = databaseEnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw describe(result.error.issues, source);
}
