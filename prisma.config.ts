import { defineConfig } from "prisma/config";

// Only the CLI reads this. The app opens its own connection (app/db/), and
// migrations run through scripts/migrate.ts, because the native schema engine
// cannot be downloaded on every machine this project runs on.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
