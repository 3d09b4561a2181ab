import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database, SqlConnection } from "./connection.server";

/**
 * Applies prisma/migrations/* the way `prisma migrate deploy` would, without
 * Prisma's native schema engine (which cannot be downloaded everywhere this
 * project runs). Each migration.sql is sent whole, inside one transaction, and
 * recorded in the same `_prisma_migrations` table, so a machine that does have
 * the engine sees the same history.
 */

export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma/migrations");

// The key `prisma migrate` itself locks on, so the two never run at once.
const ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface MigrateResult {
  applied: string[];
  warnings: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

async function loadHistory(conn: SqlConnection): Promise<MigrationRow[]> {
  await conn.exec(CREATE_MIGRATIONS_TABLE);
  return conn.query<MigrationRow>(
    `SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function applyOne(conn: SqlConnection, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await conn.exec("BEGIN");
  try {
    await conn.exec(migration.sql);
    await conn.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await conn.exec("COMMIT");
  } catch (error) {
    // The transaction takes every statement of the script with it; what stays is
    // a record of the failure, which blocks later runs until someone looks.
    await conn.exec("ROLLBACK");
    await conn.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, logs, applied_steps_count)
       VALUES ($1, $2, $3, $4, $5, 0)`,
      [randomUUID(), migration.checksum, migration.name, startedAt, describeError(error)],
    );
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${describeError(error)}`,
    );
  }
}

function blockedMessage(row: MigrationRow): string {
  return [
    `Migration ${row.migration_name} failed earlier, so no further migrations are applied.`,
    `Its error: ${row.logs ?? "(none recorded)"}`,
    "The failed migration was rolled back; the database holds none of it.",
    `Fix it, then run: npm run db:migrate -- --rolled-back ${row.migration_name}`,
  ].join("\n");
}

export async function migrate(
  database: Database,
  { dir = DEFAULT_MIGRATIONS_DIR }: { dir?: string } = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  return database.withConnection(async (conn) => {
    await conn.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      const history = await loadHistory(conn);
      const failed = history.find((row) => !row.finished_at && !row.rolled_back_at);
      if (failed) throw new MigrationError(blockedMessage(failed));

      const done = new Map(
        history.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]),
      );
      const warnings: string[] = [];
      const known = new Set(migrations.map((migration) => migration.name));
      for (const name of done.keys()) {
        if (!known.has(name)) warnings.push(`Migration ${name} is applied but missing from ${dir}.`);
      }
      const applied: string[] = [];
      for (const migration of migrations) {
        const row = done.get(migration.name);
        if (row) {
          if (row.checksum !== migration.checksum) {
            warnings.push(`Migration ${migration.name} was modified after it was applied.`);
          }
          continue;
        }
        await applyOne(conn, migration);
        applied.push(migration.name);
      }
      return { applied, warnings };
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  });
}

/** Like `prisma migrate resolve --rolled-back`: unblocks a failed migration. */
export async function markRolledBack(database: Database, name: string): Promise<number> {
  return database.withConnection(async (conn) => {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<{ id: string }>(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now()
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL
        RETURNING id`,
      [name],
    );
    return rows.length;
  });
}
