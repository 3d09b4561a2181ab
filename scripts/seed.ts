// npm run db:seed — creates the demo account (once) in the configured database.
import { openDatabase } from "~/db/connection.server";
import { env } from "~/utils/env.server";
import { DEMO_ACCOUNT, seedDemoAccount } from "../prisma/seed";

const database = openDatabase(env());
try {
  const created = await seedDemoAccount(database.owner);
  console.log(created ? "Seeded the demo account." : "The demo account already exists.");
  console.log(`Demo login: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`);
} finally {
  await database.close();
}
process.exit(0);
