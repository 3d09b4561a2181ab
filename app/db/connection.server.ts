import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

/** One connection's worth of raw SQL: what migrations and a few tests need. */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Sends a whole script over the simple protocol (many statements, plpgsql bodies). */
  exec(script: string): Promise<void>;
}

/**
 * A database the app can use: a Prisma client plus raw access. Nothing outside
 * app/db knows which engine is behind it.
 */
export interface Database {
  engine: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Runs `fn` on one dedicated connection (session locks, explicit BEGIN/COMMIT). */
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
  return new PGlite({ dataDir, loadDataDir, extensions: { pg_trgm } });
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
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is a single connection, so callers of withConnection (who may hold a
  // transaction open across awaits) take turns instead of interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    engine: "pglite",
    prisma,
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

export function databaseFromUrl(connectionString: string, options: { poolSize?: number } = {}): Database {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: options.poolSize ?? 10 }),
  });
  return {
    engine: "postgres",
    prisma,
    async withConnection(fn) {
      const client = new pg.Client({ connectionString });
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
      await prisma.$disconnect();
    },
  };
}

export function openDatabase(config: { databaseUrl?: string; pgliteDataDir: string }): Database {
  return config.databaseUrl
    ? databaseFromUrl(config.databaseUrl)
    : databaseFromPglite(createPglite({ dataDir: config.pgliteDataDir }));
}
