import { env } from "~/utils/env.server";
import { openDatabase, type Database } from "./connection.server";

// Kept on globalThis so that `remix dev` rebuilds reuse the open database:
// PGlite allows one owner of its data folder per process.
const holder = globalThis as typeof globalThis & { __customersDatabase?: Database };

/** The process-wide database, opened on first use from the validated config. */
export function getDatabase(): Database {
  holder.__customersDatabase ??= openDatabase(env());
  return holder.__customersDatabase;
}

/** Replaces the process-wide database (tests give each file its own). */
export function setDatabase(database: Database | undefined): void {
  holder.__customersDatabase = database;
}

/** Closes the process-wide database, if open (graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  const database = holder.__customersDatabase;
  holder.__customersDatabase = undefined;
  await database?.close();
}
