// Runs before `npm run dev`: the embedded (or configured) database is migrated
// and, the first time, seeded — so a fresh clone needs no other step.
import { openDatabase } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { env } from "~/utils/env.server";
import { DEMO_ACCOUNT, seedDemoAccount } from "../prisma/seed";

const config = env();
const database = openDatabase(config);
try {
  const { applied, warnings } = await migrate(database);
  for (const warning of warnings) console.warn(`⚠ ${warning}`);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  if (await seedDemoAccount(database.owner)) console.log("Seeded the demo account with sample customers.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
} finally {
  await database.close();
}
const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.pgliteDataDir}`;
console.log(`
  Customers is starting on http://localhost:${config.port}  (database: ${where})
  Demo login:  ${DEMO_ACCOUNT.email}  /  ${DEMO_ACCOUNT.password}
`);
process.exit(0);
