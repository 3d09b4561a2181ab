import { afterAll, inject } from "vitest";
import { setDatabase } from "~/db/db.server";
import { createTestDatabase } from "./test-db";

// Every test file gets its own database, copied from the migrated template.
const testDatabase = await createTestDatabase(inject("databaseTemplates").migrated);
setDatabase(testDatabase.database);

afterAll(async () => {
  setDatabase(undefined);
  await testDatabase.dispose();
});
