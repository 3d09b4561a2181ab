import { z } from "zod";

const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-0123456789";

const postgresUrl = z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
        message: "must start with postgres:// or postgresql://",
      });

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    APP_DATABASE_URL: postgresUrl,
    TRUST_PROXY: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((value) => value === "true" || value === "1"),
    PGLITE_DATA_DIR: z.string().trim().min(1).default("./data/pglite"),
    SESSION_SECRET: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "is required in production (at least 32 random characters)",
      });
    }
    if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.length < 32) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "must be at least 32 characters",
      });
    }
  });

export type Env = {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  /** The owner's connection (migrations); also where the app connects, as its own role. */
  databaseUrl: string | undefined;
  /** Where the app logs in as customers_app; derived from databaseUrl when unset. */
  appDatabaseUrl: string | undefined;
  /** Take the client's address from X-Forwarded-For (behind a proxy you trust). */
  trustProxy: boolean;
  pgliteDataDir: string;
  sessionSecret: string;
  /** True when SESSION_SECRET was not set (allowed outside production only). */
  usingDevSecret: boolean;
  port: number;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validate a raw environment. Exported for tests; the app uses `env()`. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  return {
    nodeEnv: parsed.NODE_ENV,
    isProduction: parsed.NODE_ENV === "production",
    databaseUrl: parsed.DATABASE_URL,
    appDatabaseUrl: parsed.APP_DATABASE_URL,
    trustProxy: parsed.TRUST_PROXY ?? false,
    pgliteDataDir: parsed.PGLITE_DATA_DIR,
    sessionSecret: parsed.SESSION_SECRET ?? DEV_SESSION_SECRET,
    usingDevSecret: parsed.SESSION_SECRET === undefined,
    port: parsed.PORT,
  };
}

let cached: Env | undefined;

/** The validated configuration, read once per process. */
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
  }
  return cached;
}
