import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { countingAdapter } from "./round-trips.server";

/** One connection's worth of raw SQL: what migrations and a few tests need. */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Sends a whole script over the simple protocol (many statements, plpgsql bodies). */
  exec(script: string): Promise<void>;
}

/** The role the app's queries run as: it neither owns the tables nor bypasses RLS. */
export const APP_ROLE = "customers_app";

/**
 * A database the app can use: a Prisma client plus raw access. Nothing outside
 * app/db knows which engine is behind it.
 */
export interface Database {
  engine: "pglite" | "postgres";
  /**
   * The app's client. Use it only through app/db/scope.server.ts, whose
   * transactions say which user they act for and run as APP_ROLE.
   */
  prisma: PrismaClient;
  /**
   * True when the app's client shares its session with the owner (PGlite has
   * one), so each transaction must switch to APP_ROLE itself. On PostgreSQL
   * the app logs in as APP_ROLE and this is false.
   */
  switchesRolePerTransaction: boolean;
  /** The table owner's client (bypasses RLS): maintenance jobs and tests' inspection. */
  readonly owner: PrismaClient;
  /** Runs `fn` on one dedicated owner connection (migrations, session locks, explicit BEGIN/COMMIT). */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PgliteOptions {
  /** A folder on disk, or omitted for an in-memory database. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()`, to start from a prepared database. */
  loadDataDir?: Blob | File;
}

export function createPglite({ dataDir, loadDataDir }: PgliteOptions = {}): PGlite {
  if (dataDir && !dataDir.includes("://")) {
    // PGlite creates the data folder itself but not its parents.
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  }
  return new PGlite({ dataDir, loadDataDir, extensions: { pg_trgm, btree_gin } });
}

/**
 * pglite-prisma-adapter 0.7.2 turns a failed COMMIT (a deferred constraint, a
 * serialization failure) into success: it handles the rejection of PGlite's
 * transaction promise with a callback that can no longer report it, then
 * awaits the handled promise at commit. Hand it a PGlite whose transaction
 * promise, once handled that way, still rejects for whoever awaits it next.
 */
function reportingCommitFailures(pglite: PGlite): PGlite {
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "transaction") {
        return (...args: Parameters<PGlite["transaction"]>) => {
          const result = target.transaction(...args);
          return Object.assign(result, {
            catch(handler: (error: unknown) => unknown) {
              const rethrown = result.then(undefined, (error: unknown) => {
                handler(error);
                throw error;
              });
              // Handled here so that an unawaited failure is not "unhandled";
              // awaiting `rethrown` still throws.
              rethrown.catch(() => undefined);
              return rethrown;
            },
          });
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      // PGlite keeps private fields: its methods must run on the real instance.
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function databaseFromPglite(pglite: PGlite): Database {
  const conn: SqlConnection = {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script: string) {
      await pglite.exec(script);
    },
  };
  const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPGlite(reportingCommitFailures(pglite))) });
  // PGlite is a single connection, so callers of withConnection (who may hold a
  // transaction open across awaits) take turns instead of interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    engine: "pglite",
    prisma,
    switchesRolePerTransaction: true,
    owner: prisma,
    withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T> {
      const run = queue.then(() => fn(conn));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * The app's connection string: the owner's, logging in as APP_ROLE instead.
 * The migration creates the role without a password, which servers that trust
 * local connections accept; elsewhere set APP_DATABASE_URL.
 */
export function appDatabaseUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = "";
  return url.toString();
}

/** Statements this long are prepared once per connection (see statementName); shorter ones cost little to parse. */
export const PREPARED_STATEMENT_MIN_LENGTH = 400;

/**
 * The name under which node-postgres prepares a long statement once per
 * connection and then only binds and executes it: PostgreSQL parses and
 * analyses the page statements (several kilobytes of SQL each, under RLS)
 * once per connection instead of on every request. The name is a hash of the
 * whole text, so a text never meets another under its name (which
 * node-postgres refuses), and a statement whose tables change is re-planned
 * by PostgreSQL itself. Short statements (BEGIN, COMMIT, set_config) go
 * unnamed: the empty name is PostgreSQL's unnamed statement, which
 * node-postgres never caches. Only the PostgreSQL path: PGlite is a separate
 * adapter.
 */
export function statementName(query: { sql: string }): string {
  if (query.sql.length < PREPARED_STATEMENT_MIN_LENGTH) return "";
  return `app_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 40)}`;
}

export interface UrlOptions {
  /** Where the app logs in as APP_ROLE; derived from the owner's URL when absent. */
  appUrl?: string;
  poolSize?: number;
}

export function databaseFromUrl(ownerUrl: string, options: UrlOptions = {}): Database {
  const poolSize = options.poolSize ?? 10;
  const prisma = new PrismaClient({
    adapter: countingAdapter(
      new PrismaPg(
        { connectionString: options.appUrl ?? appDatabaseUrl(ownerUrl), max: poolSize },
        // A server that goes away makes idle connections emit errors; without a
        // listener they would take the process down. The next query reconnects.
        { onPoolError: () => undefined, onConnectionError: () => undefined, statementNameGenerator: statementName },
      ),
    ),
  });
  let owner: PrismaClient | undefined;
  return {
    engine: "postgres",
    prisma,
    switchesRolePerTransaction: false,
    get owner() {
      owner ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl, max: 2 }) });
      return owner;
    },
    async withConnection(fn) {
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        return await fn({
          async query<Row>(sql: string, params: unknown[] = []) {
            const result = await client.query(sql, params);
            return result.rows as Row[];
          },
          async exec(script: string) {
            await client.query(script);
          },
        });
      } finally {
        await client.end();
      }
    },
    async close() {
      await Promise.all([prisma.$disconnect(), owner?.$disconnect()]);
    },
  };
}

export function openDatabase(config: { databaseUrl?: string; appDatabaseUrl?: string; pgliteDataDir: string }): Database {
  return config.databaseUrl
    ? databaseFromUrl(config.databaseUrl, { appUrl: config.appDatabaseUrl })
    : databaseFromPglite(createPglite({ dataDir: config.pgliteDataDir }));
}
