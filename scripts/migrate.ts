// npm run db:migrate [-- --rolled-back <migration_name>]
// Applies prisma/migrations/* to the configured database (PGlite or DATABASE_URL).
import { openDatabase } from "~/db/connection.server";
import { markRolledBack, migrate, MigrationError } from "~/db/migrate.server";
import { ConfigError, env } from "~/utils/env.server";

async function main(): Promise<number> {
  const config = env();
  const database = openDatabase(config);
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${config.pgliteDataDir}`;
  try {
    const flag = process.argv.indexOf("--rolled-back");
    if (flag !== -1) {
      const name = process.argv[flag + 1];
      if (!name) throw new MigrationError("Usage: npm run db:migrate -- --rolled-back <migration_name>");
      const count = await markRolledBack(database, name);
      console.log(count ? `Marked ${name} as rolled back.` : `No failed migration named ${name}.`);
    }
    const { applied, warnings } = await migrate(database);
    for (const warning of warnings) console.warn(`⚠ ${warning}`);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${where}:\n${applied.map((name) => `  - ${name}`).join("\n")}`
        : `Database is up to date (${where}).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof MigrationError || error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
