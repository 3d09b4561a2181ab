import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPglite, databaseFromPglite, databaseFromUrl, type Database } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";

/**
 * Test databases. `npm test` uses PGlite; `npm run test:pg` (TEST_DATABASE=pg)
 * uses the PostgreSQL server at DATABASE_URL. Either way the schema is migrated
 * once into a template, and each test file gets its own copy of it.
 */
export type TestEngine = "pglite" | "pg";

export function testEngine(): TestEngine {
  return process.env.TEST_DATABASE === "pg" ? "pg" : "pglite";
}

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function serverUrl(database?: string): string {
  const url = new URL(process.env.DATABASE_URL || DEFAULT_SERVER_URL);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createServerDatabase(name: string, template?: string): Promise<void> {
  await withAdmin((client) =>
    client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`),
  );
}

export async function dropServerDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Global setup: a migrated template. Returns what per-file setup needs to copy it. */
export async function prepareTemplate(): Promise<string> {
  if (testEngine() === "pg") {
    const name = uniqueName("customers_tpl");
    await createServerDatabase(name);
    const database = databaseFromUrl(serverUrl(name), { poolSize: 1 });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    return name;
  }
  const pglite = createPglite();
  const database = databaseFromPglite(pglite);
  await migrate(database);
  const dump = await pglite.dumpDataDir("none");
  await database.close();
  const file = path.join(os.tmpdir(), `${uniqueName("customers-template")}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

export async function disposeTemplate(template: string): Promise<void> {
  if (testEngine() === "pg") await dropServerDatabase(template);
}

export interface TestDatabase {
  database: Database;
  dispose(): Promise<void>;
}

/** A database of the test engine: a copy of the template, or empty without one. */
export async function createTestDatabase(template?: string): Promise<TestDatabase> {
  if (testEngine() === "pg") {
    const name = uniqueName("customers_test");
    await createServerDatabase(name, template);
    const database = databaseFromUrl(serverUrl(name), { poolSize: 5 });
    return {
      database,
      async dispose() {
        await database.close();
        await dropServerDatabase(name);
      },
    };
  }
  const loadDataDir = template ? new Blob([await readFile(template)]) : undefined;
  const database = databaseFromPglite(createPglite({ loadDataDir }));
  return { database, dispose: () => database.close() };
}
