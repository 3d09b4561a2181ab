import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { diffMigrationsToSchema } from "./schema-diff";

const migrationsDir = path.resolve("prisma/migrations");
const schemaPath = path.resolve("prisma/schema.prisma");

// The guard that keeps schema.prisma and the migrations from drifting apart.
it("schema.prisma describes exactly what the migrations build", async () => {
  expect(await diffMigrationsToSchema({ migrationsDir, schemaPath })).toBe("");
}, 180_000);

it("notices a column that only schema.prisma has", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "customers-schema-"));
  try {
    const schema = await readFile(schemaPath, "utf8");
    const drifted = schema.replace(/(model Customer \{\n)/, '$1  nickname String?\n');
    expect(drifted).not.toBe(schema);
    const driftedPath = path.join(dir, "schema.prisma");
    await writeFile(driftedPath, drifted);
    await cp(migrationsDir, path.join(dir, "migrations"), { recursive: true });
    const diff = await diffMigrationsToSchema({ migrationsDir: path.join(dir, "migrations"), schemaPath: driftedPath });
    expect(diff).toMatch(/ALTER TABLE "customers" ADD COLUMN\s+"nickname" TEXT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 180_000);
