import { ConfigError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("defaults to the embedded database on port 3000 with a development secret", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ nodeEnv: "development", databaseUrl: undefined, pgliteDataDir: "./data/pglite", port: 3000, usingDevSecret: true });
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }).databaseUrl).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h:5432/db" }).databaseUrl).toBe("postgresql://u@h:5432/db");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with postgres/],
    [{ PORT: "eighty" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ NODE_ENV: "production" }, /SESSION_SECRET is required in production/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET must be at least 32 characters/],
  ])("rejects %o with a clear message", (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(ConfigError);
    expect(() => parseEnv(raw)).toThrow(message);
  });

  it("takes a real secret in production", () => {
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    expect(env).toMatchObject({ isProduction: true, usingDevSecret: false, sessionSecret: "x".repeat(40) });
  });
});
