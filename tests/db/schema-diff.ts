import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * The SQL Prisma's schema engine would write as the next migration, given the
 * migrations folder and schema.prisma: "" when they agree. Uses the engine's
 * WASM build over PGlite, so it runs where the native engine cannot be had.
 */

type PanicRegistry = { message: string; get(): string; set_message(message: string): void };
const panics = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
// Without a registry the engine swallows the text of a panic.
panics.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: "",
  get() {
    return this.message;
  },
  set_message(message: string) {
    this.message = message;
  },
};

let engineClass: Promise<typeof bindings.SchemaEngine> | undefined;

function loadEngine(): Promise<typeof bindings.SchemaEngine> {
  // The package's root entry imports the .wasm as a module (experimental in
  // Node 20); instantiate it by hand from the bindings subpath instead.
  engineClass ??= (async () => {
    const bindingsFile = createRequire(path.resolve("package.json")).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(bindingsFile), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bindings.SchemaEngine;
  })();
  return engineClass;
}

/**
 * pglite-prisma-adapter 0.7.2 does not await scripts (a failing migration would
 * pass silently) and opens its shadow database without extensions. This factory
 * fixes both, and backs main and shadow with one in-memory PGlite: for this
 * diff the engine only asks the main connection for its version.
 */
function adapterFactory() {
  let shared: Promise<PGlite> | undefined;
  const open = () => (shared ??= PGlite.create({ extensions: { pg_trgm, btree_gin } }));
  const connect = async () => {
    const pglite = await open();
    const adapter = await new PrismaPGlite(pglite).connect();
    adapter.executeScript = async (script: string) => {
      await pglite.exec(script);
    };
    return adapter;
  };
  return {
    provider: "postgres" as const,
    adapterName: "pglite-prisma-adapter",
    connect,
    connectToShadowDb: connect,
    async close() {
      if (shared) await (await shared).close();
    },
  };
}

async function migrationsList(migrationsDir: string) {
  const baseDir = path.resolve(migrationsDir);
  const lockfile = "migration_lock.toml";
  const entries = (await readdir(baseDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir,
    lockfile: { path: lockfile, content: await readFile(path.join(baseDir, lockfile), "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(baseDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

export async function diffMigrationsToSchema({
  migrationsDir,
  schemaPath,
}: {
  migrationsDir: string;
  schemaPath: string;
}): Promise<string> {
  const SchemaEngine = await loadEngine();
  const files = [{ path: path.resolve(schemaPath), content: await readFile(schemaPath, "utf8") }];
  const factory = adapterFactory();
  let engine: bindings.SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new(
      { datamodels: files.map((file) => [file.path, file.content]) },
      () => undefined,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...(await migrationsList(migrationsDir)) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const script = stdout ?? "";
    // In-sync renders as "-- This is an empty migration.": comments only.
    return /^\s*(--[^\n]*\n?\s*)*$/.test(script) ? "" : script;
  } catch (error) {
    const panic = panics.PRISMA_WASM_PANIC_REGISTRY?.get();
    throw new Error(`schema engine diff failed: ${error instanceof Error ? error.message : String(error)}${panic ? `\n${panic}` : ""}`, {
      cause: error,
    });
  } finally {
    engine?.free();
    await factory.close();
  }
}
