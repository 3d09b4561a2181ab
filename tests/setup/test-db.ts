import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
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

export interface Templates {
  /** A database with every migration applied. */
  migrated: string;
  /** A database with nothing in it (PGlite: an initdb'd dump, much faster to load than initdb). */
  empty: string | undefined;
}

async function dumpPglite(migrated: boolean): Promise<string> {
  const pglite = createPglite();
  const database = databaseFromPglite(pglite);
  await pglite.waitReady; // dumpDataDir does not wait for start-up itself
  if (migrated) await migrate(database);
  const dump = await pglite.dumpDataDir("none");
  await database.close();
  const file = path.join(os.tmpdir(), `${uniqueName(migrated ? "customers-template" : "customers-empty")}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/** Global setup: templates that per-file setup copies. */
export async function prepareTemplates(): Promise<Templates> {
  if (testEngine() === "pg") {
    const name = uniqueName("customers_tpl");
    await createServerDatabase(name);
    const database = databaseFromUrl(serverUrl(name), { poolSize: 1 });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    return { migrated: name, empty: undefined };
  }
  const migrated = await dumpPglite(true);
  const empty = await dumpPglite(false);
  return { migrated, empty };
}

export async function disposeTemplates(templates: Templates): Promise<void> {
  if (testEngine() === "pg") await dropServerDatabase(templates.migrated);
  else await Promise.all([templates.migrated, templates.empty].map((file) => file && rm(file, { force: true })));
}

export interface TestDatabase {
  database: Database;
  dispose(): Promise<void>;
}

/** A database of the test engine: a copy of a template (on PostgreSQL, none means empty). */
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
