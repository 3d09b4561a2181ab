import { spawnSync } from "node:child_process";
import pg from "pg";

/** The bench's own database: created when missing, migrated like production. */

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Refuses to fill (and truncate) a database that is not obviously the bench's. */
export function assertBenchDatabase(url: string, anyDatabase: boolean): void {
  const name = databaseName(url);
  if (!name) throw new Error(`DATABASE_URL ${url} names no database`);
  if (!anyDatabase && !name.includes("bench")) {
    throw new Error(
      `Refusing to use database "${name}": the bench truncates its tables and loads up to 1M customers.\n` +
        `Point BENCH_DATABASE_URL at a dedicated database (e.g. .../customers_bench) or pass --any-database.`,
    );
  }
}

/** Runs `fn` connected to the server's `postgres` database (to create or drop the one in `url`). */
async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Creates the database (dropping it first when `fresh`), through the server's `postgres` database. */
export async function ensureDatabase(url: string, { fresh }: { fresh: boolean }): Promise<void> {
  const name = databaseName(url);
  await withAdmin(url, async (admin) => {
    const quoted = admin.escapeIdentifier(name);
    if (fresh) {
      console.log(`Dropping database ${name} (--fresh)`);
      await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    }
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      console.log(`Creating database ${name}`);
      await admin.query(`CREATE DATABASE ${quoted}`);
    }
  });
}

/** Drops the database, for a bench that made its own. */
export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(databaseName(url))} WITH (FORCE)`));
}

/** `npm run db:migrate` against the bench database; a migration edited after it ran is worth a loud note. */
export function migrate(url: string): void {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0) throw new Error(`npm run db:migrate failed:\n${output}`);
  console.log(output.split("\n").map((line) => `  ${line}`).join("\n"));
  if (output.includes("modified after it was applied")) {
    console.warn("⚠ A migration changed after it was applied to the bench database: rerun with --fresh to apply it as it is now.");
  }
}
